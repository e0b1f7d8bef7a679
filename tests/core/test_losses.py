"""core.losses: kernels against numpy references, finite differences and hand-computed values."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core import activations as A
from core import losses as L
from core._kernels import losses as K


def _shapes():
    return st.tuples(st.integers(1, 5), st.integers(1, 4))


@st.composite
def mse_pairs(draw):
    shape = draw(_shapes())
    el = st.floats(-1e3, 1e3)
    return draw(hnp.arrays(np.float64, shape, elements=el)), draw(
        hnp.arrays(np.float64, shape, elements=el))


@st.composite
def bce_pairs(draw):
    shape = draw(_shapes())
    # probabilities including the exact ends 0 and 1, where log would blow up unclipped
    p = st.one_of(st.sampled_from([0.0, 1.0]), st.floats(0.0, 1.0))
    return (draw(hnp.arrays(np.float64, shape, elements=p)),
            draw(hnp.arrays(np.float64, shape, elements=st.floats(0.0, 1.0))))


@st.composite
def probability_rows(draw, shape):
    raw = draw(hnp.arrays(np.float64, shape, elements=st.floats(0.0, 1.0)))
    raw[:, 0] += 1e-3  # every row has some mass
    return raw / raw.sum(axis=1, keepdims=True)


@st.composite
def logits_and_targets(draw, scale=50.0):
    shape = draw(_shapes())
    z = draw(hnp.arrays(np.float64, shape, elements=st.floats(-scale, scale)))
    return z, draw(probability_rows(shape))


def test_registry():
    assert list(L.LOSSES) == ["mse", "bce", "cross_entropy"]
    assert [loss.id for loss in L.LOSSES.values()] == [K.MSE, K.BCE, K.CCE] == [0, 1, 2]
    assert {n: loss.use_for for n, loss in L.LOSSES.items()} == {
        "mse": "regression", "bce": "binary classification",
        "cross_entropy": "multi-class classification"}
    for loss in L.LOSSES.values():
        assert loss.label and loss.formula and loss.gradient_formula
        assert loss.name in repr(loss)
    assert "½" in L.get("mse").formula and "<sup>2</sup>" in L.get("mse").formula


def test_hand_computed_values():
    # mse: (½·1² + ½·2²) / 1 = 2.5;  two rows: (½·4 + 0) / 2 = 1
    assert L.value("mse", [[1.0, 2.0]], [[0.0, 0.0]]) == pytest.approx(2.5)
    assert L.value("mse", [[2.0], [1.0]], [[0.0], [1.0]]) == pytest.approx(1.0)
    # bce of p = 0.5 is ln 2 whatever the target; cross-entropy of a one-hot: −ln p_true
    assert L.value("bce", [[0.5]], [[1.0]]) == pytest.approx(math.log(2.0))
    assert L.value("cross_entropy", [[0.7, 0.2, 0.1]], [[0.0, 1.0, 0.0]]) == pytest.approx(
        -math.log(0.2))
    np.testing.assert_allclose(L.gradient("mse", [[3.0], [1.0]], [[1.0], [1.0]]),
                               [[1.0], [0.0]])


@settings(max_examples=40, deadline=None)
@given(pair=mse_pairs())
def test_mse_matches_reference(pair):
    o, t = pair
    assert L.value("mse", o, t) == pytest.approx(L._reference_value("mse", o, t), rel=1e-12,
                                                 abs=1e-300)
    np.testing.assert_allclose(L.gradient("mse", o, t), L._reference_gradient("mse", o, t),
                               rtol=1e-13, atol=0)


@settings(max_examples=40, deadline=None)
@given(pair=bce_pairs())
def test_bce_matches_reference_and_is_finite_at_0_and_1(pair):
    p, t = pair
    v, g = L.value("bce", p, t), L.gradient("bce", p, t)
    assert math.isfinite(v) and np.isfinite(g).all()
    assert v == pytest.approx(L._reference_value("bce", p, t), rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(g, L._reference_gradient("bce", p, t), rtol=1e-9, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_cross_entropy_on_probabilities_matches_reference(data):
    shape = data.draw(_shapes())
    p = data.draw(probability_rows(shape))
    t = data.draw(probability_rows(shape))
    assert L.value("cross_entropy", p, t) == pytest.approx(
        L._reference_value("cross_entropy", p, t), rel=1e-12, abs=1e-14)
    np.testing.assert_allclose(L.gradient("cross_entropy", p, t),
                               L._reference_gradient("cross_entropy", p, t), rtol=1e-12,
                               atol=1e-300)  # subnormal targets round differently


@settings(max_examples=40, deadline=None)
@given(zt=logits_and_targets(scale=1000.0))
def test_cross_entropy_from_logits_matches_reference(zt):
    z, t = zt
    loss, grad = L.cross_entropy_from_logits(z, t)
    ref_loss, ref_grad = L._reference_cross_entropy_from_logits(z, t)
    assert math.isfinite(loss) and np.isfinite(grad).all()
    assert loss == pytest.approx(ref_loss, rel=1e-9, abs=1e-9)
    np.testing.assert_allclose(grad, ref_grad, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(grad.sum(axis=1), 0.0, atol=1e-12)  # Σ_k (p_k − t_k) = 0


def _numeric_gradient(f, x, h):
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[idx] += h
        down[idx] -= h
        grad[idx] = (f(up) - f(down)) / (2 * h)
    return grad


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("name", ["mse", "bce", "cross_entropy"])
def test_gradient_matches_central_differences(name, seed):
    rng = np.random.default_rng(seed)
    n, k = 1 + seed, 3
    if name == "mse":
        o, t = rng.normal(size=(n, k)), rng.normal(size=(n, k))
    elif name == "bce":
        o, t = rng.uniform(0.05, 0.95, (n, k)), rng.uniform(0.0, 1.0, (n, k))
    else:
        o = rng.uniform(0.05, 1.0, (n, k))
        o /= o.sum(axis=1, keepdims=True)
        t = np.eye(k)[rng.integers(0, k, n)]
    numeric = _numeric_gradient(lambda x: L.value(name, x, t), o, 1e-6)
    np.testing.assert_allclose(L.gradient(name, o, t), numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("seed", range(4))
def test_logits_gradient_matches_central_differences(seed):
    rng = np.random.default_rng(seed)
    z = rng.normal(scale=3.0, size=(1 + seed, 4))
    t = rng.dirichlet(np.ones(4), size=z.shape[0])
    numeric = _numeric_gradient(lambda x: L.cross_entropy_from_logits(x, t)[0], z, 1e-6)
    np.testing.assert_allclose(L.cross_entropy_from_logits(z, t)[1], numeric, rtol=1e-6,
                               atol=1e-8)


def test_logits_version_agrees_with_softmax_then_cross_entropy():
    rng = np.random.default_rng(7)
    z = rng.normal(size=(5, 3))
    t = np.eye(3)[[0, 2, 1, 1, 0]]
    p = A.softmax(z)
    loss, grad = L.cross_entropy_from_logits(z, t)
    assert loss == pytest.approx(L.value("cross_entropy", p, t), rel=1e-12)
    # chain rule through the softmax Jacobian J = diag(p) − p pᵀ gives (p − t) / N
    dp = L.gradient("cross_entropy", p, t)
    chained = np.stack([(np.diag(pi) - np.outer(pi, pi)) @ gi for pi, gi in zip(p, dp)])
    np.testing.assert_allclose(grad, chained, rtol=1e-10, atol=1e-14)


def test_cross_entropy_from_logits_of_plus_minus_1000():
    z = np.array([[1000.0, -1000.0], [-1000.0, 1000.0]])
    t = np.array([[1.0, 0.0], [1.0, 0.0]])
    loss, grad = L.cross_entropy_from_logits(z, t)
    # row 1 is certain and right (loss 0); row 2 is certain and wrong (loss 2000)
    assert loss == pytest.approx(1000.0, rel=1e-15)
    np.testing.assert_allclose(grad, [[0.0, 0.0], [-0.5, 0.5]], atol=1e-300)


def test_bce_at_probabilities_0_and_1():
    p = np.array([[0.0, 1.0, 0.0, 1.0]])
    t = np.array([[1.0, 0.0, 0.0, 1.0]])
    v, g = L.value("bce", p, t), L.gradient("bce", p, t)
    assert np.isfinite(g).all()
    # two confidently wrong terms of −ln(1e-12) each, two right terms of ~1e-12
    # (1 − 1e-12 is not exact in float64, hence the looser tolerance)
    assert v == pytest.approx(2 * 12 * math.log(10.0), rel=1e-5)
    assert g[0, 0] < -1e11 and g[0, 1] > 1e11 and abs(g[0, 2]) < 2 and abs(g[0, 3]) < 2


def test_sigmoid_plus_bce_gives_p_minus_t():
    z = np.linspace(-5.0, 5.0, 11).reshape(-1, 1)
    t = (z > 0.5).astype(float)
    p = A.value("sigmoid", z)
    chained = L.gradient("bce", p, t) * A.derivative("sigmoid", z)
    np.testing.assert_allclose(chained, (p - t) / len(z), rtol=1e-9, atol=1e-15)


def test_bad_input_raises_value_error():
    ok = np.zeros((2, 1))
    with pytest.raises(ValueError, match="known: mse, bce, cross_entropy"):
        L.value("hinge", ok, ok)
    with pytest.raises(ValueError, match="differ"):
        L.value("mse", np.zeros((2, 1)), np.zeros((2, 2)))
    with pytest.raises(ValueError, match="2-D"):
        L.gradient("mse", np.zeros(3), np.zeros(3))
    with pytest.raises(ValueError, match="2-D"):
        L.value("mse", np.zeros((0, 1)), np.zeros((0, 1)))
    with pytest.raises(ValueError, match="NaN"):
        L.value("mse", [[math.nan]], [[0.0]])
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        L.value("bce", [[0.5]], [[-1.0]])  # a ±1 label given to bce
    with pytest.raises(ValueError, match="probabilities"):
        L.value("bce", [[1.5]], [[1.0]])
    with pytest.raises(ValueError, match="probability rows"):
        L.gradient("cross_entropy", [[0.5, 0.5]], [[1.0, 1.0]])
    with pytest.raises(ValueError, match="probability rows"):
        L.cross_entropy_from_logits([[0.0, 1.0]], [[0.0, 2.0]])


def test_warmup_compiles_every_signature_the_api_uses():
    L.warmup()
    kernels = [K.loss_value, K.loss_gradient, K.cross_entropy_logits]
    before = [len(k.signatures) for k in kernels]
    L.value("mse", [[1]], [[0]])
    L.gradient("bce", np.full((3, 1), 0.2, dtype=np.float32), np.ones((3, 1)))
    L.gradient("cross_entropy", np.asfortranarray([[0.5, 0.5], [0.1, 0.9]]), [[1, 0], [0, 1]])
    L.cross_entropy_from_logits([[1.0, 2.0]], [[0, 1]])
    assert [len(k.signatures) for k in kernels] == before  # nothing new was compiled


def test_record_methods():
    o, t = np.array([[0.2, 0.8]]), np.array([[0.0, 1.0]])
    loss = L.get("cross_entropy")
    assert loss.value(o, t) == L.value("cross_entropy", o, t)
    np.testing.assert_array_equal(loss.gradient(o, t), L.gradient("cross_entropy", o, t))
    # Fortran-ordered and integer input are converted, not rejected
    f = np.asfortranarray(np.arange(6.0).reshape(3, 2))
    assert L.value("mse", f, np.zeros((3, 2), dtype=int)) == pytest.approx(
        0.5 * np.sum(np.arange(6.0) ** 2) / 3)
