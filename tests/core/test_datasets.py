"""core.datasets: TensorFlow Playground's generators, checked against their definitions."""
import math

import numpy as np
import pytest

from core import datasets as D

PLUS_MINUS = ["circle", "xor", "gauss", "spiral", "moons"]
K_CLASSES = ["spiral_classes", "blobs"]
REGRESSION = ["plane", "multi_gauss"]
BALANCED = ["circle", "gauss", "spiral", "moons"]  # by construction (at noise 0 for circle)


def test_registry():
    assert list(D.DATASETS) == ["circle", "xor", "gauss", "spiral", "plane", "multi_gauss",
                                "moons", "spiral_classes", "blobs"]
    for name, d in D.DATASETS.items():
        assert d.name == name and d.label and name in repr(d)
        if name in REGRESSION:
            assert (d.kind, d.n_classes, d.default_n) == ("regression", 0, 1200)
        else:
            assert d.kind == "classification" and d.default_n == 500
            assert d.n_classes == (3 if name in K_CLASSES else 2)
            assert d.adjustable_classes == (name in K_CLASSES)


@pytest.mark.parametrize("name", list(D.DATASETS))
@pytest.mark.parametrize("n", [None, 2, 7, 64])
def test_shapes_dtypes_and_label_sets(name, n):
    size = D.get(name).default_n if n is None else n
    options = {"k": 2} if name in K_CLASSES and size < 3 else {}
    X, y = D.generate(name, n=n, noise=0.2, seed=3, **options)
    assert X.shape == (size, 2) and y.shape == (size,)
    for a in (X, y):
        assert a.dtype == np.float64 and a.flags.c_contiguous and np.isfinite(a).all()
    if name in PLUS_MINUS:
        assert set(np.unique(y)) <= {-1.0, 1.0}
    elif name in K_CLASSES:
        assert set(np.unique(y)) == set(range(min(3, size)))
    else:
        assert (np.abs(y) <= 1.0).all()


@pytest.mark.parametrize("name", list(D.DATASETS))
def test_same_seed_same_data_other_seed_other_data(name):
    X1, y1 = D.generate(name, n=50, noise=0.3, seed=11)
    X2, y2 = D.generate(name, n=50, noise=0.3, seed=11)
    X3, _ = D.generate(name, n=50, noise=0.3, seed=12)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(X1, X3)
    # the record's generate is the same function
    np.testing.assert_array_equal(D.get(name).generate(50, 0.3, 11)[0], X1)


@pytest.mark.parametrize("name", BALANCED + K_CLASSES)
@pytest.mark.parametrize("n", [9, 500])
def test_classes_are_balanced(name, n):
    _, y = D.generate(name, n=n, seed=1)
    _, counts = np.unique(y, return_counts=True)
    assert counts.sum() == n and counts.max() - counts.min() <= 1


def test_circle_labels_by_radius_at_noise_0():
    X, y = D.generate("circle", n=2000, seed=5)
    r = np.hypot(X[:, 0], X[:, 1])
    assert ((r < 2.5) | (r >= 3.5)).all() and (r <= 5.0).all()  # nothing in the ring
    np.testing.assert_array_equal(y, np.where(r < 2.5, 1.0, -1.0))


def test_circle_noise_flips_labels_but_does_not_move_points():
    X, y = D.generate("circle", n=2000, noise=0.5, seed=5)
    r = np.hypot(X[:, 0], X[:, 1])
    assert ((r < 2.5) | (r >= 3.5)).all()
    wrong = y != np.where(r < 2.5, 1.0, -1.0)
    assert 0.05 < wrong.mean() < 0.6


def test_circle_label_boundary_is_radius_2_5():
    r = np.array([0.0, 2.4999, 2.5, 3.0, 3.5, 5.0])
    np.testing.assert_array_equal(D._circle_label(r * 0.6, r * 0.8), [1, 1, -1, -1, -1, -1])


