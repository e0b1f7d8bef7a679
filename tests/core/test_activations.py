"""core.activations: kernels against numpy references, finite differences and known values."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core import activations as A
from core._kernels import activations as K

NAMES = ["linear", "step", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "gelu",
         "swish"]
KINKED = {"step", "relu", "leaky_relu", "elu"}  # derivative jumps (or is undefined) at z = 0

# any finite double, including huge magnitudes that would overflow a naive e^z
any_z = st.floats(min_value=-1e308, max_value=1e308, allow_nan=False, allow_infinity=False)
z_arrays = hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, max_side=6),
                      elements=any_z)


def test_registry_names_ids_and_alpha():
    assert list(A.ACTIVATIONS) == NAMES
    ids = [a.id for a in A.ACTIVATIONS.values()]
    assert ids == list(range(K.N_ACTIVATIONS))
    assert A.get("leaky_relu").id == K.LEAKY_RELU and A.get("gelu").id == K.GELU
    alphas = {n: (a.has_alpha, a.default_alpha) for n, a in A.ACTIVATIONS.items()}
    assert alphas["leaky_relu"] == (True, 0.01)
    assert alphas["elu"] == (True, 1.0)
    assert all(v == (False, 0.0) for n, v in alphas.items() if n not in ("leaky_relu", "elu"))
    for act in A.ACTIVATIONS.values():
        for text in (act.label, act.formula, act.derivative_formula, act.range, act.saturates,
                     act.when_to_use):
            assert isinstance(text, str) and text.strip()
        assert act.name in repr(act)


def test_formula_texts_use_html_and_unicode():
    sig = A.get("sigmoid")
    assert sig.formula == "σ(z) = 1 / (1 + e<sup>−z</sup>)"
    assert "·" in sig.derivative_formula and "−" in sig.derivative_formula
    assert "<sup>2</sup>" in A.get("tanh").derivative_formula
    assert "α" in A.get("leaky_relu").formula and "α" in A.get("elu").formula
    for act in A.ACTIVATIONS.values():
        assert "-" not in act.formula, "use the Unicode minus sign − in formulas"


def test_zero_centred_flags():
    centred = {n for n, a in A.ACTIVATIONS.items() if a.zero_centred}
    assert centred == {"linear", "tanh"}


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=30, deadline=None)
@given(z=z_arrays)
def test_kernel_matches_numpy_reference(name, z):
    got_v = A.value(name, z)
    got_d = A.derivative(name, z)
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
        ref_v = A._reference_value(name, z)
        ref_d = A._reference_derivative(name, z)
    assert got_v.shape == z.shape and got_d.shape == z.shape
    assert np.isfinite(got_v).all() and np.isfinite(got_d).all()
    np.testing.assert_allclose(got_v, ref_v, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(got_d, ref_d, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("name", ["leaky_relu", "elu"])
@settings(max_examples=30, deadline=None)
@given(z=hnp.arrays(np.float64, 8, elements=st.floats(-50, 50)), alpha=st.floats(0.0, 3.0))
def test_alpha_is_used(name, z, alpha):
    np.testing.assert_allclose(A.value(name, z, alpha), A._reference_value(name, z, alpha),
                               rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(A.derivative(name, z, alpha),
                               A._reference_derivative(name, z, alpha), rtol=1e-12, atol=1e-12)


def test_known_values():
    # the lecture's neuron: sigmoid(1 + 3·(−1) − 2·2) = sigmoid(−6) = 0.00247
    assert A.value("sigmoid", -6.0) == pytest.approx(0.0024726231566347743, rel=1e-12)
    assert A.value("softplus", 0.0) == pytest.approx(math.log(2.0), rel=1e-15)
    assert A.value("gelu", 1.0) == pytest.approx(0.8413447460685429, rel=1e-12)  # Φ(1)
    assert A.value("swish", 1.0) == pytest.approx(1.0 / (1.0 + math.exp(-1.0)), rel=1e-15)
    assert A.value("elu", -1.0) == pytest.approx(math.exp(-1.0) - 1.0, rel=1e-15)
    assert A.value("leaky_relu", -2.0) == pytest.approx(-0.02, rel=1e-15)
    assert A.value("step", 0.0) == 1.0 and A.value("step", -1e-300) == 0.0
    assert A.derivative("relu", 0.0) == 0.0
    assert A.derivative("tanh", 0.0) == 1.0 and A.derivative("sigmoid", 0.0) == 0.25


@pytest.mark.parametrize("name", NAMES)
def test_derivative_matches_central_differences(name):
    z = np.linspace(-6.0, 6.0, 1201)
    if name in KINKED:
        z = z[np.abs(z) > 1e-3]
    h = 1e-5
    numeric = (A.value(name, z + h) - A.value(name, z - h)) / (2 * h)
    np.testing.assert_allclose(A.derivative(name, z), numeric, rtol=1e-6, atol=1e-7)
    if name in ("leaky_relu", "elu"):
        alpha = 0.3
        numeric = (A.value(name, z + h, alpha) - A.value(name, z - h, alpha)) / (2 * h)
        np.testing.assert_allclose(A.derivative(name, z, alpha), numeric, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("name", NAMES)
def test_max_derivative_is_the_max_on_a_fine_grid(name):
    z = np.linspace(-25.0, 25.0, 500_001)
    assert A.get(name).max_derivative == pytest.approx(A.derivative(name, z).max(), abs=1e-8)


def test_shapes_and_scalars():
    z = np.arange(24.0).reshape(2, 3, 4) - 12.0
    assert A.value("relu", z).shape == (2, 3, 4)
    scalar = A.value("tanh", 0.5)
    assert np.ndim(scalar) == 0 and scalar == pytest.approx(math.tanh(0.5))
    assert A.value("sigmoid", [0.0, 0.0]).tolist() == [0.5, 0.5]
    assert A.value("relu", np.array([], dtype=np.float32)).shape == (0,)
    assert A.get("tanh").value(0.0) == 0.0 and A.get("tanh").derivative(0.0) == 1.0
    nonc = np.asfortranarray(np.ones((3, 2)))
    np.testing.assert_array_equal(A.value("linear", nonc), nonc)


def test_bad_input_raises_value_error():
    with pytest.raises(ValueError, match="known: linear, step"):
        A.get("relu6")
    with pytest.raises(ValueError, match="unknown activation"):
        A.value("softmax", 0.0)
    with pytest.raises(ValueError, match="unknown activation"):
        A.derivative("", 0.0)
    with pytest.raises(ValueError, match="NaN"):
        A.value("tanh", [0.0, math.nan])
    with pytest.raises(ValueError, match="alpha"):
        A.value("elu", 0.0, alpha=math.inf)
    with pytest.raises(ValueError):
        A.value("tanh", "abc")


# --- softmax ---------------------------------------------------------------------------------

logit_rows = hnp.arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(1, 6)),
                        elements=st.floats(-1000, 1000))
temperatures = st.floats(0.01, 100.0)


@settings(max_examples=50, deadline=None)
@given(z=logit_rows, t=temperatures)
def test_softmax_sums_to_one_and_matches_reference(z, t):
    p = A.softmax(z, t)
    assert p.shape == z.shape and np.isfinite(p).all() and (p >= 0).all()
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    np.testing.assert_allclose(p, A._reference_softmax(z, t), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(A.softmax(z[0], t), p[0], rtol=1e-15, atol=0)  # 1-D = one row


@settings(max_examples=50, deadline=None)
@given(z=logit_rows, shift=st.floats(-500, 500), t=temperatures)
def test_softmax_is_shift_invariant(z, shift, t):
    np.testing.assert_allclose(A.softmax(z + shift, t), A.softmax(z, t), rtol=1e-6, atol=1e-9)


def test_softmax_sharpens_as_temperature_falls_and_flattens_as_it_grows():
    z = np.array([2.0, 1.0, 0.1, -1.0])
    temps = [1e-3, 0.1, 0.5, 1.0, 2.0, 10.0, 1e3, 1e6]
    p_max = [A.softmax(z, t).max() for t in temps]
    assert all(a > b for a, b in zip(p_max, p_max[1:]))
    np.testing.assert_allclose(A.softmax(z, 1e-3), [1.0, 0.0, 0.0, 0.0], atol=1e-12)
    np.testing.assert_allclose(A.softmax(z, 1e6), 0.25, atol=1e-6)
    # T = 1 is the plain softmax e^z / Σ e^z
    np.testing.assert_allclose(A.softmax(z), np.exp(z) / np.exp(z).sum(), rtol=1e-14)


def test_softmax_extreme_logits_are_stable():
    p = A.softmax(np.array([[1000.0, -1000.0], [-1000.0, -1000.0]]))
    np.testing.assert_allclose(p, [[1.0, 0.0], [0.5, 0.5]], atol=0)


def test_softmax_bad_input():
    for bad_t in (0.0, -1.0, math.nan, math.inf):
        with pytest.raises(ValueError, match="temperature"):
            A.softmax([1.0, 2.0], bad_t)
    with pytest.raises(ValueError, match="shape"):
        A.softmax(np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match="shape"):
        A.softmax([])
    with pytest.raises(ValueError, match="NaN"):
        A.softmax([1.0, math.nan])


def test_warmup_compiles_every_signature_the_api_uses():
    A.warmup()
    kernels = [K.act_array, K.softmax_rows]
    before = [len(k.signatures) for k in kernels]
    A.value("relu", np.arange(6).reshape(2, 3))
    A.derivative("elu", 0.5, 2)
    A.value("leaky_relu", [1, 2], alpha=1)
    A.softmax([1, 2, 3], 0.5)
    A.softmax(np.ones((3, 2), dtype=np.float32))
    assert [len(k.signatures) for k in kernels] == before  # nothing new was compiled
