// The optimizer lab's numbers: surface gradients, optimizers reaching the
// bowl's minimum, the regression lesson's convergence and batch order, and the
// loss-landscape slice.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>

#include "landscape.hpp"
#include "regression.hpp"
#include "surfaces.hpp"
#include "synthetic.hpp"
#include "trainer.hpp"

using namespace mlp;

TEST_CASE("surface gradients match central differences", "[surfaces][gradcheck]") {
  Rng rng(4);
  for (Surface kind : {Surface::bowl, Surface::rosenbrock, Surface::beale, Surface::saddle, Surface::himmelblau}) {
    const SurfaceSpec s{kind, 7.0};
    const Bounds2 b = surface_view(s);
    for (int t = 0; t < 50; ++t) {
      const double x = rng.uniform(b.x0, b.x1), y = rng.uniform(b.y0, b.y1), h = 1e-6;
      const Point2 g = surface_gradient(s, x, y);
      const double gx = (surface_value(s, x + h, y) - surface_value(s, x - h, y)) / (2 * h);
      const double gy = (surface_value(s, x, y + h) - surface_value(s, x, y - h)) / (2 * h);
      INFO(surface_name(kind) << " at (" << x << ", " << y << ")");
      CHECK(g.x == Approx(gx).epsilon(1e-5).margin(1e-4));
      CHECK(g.y == Approx(gy).epsilon(1e-5).margin(1e-4));
    }
    for (const Point2& m : surface_minima(s)) {
      const Point2 g = surface_gradient(s, m.x, m.y);
      CHECK(std::hypot(g.x, g.y) < 1e-3);
    }
  }
}

TEST_CASE("every optimizer reaches the bowl's minimum", "[surfaces][optimizers]") {
  struct Case {
    OptimizerKind kind;
    float lr;
  };
  for (const Case c : {Case{OptimizerKind::sgd, 0.15f}, Case{OptimizerKind::momentum, 0.05f},
                       Case{OptimizerKind::nesterov, 0.05f}, Case{OptimizerKind::adagrad, 2.0f},
                       Case{OptimizerKind::rmsprop, 0.02f}, Case{OptimizerKind::adam, 0.1f}}) {
    OptimizerConfig o;
    o.kind = c.kind;
    o.learning_rate = c.lr;
    SurfaceWalk walk({Surface::bowl, 10.0}, o, {-8.0, 4.0}, 0.0, 1);
    walk.run(3000);
    INFO(optimizer_name(c.kind) << " ended at (" << walk.position().x << ", " << walk.position().y << ")");
    CHECK_FALSE(walk.diverged());
    CHECK(walk.distance_to_minimum() < 1e-2);
  }
}

TEST_CASE("a diverging learning rate ends the walk at its last finite point", "[surfaces]") {
  OptimizerConfig o;
  o.learning_rate = 5.0f;
  SurfaceWalk walk({Surface::rosenbrock, 1.0}, o, {-1.5, 2.0}, 0.0, 1);
  const auto pts = walk.run(1000);
  CHECK(walk.diverged());
  CHECK(pts.size() < 3000u);
  for (double v : pts) CHECK(std::isfinite(v));
  CHECK(std::isfinite(walk.loss()));
}

TEST_CASE("batch GD on the regression converges to the normal-equation solution", "[regression]") {
  const LinearData d = make_linear_data(100, 4.0, 3.0, 1.0, 42);
  const Point2 best = normal_equation(d);
  CHECK(best.x == Approx(4.0).margin(0.5));
  CHECK(best.y == Approx(3.0).margin(0.5));
  OptimizerConfig o;
  o.learning_rate = 0.1f;
  RegressionWalk gd(d, 100, o, {}, {0.0, 0.0}, 1);
  const auto steps = gd.run(2000);
  CHECK(std::abs(steps.back().theta0 - best.x) < 1e-3);
  CHECK(std::abs(steps.back().theta1 - best.y) < 1e-3);
  CHECK(steps.back().loss == Approx(regression_mse(d, best.x, best.y)).epsilon(1e-5));
  CHECK(steps.back().examples == 2000 * 100);
}