def _label_flip_rates(X, y, label_of, half_width, noise, seed=99):
    """Observed flip rate per class vs. one simulated by re-drawing the playground's noise."""
    eps = np.random.default_rng(seed).uniform(-half_width, half_width, X.shape) * noise
    clean = label_of(X[:, 0], X[:, 1])
    simulated = label_of(X[:, 0] + eps[:, 0], X[:, 1] + eps[:, 1])
    return [((y != clean)[clean == c].mean(), (simulated != clean)[clean == c].mean())
            for c in (1.0, -1.0)]


@pytest.mark.parametrize("noise", [0.1, 0.3, 0.5])
def test_circle_noise_matches_a_simulation_of_its_definition(noise):
    X, y = D.generate("circle", n=40_000, noise=noise, seed=3)
    label = lambda a, b: np.where(np.hypot(a, b) < 2.5, 1.0, -1.0)
    for observed, simulated in _label_flip_rates(X, y, label, 5.0, noise):
        assert observed == pytest.approx(simulated, abs=0.015)


@pytest.mark.parametrize("noise", [0.1, 0.5])
def test_xor_noise_matches_a_simulation_of_its_definition(noise):
    X, y = D.generate("xor", n=40_000, noise=noise, seed=3)
    label = lambda a, b: np.where(a * b >= 0.0, 1.0, -1.0)
    for observed, simulated in _label_flip_rates(X, y, label, 5.0, noise):
        assert observed == pytest.approx(simulated, abs=0.015)


def test_plane_noise_shifts_the_labelling_point_by_up_to_6_noise():
    noise = 0.25
    X, y = D.generate("plane", n=40_000, noise=noise, seed=3)
    s = X[:, 0] + X[:, 1]
    inner = np.abs(s) < 10.0 - 12.0 * noise  # never clipped
    residual = y[inner] - s[inner] / 10.0  # (ε₁ + ε₂) / 10, ε ~ U(−6, 6) · noise
    assert np.abs(residual).max() <= 1.2 * noise
    # Var = 2 · (12 · noise)² / 12 / 10²
    assert residual.std() == pytest.approx(math.sqrt(0.24) * noise, rel=0.03)


def test_xor_labels_are_sign_of_product_and_points_avoid_the_axes():
    X, y = D.generate("xor", n=2000, seed=2)
    assert (np.abs(X) >= 0.3).all() and (np.abs(X) <= 5.3).all()
    np.testing.assert_array_equal(y, np.sign(X[:, 0] * X[:, 1]))
    X, y = D.generate("xor", n=2000, noise=0.5, seed=2)
    assert (np.abs(X) >= 0.3).all()  # noise moves the labelling point, not the point
    assert 0.05 < (y != np.sign(X[:, 0] * X[:, 1])).mean() < 0.6


@pytest.mark.parametrize("noise, variance", [(0.0, 0.5), (0.25, 2.25), (0.5, 4.0)])
def test_gauss_centres_and_variance(noise, variance):
    X, y = D.generate("gauss", n=40_000, noise=noise, seed=9)
    for label, centre in ((1.0, 2.0), (-1.0, -2.0)):
        pts = X[y == label]
        np.testing.assert_allclose(pts.mean(axis=0), centre, atol=0.05)
        np.testing.assert_allclose(pts.var(axis=0), variance, rtol=0.05)


def test_spiral_arms_follow_the_playground_formula():
    n = 400
    X, y = D.generate("spiral", n=n, seed=0)
    m = n // 2
    for label, turn in ((1.0, 0.0), (-1.0, math.pi)):
        pts = X[y == label]
        r = np.hypot(pts[:, 0], pts[:, 1])
        assert r.min() >= 0.0 and r.max() < 5.0
        order = np.argsort(r)
        np.testing.assert_allclose(r[order], 5.0 * np.arange(m) / m, atol=1e-12)
        t = 1.75 * 2.0 * math.pi * r[order] / 5.0 + turn
        expected = np.column_stack([r[order] * np.sin(t), r[order] * np.cos(t)])
        np.testing.assert_allclose(pts[order], expected, atol=1e-12)


