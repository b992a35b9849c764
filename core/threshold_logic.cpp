#include "threshold_logic.hpp"

#include <string>

#include "errors.hpp"

namespace mlp {

void validate(const ThresholdNetwork& net) {
  require_in_range(net.inputs, 1, kMaxThresholdInputs, {"inputs", "threshold network inputs"});
  require_in_range(static_cast<long long>(net.units.size()), 1, kMaxThresholdUnits, {"units", "threshold network units"});
  for (std::size_t u = 0; u < net.units.size(); ++u) {
    const ThresholdUnit& unit = net.units[u];
    const std::string name = "unit " + std::to_string(u + 1), id = "units[" + std::to_string(u) + "]";
    // Feed-forward: a unit reads the inputs and the units before it, never itself or later ones.
    require_in_range(static_cast<long long>(unit.synapses.size()), 0, net.inputs + static_cast<long long>(u),
                     {id + ".synapses", "synapse count of " + name});
    for (std::size_t k = 0; k < unit.synapses.size(); ++k) {
      const int s = unit.synapses[k];
      require(s == -1 || s == 0 || s == 1,
              {id + ".synapses[" + std::to_string(k) + "]", "synapse " + std::to_string(k + 1) + " of " + name},
              "be -1 (inhibitory), 0 (none) or 1 (excitatory)", s);
    }
    require_in_range(unit.threshold, 0, kMaxThresholdInputs + kMaxThresholdUnits, {id + ".threshold", "threshold of " + name});
  }
}

int threshold_unit_fire(const ThresholdUnit& unit, std::span<const std::uint8_t> signals) {
  int active = 0;
  for (std::size_t k = 0; k < unit.synapses.size() && k < signals.size(); ++k) {
    if (!signals[k]) continue;
    if (unit.synapses[k] < 0) return 0;  // absolute inhibition
    active += unit.synapses[k];
  }
  return active >= unit.threshold ? 1 : 0;
}

std::vector<std::uint8_t> threshold_truth_table(const ThresholdNetwork& net) {
  validate(net);
  const int rows = 1 << net.inputs, units = static_cast<int>(net.units.size());
  std::vector<std::uint8_t> table(static_cast<std::size_t>(rows) * units);
  std::vector<std::uint8_t> signals(static_cast<std::size_t>(net.inputs + units));
  for (int r = 0; r < rows; ++r) {
    for (int k = 0; k < net.inputs; ++k) signals[static_cast<std::size_t>(k)] = (r >> (net.inputs - 1 - k)) & 1;
    for (int u = 0; u < units; ++u) {
      const auto fired = static_cast<std::uint8_t>(threshold_unit_fire(net.units[static_cast<std::size_t>(u)], signals));
      signals[static_cast<std::size_t>(net.inputs + u)] = fired;
      table[static_cast<std::size_t>(r) * units + u] = fired;
    }
  }
  return table;
}

}  // namespace mlp
