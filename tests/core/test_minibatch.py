"""core.minibatch: full-batch vs mini-batch vs stochastic gradients of a two-parameter model.

Oracles: central finite differences, closed forms written out here in plain numpy
(least squares, the logistic loss by its definition), and the unbiasedness identity
mean_n ∇ℓ_n = ∇L.
"""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.minibatch import PROBLEM_NAMES, batch_indices, make_problem

PROBLEMS = {name: make_problem(name) for name in PROBLEM_NAMES}
coords = st.floats(-3.0, 3.0, allow_nan=False)


def _loss_by_definition(problem, w, b, idx=None):
    x, t = problem.x, problem.t
    if idx is not None:
        x, t = x[idx], t[idx]
    z = w * x + b
    if problem.name == "line_fit":
        return float(np.mean(0.5 * (z - t) ** 2))
    p = 1.0 / (1.0 + np.exp(-z))
    return float(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)))


@pytest.mark.parametrize("name", PROBLEM_NAMES)
@settings(max_examples=30, deadline=None)
@given(w=coords, b=coords)
def test_value_matches_the_definition(name, w, b):
    problem = PROBLEMS[name]
    assert problem.value(w, b) == pytest.approx(_loss_by_definition(problem, w, b), rel=1e-9)


@pytest.mark.parametrize("name", PROBLEM_NAMES)
@settings(max_examples=30, deadline=None)
@given(w=coords, b=coords, k=st.integers(1, 50), step=st.integers(0, 200))
def test_batch_gradient_matches_finite_differences(name, w, b, k, step):
    problem = PROBLEMS[name]
    idx = problem.batch_indices(k, step)
    gw, gb = problem.gradient(w, b, idx)
    h = 1e-6
    fd_w = (_loss_by_definition(problem, w + h, b, idx)
            - _loss_by_definition(problem, w - h, b, idx)) / (2 * h)
    fd_b = (_loss_by_definition(problem, w, b + h, idx)
            - _loss_by_definition(problem, w, b - h, idx)) / (2 * h)
    assert gw == pytest.approx(fd_w, rel=1e-5, abs=1e-6)
    assert gb == pytest.approx(fd_b, rel=1e-5, abs=1e-6)


@pytest.mark.parametrize("name", PROBLEM_NAMES)
@settings(max_examples=30, deadline=None)
@given(w=coords, b=coords)
def test_stochastic_gradients_are_unbiased(name, w, b):
    """The mean of the N single-sample gradients is exactly the full-batch gradient."""
    problem = PROBLEMS[name]
    n = problem.n_samples
    singles = np.array([problem.gradient(w, b, problem.batch_indices(1, s)) for s in range(n)])
    full = np.array(problem.gradient(w, b))
    np.testing.assert_allclose(singles.mean(axis=0), full, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(problem.sample_gradients(w, b).mean(axis=0), full,
                               rtol=1e-10, atol=1e-12)
    # ...while the single-sample gradients themselves scatter around it.
    assert np.max(np.abs(singles - full)) > 1e-3


@pytest.mark.parametrize("n,k", [(50, 1), (50, 7), (50, 10), (50, 50), (13, 4)])
def test_an_epoch_of_batches_covers_every_sample_once(n, k):
    per_epoch = math.ceil(n / k)
    for epoch in range(3):
        batches = [batch_indices(n, k, epoch * per_epoch + j, seed=5) for j in range(per_epoch)]
        assert all(1 <= len(bt) <= k for bt in batches)
        assert sorted(np.concatenate(batches).tolist()) == list(range(n))


def test_batches_are_reproducible_and_reshuffled_each_epoch():
    a = [batch_indices(50, 10, s, seed=3).tolist() for s in range(10)]
    b = [batch_indices(50, 10, s, seed=3).tolist() for s in range(10)]
    assert a == b
    assert a[:5] != a[5:]  # a new permutation in the second epoch
    assert batch_indices(50, 10, 0, seed=3).tolist() != batch_indices(50, 10, 0, seed=4).tolist()


def test_line_fit_minimum_is_the_least_squares_solution():
    problem = PROBLEMS["line_fit"]
    x, y = problem.x, problem.t
    # Closed-form simple linear regression.
    w = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)
    b = y.mean() - w * x.mean()
    w_min, b_min, f_min = problem.minima[0]
    assert (w_min, b_min) == pytest.approx((w, b), rel=1e-9)
    assert f_min == pytest.approx(_loss_by_definition(problem, w, b))
    # The data were drawn around y = 2x - 1.
    assert (w_min, b_min) == pytest.approx((2.0, -1.0), abs=0.3)