def test_spiral_noise_moves_points_by_at_most_noise():
    X0, y0 = D.generate("spiral", n=300, seed=4, shuffle=False)
    X1, y1 = D.generate("spiral", n=300, noise=0.4, seed=4, shuffle=False)
    np.testing.assert_array_equal(y0, y1)
    shift = np.abs(X1 - X0)
    assert shift.max() <= 0.4 and shift.max() > 0.3


def test_spiral_classes_with_two_arms_is_the_spiral():
    Xs, ys = D.generate("spiral", n=100, seed=1, shuffle=False)
    Xk, yk = D.generate("spiral_classes", n=100, seed=1, shuffle=False, k=2)
    np.testing.assert_allclose(Xk, Xs)
    np.testing.assert_array_equal(yk, np.where(ys == 1.0, 0.0, 1.0))


def test_spiral_classes_arms_are_turned_copies():
    k = 5
    X, y = D.generate("spiral_classes", n=500, seed=3, k=k)
    assert set(np.unique(y)) == set(range(k))
    r = np.hypot(X[:, 0], X[:, 1])
    assert r.max() < 5.0
    for c in range(k):
        pts = X[y == c]
        rc = np.hypot(pts[:, 0], pts[:, 1])
        t = 1.75 * 2.0 * math.pi * rc / 5.0 + 2.0 * math.pi * c / k
        np.testing.assert_allclose(pts, np.column_stack([rc * np.sin(t), rc * np.cos(t)]),
                                   atol=1e-12)


def test_blobs_centres():
    k = 4
    X, y = D.generate("blobs", n=20_000, seed=2, k=k)
    for c in range(k):
        a = math.pi / 4 + 2 * math.pi * c / k
        np.testing.assert_allclose(X[y == c].mean(axis=0), [4 * math.cos(a), 4 * math.sin(a)],
                                   atol=0.05)
        np.testing.assert_allclose(X[y == c].var(axis=0), 0.5, rtol=0.08)


def test_moons_lie_on_two_half_circles_at_noise_0():
    X, y = D.generate("moons", n=400, seed=6)
    u = X / 3.0 + [0.5, 0.25]  # undo the centring and scaling
    outer, inner = u[y == 1.0], u[y == -1.0]
    np.testing.assert_allclose(np.hypot(outer[:, 0], outer[:, 1]), 1.0, atol=1e-12)
    assert (outer[:, 1] >= -1e-12).all()
    np.testing.assert_allclose(np.hypot(1 - inner[:, 0], 0.5 - inner[:, 1]), 1.0, atol=1e-12)
    assert (inner[:, 1] <= 0.5 + 1e-12).all()


def test_moons_noise_is_gaussian_with_std_noise_over_2_before_scaling():
    X0, y0 = D.generate("moons", n=20_000, seed=6, shuffle=False)
    X1, y1 = D.generate("moons", n=20_000, noise=0.4, seed=6, shuffle=False)
    np.testing.assert_array_equal(y0, y1)
    np.testing.assert_allclose((X1 - X0).mean(axis=0), 0.0, atol=0.02)
    np.testing.assert_allclose((X1 - X0).std(axis=0), 3.0 * 0.4 / 2, rtol=0.03)


@pytest.mark.parametrize("name", REGRESSION)
@pytest.mark.parametrize("noise", [0.0, 0.5])
def test_regression_targets_in_range(name, noise):
    X, y = D.generate(name, noise=noise, seed=8)
    assert (np.abs(X) <= 6.0).all()
    assert (y >= -1.0).all() and (y <= 1.0).all() and y.std() > 0.1


def test_plane_target_at_noise_0():
    X, y = D.generate("plane", n=2000, seed=3)
    np.testing.assert_allclose(y, np.clip((X[:, 0] + X[:, 1]) / 10.0, -1.0, 1.0), atol=1e-15)
    assert (np.abs(y) == 1.0).any()  # the corners beyond |x + y| = 10 are clipped


