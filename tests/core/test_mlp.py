"""core.mlp: finite differences, the numpy reference, known problems and bad input."""
import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import mlp as mlp_module
from core._kernels.vecmath import vec_tanh, vec_tanh32
from core.activations import ACTIVATIONS
from core.mlp import MLP, one_hot
from core.mlp_reference import ReferenceMLP
from core.optimizers import create

ACTS = list(ACTIVATIONS)
LOSSES = ["mse", "bce", "cross_entropy"]


def _data(model, n, rng):
    X = rng.normal(size=(n, model.layer_sizes[0]))
    k = model.layer_sizes[-1]
    if model.loss_name == "cross_entropy":
        return X, one_hot(rng.integers(0, k, n), k)
    if model.loss_name == "bce":
        return X, rng.uniform(0, 1, size=(n, k))  # soft targets are allowed
    return X, rng.normal(size=(n, k))


def _model(act, loss, depth, seed=0, n_out=None):
    out = {"mse": act, "bce": "sigmoid", "cross_entropy": "softmax"}[loss]
    k = n_out or (3 if loss == "cross_entropy" else 2)
    sizes = [3] + [4, 3][:depth] + [k]
    alpha = 0.3 if act in ("leaky_relu", "elu") else 0.01
    return MLP(sizes, activation=act, output_activation=out, loss=loss, seed=seed, alpha=alpha,
               init="xavier")


# ---- gradients vs central finite differences -------------------------------------------
@pytest.mark.parametrize("depth", [0, 1, 2])
@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("act", ACTS)
def test_gradients_match_finite_differences(act, loss, depth):
    rng = np.random.default_rng(hash((act, loss, depth)) % 2 ** 32)
    model = _model(act, loss, depth, seed=int(rng.integers(1000)))
    model.params[:] += rng.normal(scale=0.3, size=model.params.size)
    X, y = _data(model, 6, rng)
    l1, l2 = 0.03, 0.05
    _, grad = model.gradient_vector(X, y, l1, l2)
    numeric = np.empty_like(grad)
    h = 1e-6
    for k in range(model.params.size):
        keep = model.params[k]
        model.params[k] = keep + h
        up = model.loss(X, y, l1, l2)
        model.params[k] = keep - h
        down = model.loss(X, y, l1, l2)
        model.params[k] = keep
        numeric[k] = (up - down) / (2 * h)
    np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=2e-8)
    # gradients() splits the same vector into per-layer arrays
    dW, db = model.gradients(X, y, l1, l2)
    assert [w.shape for w in dW] == [w.shape for w in model.weights]
    np.testing.assert_allclose(np.concatenate([v for p in zip(dW, db) for v in
                                               (p[0].ravel(), p[1])]), grad)


def test_penalty_gradient_is_on_weights_only():
    model = MLP([2, 3, 1], seed=4)
    X, y = np.ones((1, 2)), np.zeros((1, 1))
    dW0, db0 = model.gradients(X, y)
    dW1, db1 = model.gradients(X, y, l1=0.5, l2=2.0)
    for w, a, b in zip(model.weights, dW0, dW1):
        np.testing.assert_allclose(b - a, 0.5 * np.sign(w) + 2.0 * w)
    for a, b in zip(db0, db1):
        np.testing.assert_array_equal(a, b)
    expected = sum(0.5 * np.abs(w).sum() + 1.0 * (w ** 2).sum() for w in model.weights)
    assert model.loss(X, y, 0.5, 2.0) - model.loss(X, y) == pytest.approx(expected)