def test_sigmoid_neuron_minimum_is_stationary_and_lowest():
    problem = PROBLEMS["sigmoid_neuron"]
    w_min, b_min, f_min = problem.minima[0]
    assert np.hypot(*problem.gradient(w_min, b_min)) < 1e-9
    rng = np.random.default_rng(1)
    for dw, db in rng.normal(scale=0.3, size=(20, 2)):
        assert _loss_by_definition(problem, w_min + dw, b_min + db) > f_min


@pytest.mark.parametrize("name", PROBLEM_NAMES)
def test_minimum_lies_inside_the_domain_and_start_is_away_from_it(name):
    problem = PROBLEMS[name]
    (w0, w1), (b0, b1) = problem.domain
    w, b, _ = problem.minima[0]
    assert w0 < w < w1 and b0 < b < b1
    sw, sb = problem.start
    assert w0 < sw < w1 and b0 < sb < b1
    assert np.hypot(sw - w, sb - b) > 1.0


@pytest.mark.parametrize("name", PROBLEM_NAMES)
def test_grid_is_row_major(name):
    problem = PROBLEMS[name]
    ws, bs, Z = problem.grid(7)
    assert Z.shape == (7, 7)
    assert Z[2, 5] == pytest.approx(_loss_by_definition(problem, ws[5], bs[2]))


def _sgd_path(problem, batch_size, lr=0.1, steps=300):
    """Plain SGD, p <- p - lr g_B, written out here (independent of core.optimizers)."""
    p = np.array(problem.start, dtype=float)
    path = [p.copy()]
    for s in range(steps):
        g = np.array(problem.gradient(p[0], p[1], problem.batch_indices(batch_size, s)))
        p = p - lr * g
        path.append(p.copy())
    return np.array(path)


@pytest.mark.parametrize("name", PROBLEM_NAMES)
def test_stochastic_path_differs_from_full_batch_path_but_both_head_to_the_minimum(name):
    problem = PROBLEMS[name]
    n = problem.n_samples
    full = _sgd_path(problem, n)
    mini = _sgd_path(problem, 10)
    single = _sgd_path(problem, 1)
    start_loss = problem.value(*problem.start)
    f_min = problem.minima[0][2]
    for path in (full, mini, single):
        assert problem.value(*path[-1]) < f_min + 0.2 * (start_loss - f_min)
    # The noisy paths wander: they differ from the full-batch path...
    assert np.max(np.linalg.norm(single - full, axis=1)) > 0.05
    assert np.max(np.linalg.norm(mini - full, axis=1)) > 0.01
    # ...and the single-sample path is the most jagged (its turning angles are larger).
    def roughness(path):
        d = np.diff(path, axis=0)
        cos = np.sum(d[1:] * d[:-1], axis=1) / (
            np.linalg.norm(d[1:], axis=1) * np.linalg.norm(d[:-1], axis=1) + 1e-300)
        return float(np.mean(1 - cos))
    assert roughness(single) > roughness(mini) > roughness(full)


def test_bad_input_is_rejected_with_clear_messages():
    with pytest.raises(ValueError, match="unknown problem"):
        make_problem("parabola")
    with pytest.raises(ValueError, match="samples"):
        make_problem("line_fit", n=1)
    with pytest.raises(ValueError, match="batch_size"):
        batch_indices(10, 0, 0)
    with pytest.raises(ValueError, match="batch_size"):
        batch_indices(10, 11, 0)
    with pytest.raises(ValueError, match="step"):
        batch_indices(10, 2, -1)
    with pytest.raises(ValueError, match="indices"):
        PROBLEMS["line_fit"].gradient(0.0, 0.0, np.array([99]))
    with pytest.raises(ValueError, match="grid"):
        PROBLEMS["line_fit"].grid(1)


def test_repr_names_the_problem_and_its_minimum():
    text = repr(PROBLEMS["line_fit"])
    assert "line_fit" in text and "minimum" in text and "n_samples=50" in text
