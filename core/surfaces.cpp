#include "surfaces.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "enum_names.hpp"
#include "errors.hpp"

namespace mlp {

const char* surface_name(Surface s) {
  switch (s) {
    case Surface::bowl: return "bowl";
    case Surface::rosenbrock: return "rosenbrock";
    case Surface::beale: return "beale";
    case Surface::saddle: return "saddle";
    case Surface::himmelblau: return "himmelblau";
  }
  return "?";
}

Surface surface_from_name(std::string_view name) {
  constexpr Surface kAll[] = {Surface::bowl, Surface::rosenbrock, Surface::beale, Surface::saddle, Surface::himmelblau};
  return enum_from_name(name, kAll, surface_name, "surface");
}

SurfaceSpec validated(SurfaceSpec s) {
  require(std::isfinite(s.condition) && s.condition >= 1.0 && s.condition <= 1e4, "condition",
          "be between 1 and 10000", s.condition);
  return s;
}

double surface_value(const SurfaceSpec& s, double x, double y) {
  switch (s.kind) {
    case Surface::bowl: return 0.5 * (x * x + s.condition * y * y);
    case Surface::rosenbrock: return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    case Surface::beale: {
      const double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
      return a * a + b * b + c * c;
    }
    case Surface::saddle: return x * x - y * y;
    case Surface::himmelblau: {
      const double a = x * x + y - 11, b = x + y * y - 7;
      return a * a + b * b;
    }
  }
  return 0.0;
}

Point2 surface_gradient(const SurfaceSpec& s, double x, double y) {
  switch (s.kind) {
    case Surface::bowl: return {x, s.condition * y};
    case Surface::rosenbrock: return {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
    case Surface::beale: {
      const double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
      return {2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1),
              2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y};
    }
    case Surface::saddle: return {2 * x, -2 * y};
    case Surface::himmelblau: {
      const double a = x * x + y - 11, b = x + y * y - 7;
      return {4 * a * x + 2 * b, 2 * a + 4 * b * y};
    }
  }
  return {};
}

std::vector<Point2> surface_minima(const SurfaceSpec& s) {
  switch (s.kind) {
    case Surface::bowl: return {{0, 0}};
    case Surface::rosenbrock: return {{1, 1}};
    case Surface::beale: return {{3, 0.5}};
    case Surface::saddle: return {};
    case Surface::himmelblau:
      return {{3, 2}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}};
  }
  return {};
}

Bounds2 surface_view(const SurfaceSpec& s) {
  switch (s.kind) {
    case Surface::bowl: return {-10, 10, -6, 6};
    case Surface::rosenbrock: return {-2, 2, -1, 3};
    case Surface::beale: return {-4.5, 4.5, -4.5, 4.5};
    case Surface::saddle: return {-2, 2, -2, 2};
    case Surface::himmelblau: return {-5, 5, -5, 5};
  }
  return {-1, 1, -1, 1};
}

void validate_grid(const Bounds2& b, int nx, int ny) {
  require_in_range(nx, 2, 2048, {"nx", "grid columns"});
  require_in_range(ny, 2, 2048, {"ny", "grid rows"});
  // Walks end as diverged beyond |1e6|; a grid beyond it would only square
  // its way to Infinity (and Infinity − Infinity to NaN).
  const auto in_range = [](double v) { return std::isfinite(v) && std::abs(v) <= kMaxCoordinate; };
  const std::string must = "be increasing and within ±" + format_number(kMaxCoordinate);
  require(in_range(b.x0) && in_range(b.x1) && b.x1 > b.x0, {"bounds", "x range"}, must,
          "[" + format_number(b.x0) + ", " + format_number(b.x1) + "]");
  require(in_range(b.y0) && in_range(b.y1) && b.y1 > b.y0, {"bounds", "y range"}, must,
          "[" + format_number(b.y0) + ", " + format_number(b.y1) + "]");
}

std::vector<float> surface_grid(const SurfaceSpec& s_in, const Bounds2& b, int nx, int ny) {
  const SurfaceSpec s = validated(s_in);
  validate_grid(b, nx, ny);
  std::vector<float> v(static_cast<std::size_t>(nx) * ny);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i)
      v[static_cast<std::size_t>(j) * nx + i] = static_cast<float>(
          surface_value(s, b.x0 + (b.x1 - b.x0) * i / (nx - 1), b.y0 + (b.y1 - b.y0) * j / (ny - 1)));
  return v;
}

SurfaceWalk::SurfaceWalk(const SurfaceSpec& surface, const OptimizerConfig& optimizer, Point2 start, double noise,
                         std::uint64_t seed)
    : surface_(validated(surface)), opt_(optimizer, 2), noise_(noise), rng_(seed) {
  require(std::isfinite(start.x) && std::abs(start.x) <= 1e3, {"x", "start x"}, "be finite, |x| <= 1000", start.x);
  require(std::isfinite(start.y) && std::abs(start.y) <= 1e3, {"y", "start y"}, "be finite, |y| <= 1000", start.y);
  require(std::isfinite(noise) && noise >= 0.0 && noise <= 1e3, {"noise", "gradient noise"}, "be in [0, 1000]", noise);
  p_[0] = static_cast<float>(start.x);
  p_[1] = static_cast<float>(start.y);
}

std::vector<double> SurfaceWalk::run(int steps) {
  require_in_range(steps, 1, 1000000, "steps");
  std::vector<double> out;
  for (int i = 0; i < steps && !diverged_; ++i) {
    const Point2 g = surface_gradient(surface_, p_[0], p_[1]);
    float grad[2] = {static_cast<float>(g.x + noise_ * rng_.normal()), static_cast<float>(g.y + noise_ * rng_.normal())};
    const float before[2] = {p_[0], p_[1]};
    opt_.step(p_, grad);
    const double loss = surface_value(surface_, p_[0], p_[1]);
    if (!std::isfinite(loss) || !(std::abs(p_[0]) <= kMaxCoordinate) || !(std::abs(p_[1]) <= kMaxCoordinate)) {
      p_[0] = before[0], p_[1] = before[1];
      diverged_ = true;
      break;
    }
    out.insert(out.end(), {p_[0], p_[1], loss});
  }
  return out;
}

double SurfaceWalk::distance_to_minimum() const {
  double best = std::numeric_limits<double>::infinity();
  for (const Point2& m : surface_minima(surface_)) best = std::min(best, std::hypot(p_[0] - m.x, p_[1] - m.y));
  return std::isfinite(best) ? best : -1.0;
}

}  // namespace mlp