# ---- the compiled kernel against the plain-numpy reference -----------------------------
@settings(max_examples=40, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 9), min_size=1, max_size=4),
    act=st.sampled_from(ACTS),
    loss=st.sampled_from(LOSSES),
    n=st.integers(1, 300),
    scale=st.sampled_from([0.1, 1.0, 5.0, 40.0]),
    seed=st.integers(0, 10 ** 6),
)
def test_kernel_matches_reference(sizes, act, loss, n, scale, seed):
    rng = np.random.default_rng(seed)
    out = {"mse": "tanh", "bce": "sigmoid", "cross_entropy": "softmax"}[loss]
    k = max(sizes[-1], 2) if loss == "cross_entropy" else sizes[-1]
    model = MLP([sizes[0], *sizes[1:-1], k] if len(sizes) > 1 else [sizes[0], k],
                activation=act, output_activation=out, loss=loss, seed=seed % 1000)
    model.params[:] = rng.normal(scale=1.0, size=model.params.size)
    ref = ReferenceMLP.like(model)
    X = rng.normal(scale=scale, size=(n, model.layer_sizes[0]))
    _, y = _data(model, n, rng)
    # sums of products of inputs ~ scale round at ~1e-16 * scale: allow that much, no more
    for a, b in zip(model.layer_outputs(X), ref.layer_outputs(X)):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-14 * max(1.0, scale))
    # the reference's textbook bce takes log(1 − p) of a rounded p = σ(z): near p = 1 that
    # keeps only a few digits (the kernel uses log σ(z) = −softplus(−z) instead)
    rel = 1e-6 if loss == "bce" else 1e-11
    assert model.loss(X, y, 0.01, 0.02) == pytest.approx(
        ref.data_loss(X, y) + ref.penalty(0.01, 0.02), rel=rel, abs=1e-13)
    np.testing.assert_allclose(model.gradient_vector(X, y, 0.01, 0.02)[1],
                               ref.gradient_vector(X, y, 0.01, 0.02), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam", "rmsprop"])
@pytest.mark.parametrize("batch_size", [1, 4, 13])
def test_training_matches_reference(optimizer, batch_size):
    rng = np.random.default_rng(5)
    model = MLP([2, 5, 3, 1], activation=["tanh", "relu"], output_activation="sigmoid",
                loss="bce", seed=2)
    X = rng.normal(size=(13, 2))
    y = (X[:, :1] * X[:, 1:] > 0).astype(float)
    ref = ReferenceMLP.like(model)
    hyper = {"learning_rate": 0.05}
    losses = model.train_epochs(X, y, 12, batch_size, create(optimizer, **hyper), l1=0.001,
                                l2=0.01, shuffle=False)
    expected = ref.train_epochs(X, y, 12, batch_size, optimizer, hyper, l1=0.001, l2=0.01)
    np.testing.assert_allclose(losses, expected, rtol=1e-9)
    np.testing.assert_allclose(model.params, ref.params, rtol=1e-9, atol=1e-12)
    assert model.epoch == 12


def test_vec_tanh_within_two_ulp_of_libm():
    z = np.concatenate([np.linspace(-25, 25, 20001), np.logspace(-300, 2, 3000),
                        -np.logspace(-300, 2, 3000), [0.0, 19.9, 20.0, 20.1, 1e300]])
    ours = np.array([vec_tanh(v) for v in z[::7]])
    ref = np.tanh(z[::7])
    ulp = np.abs(ours - ref) / np.spacing(np.abs(ref))
    assert ulp.max() <= 2
    assert math.isnan(vec_tanh(math.nan))
    assert vec_tanh(math.inf) == 1.0 and vec_tanh(-math.inf) == -1.0


def test_vec_tanh32_within_two_and_a_half_float32_ulp():
    z = np.concatenate([np.linspace(-12, 12, 24001), np.logspace(-40, 1.2, 3000),
                        -np.logspace(-40, 1.2, 3000), [0.0, 8.9, 9.0, 9.1, 3e38]])
    z = z.astype(np.float32)
    ours = np.array([vec_tanh32(v) for v in z[::5]])  # float32 values, boxed as float
    assert {str(sig.return_type) for sig in vec_tanh32.nopython_signatures} == {"float32"}
    ref = np.tanh(z[::5].astype(np.float64))  # exact enough to judge a float32
    ulp = np.abs(ours - ref) / np.spacing(np.abs(ref).astype(np.float32))
    assert ulp.max() <= 2.5
    assert math.isnan(vec_tanh32(np.float32(math.nan)))
    assert vec_tanh32(np.float32(math.inf)) == 1.0 and vec_tanh32(np.float32(-math.inf)) == -1.0


# ---- learning and training behaviour ------------------------------------------------------
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[-1.0], [1.0], [1.0], [-1.0]])


