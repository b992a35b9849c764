#pragma once
// McCulloch & Pitts (1943): the threshold logic unit. Signals are all or
// nothing (0/1); a unit fires when at least `threshold` of its excitatory
// inputs are active and none of its inhibitory inputs is — in the 1943 paper
// an active inhibitory synapse prevents firing absolutely. Units are wired
// once into a feed-forward network ("the structure of the net does not
// change with time"): unit u reads the network's inputs and units before it.
#include <cstdint>
#include <span>
#include <vector>

namespace mlp {

inline constexpr int kMaxThresholdInputs = 8;
inline constexpr int kMaxThresholdUnits = 16;

struct ThresholdUnit {
  // One entry per signal it may read, in order: the network's inputs, then
  // the units before it (a prefix; missing entries are 0).
  // +1 excitatory, −1 inhibitory, 0 not connected.
  std::vector<int> synapses;
  int threshold = 1;  // in [0, kMaxThresholdInputs + kMaxThresholdUnits]
};

struct ThresholdNetwork {
  int inputs = 2;
  std::vector<ThresholdUnit> units;  // the last one is the network's output
};

// Throws naming the field (e.g. "synapse 3 of unit 2") for anything malformed.
void validate(const ThresholdNetwork& net);

// 1 when the unit fires on `signals` (inputs, then earlier units' outputs).
int threshold_unit_fire(const ThresholdUnit& unit, std::span<const std::uint8_t> signals);

// Every unit's output for each of the 2^inputs input rows, rows × units,
// row-major. In row r input k is bit (inputs − 1 − k) of r, so two inputs run
// 00, 01, 10, 11 like the logic-gate sets.
std::vector<std::uint8_t> threshold_truth_table(const ThresholdNetwork& net);

}  // namespace mlp