def _bumps_by_hand(px, py):
    """The playground's reg-gauss label, one point at a time."""
    best = 0.0
    for cx, cy, sign in [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1),
                         (0, -2.5, 1), (4, -2.5, -1)]:
        d = math.hypot(px - cx, py - cy)
        value = sign * min(1.0, max(0.0, 1.0 - d / 2.0))
        if abs(value) > abs(best):
            best = value
    return best


def test_multi_gauss_target_at_noise_0():
    X, y = D.generate("multi_gauss", n=600, seed=4)
    np.testing.assert_allclose(y, [_bumps_by_hand(a, b) for a, b in X], atol=1e-15)
    # at the six centres the target is the bump's sign; between the bumps it is 0
    centres = np.array([[-4, 2.5], [0, 2.5], [4, 2.5], [-4, -2.5], [0, -2.5], [4, -2.5]])
    np.testing.assert_array_equal(D._multi_gauss_target(centres[:, 0], centres[:, 1]),
                                  [1, -1, 1, -1, 1, -1])
    assert D._multi_gauss_target(np.array([0.0]), np.array([0.0]))[0] == 0.0


def test_train_test_split():
    X, y = D.generate("circle", n=101, seed=0)
    Xtr, ytr, Xte, yte = D.train_test_split(X, y, train_ratio=0.3, seed=5)
    assert len(Xtr) == len(ytr) == 30 and len(Xte) == len(yte) == 71
    assert Xtr.flags.c_contiguous and Xte.flags.c_contiguous
    both = np.concatenate([np.column_stack([Xtr, ytr]), np.column_stack([Xte, yte])])
    original = np.column_stack([X, y])
    np.testing.assert_array_equal(both[np.lexsort(both.T)], original[np.lexsort(original.T)])
    again = D.train_test_split(X, y, train_ratio=0.3, seed=5)
    np.testing.assert_array_equal(again[0], Xtr)
    assert not np.array_equal(D.train_test_split(X, y, 0.3, seed=6)[0], Xtr)
    # playground default: 50 % of 500 points
    assert len(D.train_test_split(*D.generate("xor"))[0]) == 250


@pytest.mark.parametrize("kwargs, match", [
    ({"name": "moon"}, "known: circle"),
    ({"noise": -0.01}, "noise"),
    ({"noise": 0.51}, "noise"),
    ({"noise": math.nan}, "noise"),
    ({"noise": 30}, "noise"),  # the slider's value, not divided by 100
    ({"n": 1}, "n must"),
    ({"n": 0}, "n must"),
    ({"n": 2.5}, "n must"),
    ({"n": True}, "n must"),
    ({"seed": -1}, "seed"),
    ({"k": 3}, "option"),
    ({"name": "blobs", "k": 1}, "k "),
    ({"name": "spiral_classes", "k": 3.0}, "k "),
    ({"name": "blobs", "n": 4, "k": 5}, "k "),
    ({"name": "spiral_classes", "n": 2}, "k "),  # the default k = 3 needs n >= 3
    ({"name": "blobs", "colour": 1}, "option"),
])
def test_bad_arguments(kwargs, match):
    kwargs = {"name": "circle", **kwargs}
    with pytest.raises(ValueError, match=match):
        D.generate(**kwargs)


def test_bad_split_arguments():
    X, y = D.generate("gauss", n=10)
    for ratio in (0.0, 1.0, 1.5, -0.2, math.nan):
        with pytest.raises(ValueError, match="train_ratio"):
            D.train_test_split(X, y, ratio)
    with pytest.raises(ValueError, match="empty"):
        D.train_test_split(X, y, 0.05)
    with pytest.raises(ValueError, match="shapes"):
        D.train_test_split(X, y[:5])
    with pytest.raises(ValueError, match="NaN"):
        D.train_test_split(np.where(X > 1, np.nan, X), y)


def test_warmup_leaves_the_global_random_state_alone():
    """Warm-up generates every set once; seeded generation never touches np.random."""
    before = np.random.get_state()[1].copy()
    D.warmup()
    np.testing.assert_array_equal(np.random.get_state()[1], before)