def test_learns_xor_with_a_2_4_1_tanh_network():
    model = MLP([2, 4, 1], activation="tanh", output_activation="tanh", seed=1)
    losses = model.train_epochs(XOR_X, XOR_Y, 2000, 4, create("sgd", 0.3))
    assert losses[-1] < 0.01 < losses[0]
    np.testing.assert_array_equal(np.sign(model.predict(XOR_X)), XOR_Y)  # the truth table


def test_divergence_is_flagged_and_the_last_finite_params_kept():
    X = np.linspace(-50, 50, 20).reshape(-1, 1)
    y = 3 * X
    model = MLP([1, 1], output_activation="linear", seed=0)
    before = model.copy()
    opt = create("momentum", 1.0)
    losses = model.train_epochs(X, y, 100, 20, opt)
    assert model.diverged and "diverged" in repr(model)
    assert 0 < len(losses) < 100 and np.isfinite(losses).all()
    assert np.isfinite(model.params).all() and np.isfinite(opt.slots).all()
    assert model.epoch == len(losses) and opt.t == len(losses)
    # the kept params are exactly those after the last finite epoch
    twin_opt = create("momentum", 1.0)
    before.train_epochs(X, y, len(losses), 20, twin_opt)
    np.testing.assert_array_equal(model.params, before.params)
    np.testing.assert_array_equal(opt.slots, twin_opt.slots)
    model.reset_diverged()
    assert not model.diverged


def test_batch_size_one_and_full_batch():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(9, 2))
    y = np.tanh(X.sum(axis=1, keepdims=True))
    full = MLP([2, 3, 1], seed=3)
    ref = ReferenceMLP.like(full)
    start_losses = []
    opt_full = create("sgd", 0.1)
    for _ in range(3):  # full batch: an epoch's loss is the loss at its start
        start_losses.append(full.loss(X, y))
        assert full.train_epochs(X, y, 1, 9, opt_full)[0] == pytest.approx(
            start_losses[-1], rel=1e-13)
    ref.train_epochs(X, y, 3, 9, "sgd", {"learning_rate": 0.1})  # 1 step per epoch
    np.testing.assert_allclose(full.params, ref.params, rtol=1e-12)
    bigger = MLP([2, 3, 1], seed=3)
    bigger.train_epochs(X, y, 3, 50, create("sgd", 0.1))  # larger than N: full batch
    np.testing.assert_allclose(bigger.params, full.params, rtol=1e-12)
    single = MLP([2, 3, 1], seed=3)
    opt = create("sgd", 0.1)
    single.train_epochs(X, y, 2, 1, opt)
    assert opt.t == 18  # one step per sample


def test_shuffle_and_dropout_are_seeded():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(40, 3))
    y = one_hot(rng.integers(0, 3, 40), 3)
    runs = []
    for _ in range(2):
        model = MLP([3, 8, 3], activation="relu", output_activation="softmax",
                    loss="cross_entropy", seed=7)
        runs.append(model.train_epochs(X, y, 5, 8, create("adam"), dropout=0.5, seed=123))
    np.testing.assert_array_equal(runs[0], runs[1])
    other = MLP([3, 8, 3], activation="relu", output_activation="softmax",
                loss="cross_entropy", seed=7)
    assert not np.array_equal(other.train_epochs(X, y, 5, 8, create("adam"), dropout=0.5,
                                                 seed=124), runs[0])


