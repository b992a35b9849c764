#pragma once
// Two-dimensional test functions for watching optimizers move, with exact
// gradients. The optimizer lab walks them with the same Optimizer class that
// trains networks.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "optimizers.hpp"
#include "rng.hpp"

namespace mlp {

enum class Surface : std::uint8_t {
  bowl,        // ½(x² + κ·y²): a quadratic with condition number κ, minimum (0, 0)
  rosenbrock,  // (1 − x)² + 100(y − x²)²: a curved valley, minimum (1, 1)
  beale,       // (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²: minimum (3, 0.5)
  saddle,      // x² − y²: no minimum; a saddle point at the origin
  himmelblau,  // (x² + y − 11)² + (x + y² − 7)²: four minima
};

Surface surface_from_name(std::string_view name);
const char* surface_name(Surface s);

struct SurfaceSpec {
  Surface kind = Surface::bowl;
  double condition = 10.0;  // κ of the bowl, >= 1
};

// How far a 2-D walk may go: a step beyond |1e6| on either axis ends it as
// diverged, and grids stay within the same square.
inline constexpr double kMaxCoordinate = 1e6;

struct Point2 {
  double x = 0, y = 0;
};

struct Bounds2 {
  double x0, x1, y0, y1;
};

SurfaceSpec validated(SurfaceSpec s);
double surface_value(const SurfaceSpec& s, double x, double y);
Point2 surface_gradient(const SurfaceSpec& s, double x, double y);
// The minima (empty for the saddle), and a view that frames them.
std::vector<Point2> surface_minima(const SurfaceSpec& s);
Bounds2 surface_view(const SurfaceSpec& s);
// Throws unless 2 <= nx, ny <= 2048 and the bounds are increasing and within ±kMaxCoordinate.
void validate_grid(const Bounds2& b, int nx, int ny);
// Values on an nx × ny grid over `b`, row-major from (x0, y0); for contour plots.
std::vector<float> surface_grid(const SurfaceSpec& s, const Bounds2& b, int nx, int ny);

// One optimizer walking a surface from a start point, a few steps per call.
// Optional Gaussian gradient noise (stddev `noise`) imitates SGD. A step that
// leaves |x|, |y| <= 1e6 or turns non-finite ends the run as diverged; the
// last finite point is kept.
class SurfaceWalk {
 public:
  SurfaceWalk(const SurfaceSpec& surface, const OptimizerConfig& optimizer, Point2 start, double noise,
              std::uint64_t seed);
  // Up to `steps` more steps; returns the new points as x, y, loss triples.
  std::vector<double> run(int steps);
  bool diverged() const { return diverged_; }
  std::int64_t steps() const { return opt_.steps(); }
  Point2 position() const { return {p_[0], p_[1]}; }
  double loss() const { return surface_value(surface_, p_[0], p_[1]); }
  // Distance to the nearest minimum (−1 on the saddle, which has none).
  double distance_to_minimum() const;

 private:
  SurfaceSpec surface_;
  Optimizer opt_;
  float p_[2];
  double noise_;
  Rng rng_;
  bool diverged_ = false;
};

}  // namespace mlp