TEST_CASE("SGD and mini-batch visit exactly the examples their schedule says", "[regression][schedule]") {
  const LinearData d = make_linear_data(50, 4.0, 3.0, 1.0, 7);
  for (int b : {1, 20}) {
    OptimizerConfig o;
    o.learning_rate = 0.01f;
    RegressionWalk walk(d, b, o, {}, {0.0, 0.0}, 99);
    const int per_epoch = walk.batches_per_epoch();
    walk.run(3 * per_epoch);
    BatchSchedule replay(50, b, 99);  // the same seed must give the same epochs
    std::vector<std::int32_t> expected;
    for (int e = 0; e < 3; ++e) {
      replay.shuffle();
      for (int k = 0; k < per_epoch; ++k) expected.insert(expected.end(), replay.batch(k).begin(), replay.batch(k).end());
    }
    CHECK(walk.visited() == expected);
    CHECK(walk.visited().size() == 150u);  // every example once per epoch
  }
}

TEST_CASE("the learning schedule sets eta = t0 / (t + t1)", "[regression]") {
  const LinearData d = make_linear_data(10, 4.0, 3.0, 0.0, 1);
  OptimizerConfig o;
  o.learning_rate = 1.0f;
  LearningSchedule s{true, 5.0, 50.0};
  RegressionWalk walk(d, 10, o, s, {0.0, 0.0}, 1);
  // One full-batch step from θ = 0 with η = 5/50: θ₀ = 0.1 · (2/m) Σ y.
  double sy = 0;
  for (double y : d.y) sy += y;
  CHECK(walk.run(1)[0].theta0 == Approx(0.1 * 2 * sy / 10).epsilon(1e-5));
}

TEST_CASE("regression settings are validated", "[regression][errors]") {
  CHECK_THROWS_WITH(make_linear_data(1, 4, 3, 1, 1), "examples must be between 2 and 100000, got 1");
  CHECK_THROWS_WITH(make_linear_data(10, 4, 3, -1, 1), "noise must be in [0, 100], got -1");
  const LinearData d = make_linear_data(10, 4, 3, 1, 1);
  OptimizerConfig o;
  CHECK_THROWS_WITH(RegressionWalk(d, 11, o, {}, {0, 0}, 1), "batch_size must be between 1 and 10, got 11");
  CHECK_THROWS_WITH(surface_from_name("ackley"), Catch::Contains("surface must be one of"));
  CHECK_THROWS_WITH(SurfaceWalk({Surface::bowl, 0.5}, o, {0, 0}, 0, 1), "condition must be between 1 and 10000, got 0.5");
}

TEST_CASE("loss landscape: centre value, filter normalisation, projection", "[landscape]") {
  auto data = std::make_shared<const Dataset>(two_moons(200, 0.1f, 3));
  MlpSpec spec;
  spec.inputs = 2;
  spec.layers = {{8, {Activation::tanh, 0}}, {2, {Activation::identity, 0}}};
  spec.seed = 5;
  Mlp net(spec);
  TrainConfig tc;
  tc.batch_size = 20;
  tc.optimizer.kind = OptimizerKind::adam;
  tc.optimizer.learning_rate = 0.05f;
  Trainer t(net, data, tc);
  for (int i = 0; i < 100; ++i) t.train_batches(10);
  const double centre_loss = t.evaluate(*data).loss;

  LossLandscape land(t.network(), data, 11, 1.0, 5);
  while (!land.done()) land.compute_rows(2);
  CHECK(land.values()[2 * 5 + 2] == Approx(centre_loss).epsilon(1e-5));  // α = β = 0
  for (float v : land.values()) CHECK(std::isfinite(v));
  CHECK(land.values()[0] > centre_loss);  // a trained network sits in a valley

  // Each neuron's incoming weights in d₁ have the norm of that neuron's weights.
  const ConstMatrixView w = t.network().weight(0);
  const auto d1 = land.direction(0);
  for (int j = 0; j < w.cols; ++j) {
    double dn = 0, wn = 0;
    for (int i = 0; i < w.rows; ++i) {
      dn += std::pow(d1[static_cast<std::size_t>(i) * w.cols + j], 2);
      wn += std::pow(w(i, j), 2);
    }
    CHECK(std::sqrt(dn) == Approx(std::sqrt(wn)).epsilon(1e-4));
  }
  std::vector<float> p(t.network().params().begin(), t.network().params().end());
  for (std::size_t k = 0; k < p.size(); ++k) p[k] += 0.3f * land.direction(0)[k] - 0.2f * land.direction(1)[k];
  const Point2 c = land.project(p);
  CHECK(c.x == Approx(0.3).epsilon(1e-3));
  CHECK(c.y == Approx(-0.2).epsilon(1e-3));
}