def test_inverted_dropout_keeps_the_expected_activation():
    # with one huge batch, the gradient under dropout averages out to the plain gradient
    # of a linear hidden layer: E[mask / (1 − p)] = 1
    rng = np.random.default_rng(2)
    X = rng.normal(size=(4000, 2))
    y = X @ np.array([[1.0], [-2.0]])
    model = MLP([2, 64, 1], activation="linear", output_activation="linear", seed=1)
    plain = model.copy()
    model.train_epochs(X, y, 1, 4000, create("sgd", 1e-3), dropout=0.5, seed=9)
    plain.train_epochs(X, y, 1, 4000, create("sgd", 1e-3))
    step_drop = model.params - MLP([2, 64, 1], activation="linear",
                                   output_activation="linear", seed=1).params
    step_plain = plain.params - MLP([2, 64, 1], activation="linear",
                                    output_activation="linear", seed=1).params
    cos = step_drop @ step_plain / np.linalg.norm(step_drop) / np.linalg.norm(step_plain)
    assert cos > 0.9
    assert not np.allclose(step_drop, step_plain)


def test_optimizer_state_carries_over_between_calls():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(10, 2))
    y = rng.normal(size=(10, 1))
    a, b = MLP([2, 3, 1], seed=5), MLP([2, 3, 1], seed=5)
    opt_a, opt_b = create("adam", 0.01), create("adam", 0.01)
    la = a.train_epochs(X, y, 4, 5, opt_a, shuffle=False)
    lb = np.concatenate([b.train_epochs(X, y, 2, 5, opt_b, shuffle=False),
                         b.train_epochs(X, y, 2, 5, opt_b, shuffle=False)])
    np.testing.assert_allclose(la, lb, rtol=1e-13)
    assert opt_a.t == opt_b.t == 8 and a.epoch == b.epoch == 4


# ---- views, outputs, sessions ---------------------------------------------------------------
def test_neuron_outputs_are_the_layer_outputs_side_by_side():
    model = MLP([2, 8, 8, 8, 8, 8, 8, 1], seed=2)
    g = np.linspace(-6, 6, 100)
    X = np.stack(np.meshgrid(g, g), axis=-1).reshape(-1, 2)
    units = model.neuron_outputs(X)
    assert units.shape == (10000, model.n_units) == (10000, 49)
    np.testing.assert_array_equal(units, np.hstack(model.layer_outputs(X)))
    for s, layer in zip(model.unit_slices, model.layer_outputs(X)):
        np.testing.assert_array_equal(units[:, s], layer)
    np.testing.assert_array_equal(model.forward(X), units[:, model.unit_slices[-1]])
    np.testing.assert_allclose(units, np.hstack(ReferenceMLP.like(model).layer_outputs(X)),
                               rtol=1e-12, atol=1e-15)
    again = model.neuron_outputs(X, out=units)  # reuses the buffer
    assert again is units
    c_order = np.empty((10000, 49))
    model.neuron_outputs(X, out=c_order)
    np.testing.assert_array_equal(c_order, units)


SMOOTH = [a for a in ACTIVATIONS if a != "step"]


@pytest.mark.parametrize("hidden", SMOOTH)
@pytest.mark.parametrize("output", ["tanh", "sigmoid", "linear", "softmax", "relu"])
def test_float32_outputs_are_the_float64_ones_to_float32_precision(hidden, output):
    loss = "cross_entropy" if output == "softmax" else "mse"
    model = MLP([2, 8, 5, 6, 3], activation=hidden, output_activation=output, loss=loss,
                seed=7)
    X = np.random.default_rng(1).uniform(-6, 6, size=(3001, 2))
    exact = model.neuron_outputs(X)
    ours = model.neuron_outputs(X, np.empty((model.n_units, len(X)), dtype=np.float32).T)
    assert ours.dtype == np.float32 and ours.shape == exact.shape
    scale = np.maximum(1.0, np.abs(exact).max(axis=0))  # each neuron's own range
    assert (np.abs(ours - exact) / scale).max() < 2e-6
    c_order = np.empty(exact.shape, dtype=np.float32)  # any layout is accepted
    np.testing.assert_array_equal(model.neuron_outputs(X, c_order), ours)


def test_float32_step_units_differ_only_at_their_threshold():
    model = MLP([2, 6, 1], activation="step", output_activation="linear", seed=3)
    X = np.random.default_rng(2).uniform(-6, 6, size=(5000, 2))
    exact = model.neuron_outputs(X)
    ours = model.neuron_outputs(X, np.empty((model.n_units, 5000), dtype=np.float32).T)
    z = X @ model.weights[0] + model.biases[0]
    flipped = ours[:, :6] != exact[:, :6]
    assert (np.abs(z[flipped]) < 1e-5).all()
    assert flipped.mean() < 1e-3


