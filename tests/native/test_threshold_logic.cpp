// McCulloch–Pitts units: NOT, AND and OR by their thresholds, absolute
// inhibition, XOR from three units in two layers, and the checks on a network.
#include <catch2/catch.hpp>

#include "threshold_logic.hpp"

using namespace mlp;

namespace {

// The output unit's column of the truth table.
std::vector<int> outputs(const ThresholdNetwork& net) {
  const auto table = threshold_truth_table(net);
  const std::size_t units = net.units.size();
  std::vector<int> out;
  for (std::size_t r = 0; r < table.size() / units; ++r) out.push_back(table[r * units + units - 1]);
  return out;
}

}  // namespace

TEST_CASE("one threshold unit is NOT, AND or OR by its threshold", "[threshold]") {
  CHECK(outputs({1, {{{-1}, 0}}}) == std::vector<int>{1, 0});         // NOT: inhibited, else fires at 0
  CHECK(outputs({2, {{{1, 1}, 2}}}) == std::vector<int>{0, 0, 0, 1});  // AND: both needed
  CHECK(outputs({2, {{{1, 1}, 1}}}) == std::vector<int>{0, 1, 1, 1});  // OR: either will do
  CHECK(outputs({2, {{{1, 1}, 0}}}) == std::vector<int>{1, 1, 1, 1});  // threshold 0: always
  CHECK(outputs({2, {{{0, 0}, 1}}}) == std::vector<int>{0, 0, 0, 0});  // unconnected: never
}

TEST_CASE("an active inhibitory synapse vetoes firing, whatever the excitation", "[threshold]") {
  // x₁ excites, x₂ inhibits, threshold 1: x₁ AND NOT x₂.
  CHECK(outputs({2, {{{1, -1}, 1}}}) == std::vector<int>{0, 0, 1, 0});
  // Three excitatory inputs cannot outvote one inhibitory.
  const ThresholdUnit unit{{1, 1, 1, -1}, 1};
  const std::uint8_t all[] = {1, 1, 1, 1};
  const std::uint8_t no_veto[] = {1, 1, 1, 0};
  CHECK(threshold_unit_fire(unit, all) == 0);
  CHECK(threshold_unit_fire(unit, no_veto) == 1);
}

TEST_CASE("XOR from McCulloch–Pitts units in two layers", "[threshold][xor]") {
  // h₁ = x₁ AND NOT x₂, h₂ = x₂ AND NOT x₁, y = h₁ OR h₂ (reads h₁ and h₂ only).
  const ThresholdNetwork net{2, {{{1, -1}, 1}, {{-1, 1}, 1}, {{0, 0, 1, 1}, 1}}};
  const auto table = threshold_truth_table(net);
  // Rows 00, 01, 10, 11; columns h₁, h₂, y.
  CHECK(table == std::vector<std::uint8_t>{0, 0, 0, /**/ 0, 1, 1, /**/ 1, 0, 1, /**/ 0, 0, 0});
  // No single unit does it: every wiring and threshold of one unit over two inputs misses a row.
  for (int a : {-1, 0, 1})
    for (int b : {-1, 0, 1})
      for (int t = 0; t <= 3; ++t) CHECK(outputs({2, {{{a, b}, t}}}) != std::vector<int>{0, 1, 1, 0});
}

TEST_CASE("threshold networks are checked field by field", "[threshold][errors]") {
  CHECK_THROWS_WITH(threshold_truth_table({0, {{{}, 1}}}), "threshold network inputs must be between 1 and 8, got 0");
  CHECK_THROWS_WITH(threshold_truth_table({2, {}}), "threshold network units must be between 1 and 16, got 0");
  CHECK_THROWS_WITH(threshold_truth_table({2, {{{1, 2}, 1}}}),
                    "synapse 2 of unit 1 must be -1 (inhibitory), 0 (none) or 1 (excitatory), got 2");
  // Unit 1 may read the two inputs only: a third synapse would be itself.
  CHECK_THROWS_WITH(threshold_truth_table({2, {{{1, 1, 1}, 1}}}), "synapse count of unit 1 must be between 0 and 2, got 3");
  CHECK_THROWS_WITH(threshold_truth_table({2, {{{1}, 1}, {{1}, -1}}}), "threshold of unit 2 must be between 0 and 24, got -1");
}