def test_float32_outputs_keep_a_divergence_visible():
    model = MLP([2, 4, 4, 1], seed=0)
    model.weights[1][0, 0] = np.nan
    model.weights[0][1, 2] = np.inf
    X = np.random.default_rng(0).normal(size=(300, 2))
    exact = model.neuron_outputs(X)
    ours = model.neuron_outputs(X, np.empty((model.n_units, 300), dtype=np.float32).T)
    np.testing.assert_array_equal(np.isnan(ours), np.isnan(exact))
    np.testing.assert_array_equal(np.isinf(ours), np.isinf(exact))
    assert np.isnan(ours[:, -1]).all()


@pytest.mark.parametrize("threads", [2, 3])
def test_float32_rows_split_among_threads_give_the_values_of_one_call(monkeypatch, threads):
    model = MLP([2, 8, 8, 8, 1], activation="tanh", seed=4)
    X = np.random.default_rng(3).uniform(-6, 6, size=(10000, 2))
    out = np.empty((model.n_units, 10000), dtype=np.float32).T
    monkeypatch.setattr(mlp_module, "_MAX_THREADS", 1)
    whole = model.neuron_outputs(X, out).copy()
    calls = []
    real = mlp_module._k.forward32
    monkeypatch.setattr(mlp_module._k, "forward32",
                        lambda *a: calls.append(a[-2:]) or real(*a))
    monkeypatch.setattr(mlp_module, "_MAX_THREADS", threads)
    monkeypatch.setattr(mlp_module, "_cores", lambda: threads)
    out[...] = np.nan
    split = model.neuron_outputs(X, out)
    edges = sorted(calls)
    assert len(edges) == threads and edges[0][0] == 0 and edges[-1][1] == 10000
    assert all(a[1] == b[0] and a[1] % 16 == 0 for a, b in zip(edges, edges[1:]))
    np.testing.assert_array_equal(split, whole)


@pytest.mark.parametrize("n", [4099, 10000, 12345])
@pytest.mark.parametrize("threads", [2, 3, 4])
def test_rows_split_among_threads_give_the_values_of_one_call(monkeypatch, n, threads):
    model = MLP([2, 8, 5, 3], activation="tanh", output_activation="softmax",
                loss="cross_entropy", seed=4)
    X = np.random.default_rng(n).uniform(-6, 6, size=(n, 2))
    monkeypatch.setattr(mlp_module, "_MAX_THREADS", 1)
    whole = model.neuron_outputs(X)
    calls = []
    real_run = model._run
    monkeypatch.setattr(model, "_run", lambda *a, **k: calls.append(k.get("rows"))
                        or real_run(*a, **k))
    monkeypatch.setattr(mlp_module, "_MAX_THREADS", threads)
    monkeypatch.setattr(mlp_module, "_cores", lambda: threads)
    split = model.neuron_outputs(X)
    # the slices cover every row once, in pieces of whole cache lines (16 columns: 64 bytes
    # of float32, 128 of float64)
    edges = sorted(calls)
    assert len(edges) == min(threads, n // mlp_module._SLICE_ROWS) > 1
    assert edges[0][0] == 0 and edges[-1][1] == n
    assert all(a[1] == b[0] and a[1] % 16 == 0 for a, b in zip(edges, edges[1:]))
    np.testing.assert_array_equal(split, whole)
    np.testing.assert_allclose(split, np.hstack(ReferenceMLP.like(model).layer_outputs(X)),
                               rtol=1e-12, atol=1e-15)


def test_a_slice_of_rows_writes_only_its_own_columns():
    model = MLP([3, 6, 2], seed=1)
    X = np.random.default_rng(0).normal(size=(700, 3))
    A = np.full((model.n_units, 700), np.nan)
    model._run(mlp_module._k.FORWARD, X, np.empty((700, 0)), 700, A=A, rows=(264, 611))
    assert np.isnan(A[:, :264]).all() and np.isnan(A[:, 611:]).all()
    np.testing.assert_array_equal(A[:, 264:611].T, model.neuron_outputs(X)[264:611])


def test_an_error_in_a_helper_thread_reaches_the_caller(monkeypatch):
    model = MLP([2, 4, 1], seed=0)
    X = np.zeros((8192, 2))
    real_run = model._run

    def failing(*args, rows=None, **kwargs):
        if rows is not None and rows[0] > 0:
            raise RuntimeError("slice failed")
        return real_run(*args, rows=rows, **kwargs)

    monkeypatch.setattr(mlp_module, "_cores", lambda: 2)
    monkeypatch.setattr(model, "_run", failing)
    with pytest.raises(RuntimeError, match="slice failed"):
        model.neuron_outputs(X)


def test_softmax_rows_are_probabilities():
    model = MLP([2, 5, 4], activation="relu", output_activation="softmax",
                loss="cross_entropy", seed=0)
    p = model.predict(np.random.default_rng(0).normal(scale=30, size=(50, 2)))
    assert (p >= 0).all()
    np.testing.assert_allclose(p.sum(axis=1), 1.0)


def test_editing_weight_views_edits_params():
    model = MLP([2, 4, 2, 1], seed=0)
    assert model.params.size == 2 * 4 + 4 + 4 * 2 + 2 + 2 + 1
    model.weights[1][2, 1] = 7.5
    assert model.params[2 * 4 + 4 + 2 * 2 + 1] == 7.5
    model.biases[2][0] = -3.0
    assert model.params[-1] == -3.0
    model.params[0] = 1.25
    assert model.weights[0][0, 0] == 1.25
    x = np.array([[0.3, -0.2]])
    h1 = np.tanh(x @ model.weights[0] + model.biases[0])
    h2 = np.tanh(h1 @ model.weights[1] + model.biases[1])
    np.testing.assert_allclose(model.forward(x), np.tanh(h2 @ model.weights[2] + model.biases[2]))


def test_initialisations():
    play = MLP([3, 50, 40], seed=1)
    assert all(((w >= -0.5) & (w < 0.5)).all() for w in play.weights)
    assert all((b == 0.1).all() for b in play.biases)
    xavier = MLP([30, 50, 40], seed=1, init="xavier")
    limit = math.sqrt(6 / 80)
    assert np.abs(xavier.weights[0]).max() <= limit and (xavier.biases[0] == 0).all()
    he = MLP([200, 300], seed=1, init="he")
    assert he.weights[0].std() == pytest.approx(math.sqrt(2 / 200), rel=0.05)
    same = MLP([3, 50, 40], seed=1)
    np.testing.assert_array_equal(same.params, play.params)
    play.params[:] = 0
    play.initialize()
    np.testing.assert_array_equal(same.params, play.params)


def test_copy_and_state_round_trip():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(12, 2))
    y = one_hot(rng.integers(0, 3, 12), 3)
    model = MLP([2, 5, 3], activation=["leaky_relu"], output_activation="softmax",
                loss="cross_entropy", seed=9, alpha=0.2)
    model.train_epochs(X, y, 3, 4, create("adam"))
    twin = model.copy()
    assert not np.shares_memory(twin.params, model.params)
    twin.weights[0][0, 0] += 1.0
    assert twin.weights[0][0, 0] != model.weights[0][0, 0]
    state = json.loads(json.dumps(model.get_state()))
    back = MLP.from_state(state)
    np.testing.assert_array_equal(back.params, model.params)
    assert (back.layer_sizes, back.activations, back.alpha, back.epoch) == (
        model.layer_sizes, model.activations, 0.2, 3)
    np.testing.assert_array_equal(back.predict(X), model.predict(X))
    back.weights[1][0, 0] = 5.0  # views still point into its own params
    assert back.params[5 * 2 + 5] == 5.0
    assert "MLP([2, 5, 3]" in repr(model)


def test_layer_gradient_norms():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(20, 2)), rng.normal(size=(20, 1))
    model = MLP([2, 6, 6, 6, 1], activation="sigmoid", seed=0)
    norms = model.layer_gradient_norms(X, y)
    dW, _ = model.gradients(X, y)
    np.testing.assert_allclose(norms, [np.sqrt(np.mean(g ** 2)) for g in dW])
    assert norms[0] < norms[-1]  # sigmoid layers shrink the gradient on the way back


def test_one_hot():
    np.testing.assert_array_equal(one_hot([2, 0], 3), [[0, 0, 1], [1, 0, 0]])
    with pytest.raises(ValueError):
        one_hot([3], 3)
    with pytest.raises(ValueError):
        one_hot([0.5], 2)


def test_warmup_compiles_the_mlp_kernel_once():
    from core._kernels import mlp as kernels

    mlp_module.warmup()
    assert len(kernels.run.signatures) == 1  # every mode shares one compiled signature


# ---- bad input ------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs", [
    dict(layer_sizes=[2]), dict(layer_sizes=[2, 0, 1]), dict(layer_sizes=[2, 2.5, 1]),
    dict(layer_sizes="abc"), dict(layer_sizes=[2, 3, 1], activation="sin"),
    dict(layer_sizes=[2, 3, 1], activation=["tanh", "relu"]),
    dict(layer_sizes=[2, 3, 1], activation="softmax"),
    dict(layer_sizes=[2, 3, 1], output_activation="softmax", loss="cross_entropy"),
    dict(layer_sizes=[2, 3], output_activation="softmax", loss="mse"),
    dict(layer_sizes=[2, 3], loss="cross_entropy"), dict(layer_sizes=[2, 1], loss="bce"),
    dict(layer_sizes=[2, 1], loss="hinge"), dict(layer_sizes=[2, 1], init="zeros"),
    dict(layer_sizes=[2, 1], seed=-1), dict(layer_sizes=[2, 1], alpha=float("nan")),
])
def test_bad_construction_raises_value_error(kwargs):
    with pytest.raises(ValueError):
        MLP(**kwargs)


def test_bad_data_and_settings_raise_value_error():
    model = MLP([2, 3, 1])
    X, y = np.zeros((4, 2)), np.zeros((4, 1))
    opt = create("sgd")
    bad_calls = [
        lambda: model.forward(np.zeros((4, 3))),
        lambda: model.forward(np.zeros(2)),
        lambda: model.forward(np.zeros((0, 2))),
        lambda: model.forward([[np.nan, 0.0]]),
        lambda: model.forward([["a", "b"]]),
        lambda: model.loss(X, np.zeros((3, 1))),
        lambda: model.loss(X, np.full((4, 1), np.inf)),
        lambda: model.gradients(X, y, l1=-1.0),
        lambda: model.gradients(X, y, l2=None),
        lambda: model.train_epochs(X, y, 1, 2, opt, dropout=None),
        lambda: model.train_epochs(X, y, -1, 2, opt),
        lambda: model.train_epochs(X, y, 1, 0, opt),
        lambda: model.train_epochs(X, y, 1.5, 2, opt),
        lambda: model.train_epochs(X, y, 1, 2, opt, dropout=1.0),
        lambda: model.train_epochs(X, y, 1, 2, "adamw"),
        lambda: model.train_epochs(X, y, 1, 2, object()),
        lambda: model.train_epochs(X, y, 1, 2, opt, seed=-3),
        lambda: model.neuron_outputs(X, out=np.zeros((4, 2))),
        lambda: model.set_params(np.zeros(3)),
        lambda: model.set_state({"layer_sizes": [2, 1]}),
    ]
    for call in bad_calls:
        with pytest.raises(ValueError):
            call()
    ce = MLP([2, 3], output_activation="softmax", loss="cross_entropy")
    with pytest.raises(ValueError, match="probability rows"):
        ce.loss(X, np.ones((4, 3)))
    bce = MLP([2, 1], output_activation="sigmoid", loss="bce")
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        bce.loss(X, np.full((4, 1), 2.0))
    assert model.train_epochs(X, y, 0, 2, opt).shape == (0,)
