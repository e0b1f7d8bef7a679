"""core.perceptron against truth tables, the convergence theorem and the lecture's numbers."""
import itertools
import math

import numpy as np
import pytest

from core.perceptron import (
    GATES,
    INPUTS,
    LECTURE_EXAMPLE,
    Perceptron,
    linearly_separable,
    sigmoid_neuron,
    two_layer_xor,
)

PAIRS = [(0, 0), (0, 1), (1, 0), (1, 1)]

#: the truth tables written with Python's own operators (the oracle).
TRUTH = {
    "AND": [int(a and b) for a, b in PAIRS],
    "OR": [int(a or b) for a, b in PAIRS],
    "NAND": [int(not (a and b)) for a, b in PAIRS],
    "NOR": [int(not (a or b)) for a, b in PAIRS],
    "XOR": [a ^ b for a, b in PAIRS],
}

#: separating lines (w1, w2, b) from the lecture / shared/REFERENCES.md.
LECTURE_LINES = {
    "AND": (1.0, 1.0, -1.5),
    "OR": (1.0, 1.0, -0.5),
    "NAND": (-1.0, -1.0, 1.5),
    "NOR": (-1.0, -1.0, 0.5),
}


def test_inputs_and_gates_are_the_truth_tables():
    assert INPUTS.tolist() == [list(map(float, p)) for p in PAIRS]
    assert set(GATES) == set(TRUTH)
    for name, table in TRUTH.items():
        assert GATES[name].tolist() == table, name


@pytest.mark.parametrize("gate", sorted(LECTURE_LINES))
def test_lecture_weights_compute_the_gate(gate):
    w1, w2, b = LECTURE_LINES[gate]
    p = Perceptron((w1, w2), b)
    assert p.predict(INPUTS).tolist() == TRUTH[gate]
    assert [p.output(x) for x in PAIRS] == TRUTH[gate]


def test_lecture_or_is_step_of_minus_half_plus_x1_plus_x2():
    p = Perceptron((1, 1), -0.5)
    for (x1, x2), t in zip(PAIRS, TRUTH["OR"]):
        assert p.net((x1, x2)) == pytest.approx(-0.5 + x1 + x2)
        assert p.output((x1, x2)) == t


def _novikoff_bound(gate, w0, b0, eta):
    """Max number of mistakes: (R/γ)² + 2‖w̃0‖/(η γ).

    Augment x̃ = (x1, x2, 1), signed labels s = ±1. A unit separator u with margin
    γ = min s (u · x̃) > 0 gives, after k mistakes (each adds η s x̃ with s (w̃ · x̃) <= 0):
    w̃_k · u >= w̃_0 · u + k η γ >= k η γ − ‖w̃_0‖ and ‖w̃_k‖² <= ‖w̃_0‖² + k η² R².
    Cauchy-Schwarz then gives k <= (R/γ)² + 2‖w̃_0‖ / (η γ).
    """
    u = np.array(LECTURE_LINES[gate])
    u = u / np.linalg.norm(u)
    Xa = np.column_stack([INPUTS, np.ones(4)])
    s = 2.0 * np.array(TRUTH[gate]) - 1.0
    gamma = float(np.min(s * (Xa @ u)))
    assert gamma > 0
    R2 = float(np.max(np.sum(Xa**2, axis=1)))
    norm0 = math.hypot(*w0, b0)
    return R2 / gamma**2 + 2.0 * norm0 / (eta * gamma)


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND", "NOR"])
def test_learns_separable_gates_from_random_starts_within_the_bound(gate):
    rng = np.random.default_rng(1234)
    for _ in range(50):
        w0 = rng.uniform(-2, 2, size=2)
        b0 = float(rng.uniform(-2, 2))
        eta = float(rng.choice([0.1, 0.25, 0.5, 1.0, rng.uniform(0.05, 2)]))
        bound = _novikoff_bound(gate, w0, b0, eta)
        p = Perceptron(w0, b0, eta)
        result = p.fit(INPUTS, GATES[gate], max_epochs=int(bound) + 10)
        assert result.converged and not result.cycled, (gate, w0, b0, eta)
        assert sum(result.errors) <= bound
        assert result.epochs <= int(bound) + 1
        assert result.errors[-1] == 0 and all(e > 0 for e in result.errors[:-1])
        # the learned line really computes the gate (oracle: the truth table)
        assert p.predict(INPUTS).tolist() == TRUTH[gate]
        assert (p.weights, p.bias) == (result.weights, result.bias)


def test_xor_never_converges_and_is_reported_as_cycling():
    rng = np.random.default_rng(7)
    starts = [((0.0, 0.0), 0.0, 1.0), ((0.1, 0.2), -0.3, 0.1)]
    starts += [(tuple(rng.uniform(-1, 1, 2)), float(rng.uniform(-1, 1)),
                float(rng.choice([0.1, 0.5, 1.0]))) for _ in range(20)]
    for w0, b0, eta in starts:
        p = Perceptron(w0, b0, eta)
        result = p.fit(INPUTS, GATES["XOR"], max_epochs=1000)
        assert not result.converged and result.cycled, (w0, b0, eta)
        assert result.epochs < 1000 and result.cycle_length >= 1
        assert all(e > 0 for e in result.errors)
        # replaying one more cycle returns to the same state and still makes errors
        state = (p.weights, p.bias)
        for _ in range(result.cycle_length):
            assert p.epoch(INPUTS, GATES["XOR"]).errors > 0
        assert (p.weights, p.bias) == state


def test_fit_stops_at_max_epochs():
    p = Perceptron((0.0, 0.0), 0.0, 0.5, activation="sigmoid")
    result = p.fit(INPUTS, GATES["XOR"], max_epochs=7)
    assert (result.converged, result.cycled, result.epochs) == (False, False, 7)
    assert len(result.errors) == 7


def test_linearly_separable_all_sixteen_two_input_gates():
    not_separable = []
    for table in itertools.product([0, 1], repeat=4):
        if not linearly_separable(table):
            not_separable.append(table)
    xor = tuple(TRUTH["XOR"])
    xnor = tuple(1 - t for t in xor)
    assert sorted(not_separable) == sorted([xor, xnor])
    assert linearly_separable(GATES["AND"]) and not linearly_separable(GATES["XOR"])


def test_two_layer_xor_classifies_all_four_inputs():
    net = two_layer_xor()
    H, y = net.forward(INPUTS)
    assert y.tolist() == TRUTH["XOR"]
    # the hidden units are NAND and OR (truth tables), and in (h1, h2) space XOR is separable
    assert H[:, 0].tolist() == TRUTH["NAND"] and H[:, 1].tolist() == TRUTH["OR"]
    assert linearly_separable(y, H)
    assert net.hidden_weights.shape == (2, 2)
    assert "TwoLayerNetwork" in repr(net)


def test_sigmoid_neuron_lecture_example():
    z, y = sigmoid_neuron(**LECTURE_EXAMPLE)
    assert z == -6.0
    assert round(y, 5) == 0.00247
    assert y == pytest.approx(1.0 / (1.0 + math.exp(6.0)), rel=1e-12)
    assert sigmoid_neuron(1.0, (3.0, -2.0), (-1.0, 2.0)).z == -6.0


def test_update_record_carries_the_arithmetic():
    p = Perceptron((0.5, -0.5), 0.0, 0.25)
    u = p.update((1, 1), 1)  # z = 0, step(0) = 1 = t: nothing changes
    assert (u.z, u.y, u.error, u.changed, u.misclassified) == (0.0, 1.0, 0.0, False, False)
    u = p.update((1, 0), 0)  # z = 0.5, y = 1, t = 0: w <- w + 0.25 (0 - 1) x
    assert (u.x, u.t, u.z, u.y, u.error) == ((1.0, 0.0), 0.0, 0.5, 1.0, -1.0)
    assert u.old_weights == (0.5, -0.5) and u.old_bias == 0.0
    assert u.delta_weights == (-0.25, 0.0) and u.delta_bias == -0.25
    assert u.new_weights == (0.25, -0.5) and u.new_bias == -0.25
    assert u.learning_rate == 0.25 and u.misclassified and u.changed
    assert p.weights == (0.25, -0.5) and p.bias == -0.25


def test_decimal_learning_rates_give_the_blackboard_numbers():
    # by hand: 0.1 + 0.2 - 0.3 = 0, so step(z) = 1 and the rule subtracts 0.1 everywhere
    p = Perceptron((0.1, 0.2), -0.3, 0.1)
    u = p.update((1, 1), 0)
    assert u.z == 0.0 and u.y == 1.0
    assert p.weights == (0.0, 0.1) and p.bias == -0.4
    assert u.equations() == [
        "z = 0.1×1 + 0.2×1 − 0.3 = 0",
        "y = step(0) = 1",
        "w1 ← 0.1 + 0.1 × (0 − 1) × 1 = 0",
        "w2 ← 0.2 + 0.1 × (0 − 1) × 1 = 0.1",
        "b ← −0.3 + 0.1 × (0 − 1) = −0.4",
    ]


def test_sigmoid_update_is_the_delta_rule():
    w, b, eta, x, t = np.array([0.3, -0.7]), 0.2, 0.5, np.array([1.0, 2.0]), 1.0
    p = Perceptron(w, b, eta, activation="sigmoid")
    u = p.update(x, t)
    z = w @ x + b
    y = 1.0 / (1.0 + math.exp(-z))
    assert u.z == pytest.approx(z) and u.y == pytest.approx(y)
    np.testing.assert_allclose(p.weights, w + eta * (t - y) * x, atol=1e-12)
    assert p.bias == pytest.approx(b + eta * (t - y), abs=1e-12)
    assert z < 0 and u.misclassified  # class 0 (z = -0.9 < 0) but t = 1


def test_forward_matches_numpy():
    rng = np.random.default_rng(3)
    w, b = rng.normal(size=3), 0.37
    X = rng.normal(size=(25, 3))
    p = Perceptron(w, b)
    z = X @ w + b
    np.testing.assert_array_equal(p.predict(X), (z >= 0).astype(float))
    np.testing.assert_array_equal(p.classify(X), (z >= 0).astype(float))
    assert p.net(X[0]) == pytest.approx(z[0], abs=1e-11)
    s = Perceptron(w, b, activation="sigmoid")
    np.testing.assert_allclose(s.predict(X), 1 / (1 + np.exp(-z)), rtol=1e-9)


@pytest.mark.parametrize("activation", ["step", "sigmoid"])
def test_predict_on_a_grid_equals_output_point_by_point(activation):
    """The vectorised grid (the plane's shading) gives exactly the one-point numbers."""
    p = Perceptron((3.0, -2.0), 0.5, activation=activation)
    grid = np.array([[x, y] for x in np.linspace(-400, 400, 41) for y in (-1e3, -0.25, 0, 2)])
    expected = [p.output(row) for row in grid]
    np.testing.assert_allclose(p.predict(grid), expected, rtol=1e-15, atol=0)


def test_huge_and_tiny_numbers_stay_exact_and_quiet():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = Perceptron((1e300, -3e7), 1e-13)
        assert p.weights == (1e300, -3e7) and p.bias == 0.0  # rounded to 12 decimals
        assert p.net((1.0, 0.0)) == 1e300 and p.output((0.0, 1.0)) == 0.0
        q = Perceptron((0.0, 0.0), 0.0, 1e308)
        q.fit(INPUTS, GATES["XOR"], max_epochs=5)  # overflows to inf/nan, never raises


def test_setters_copy_and_repr():
    p = Perceptron()
    p.weights = (2, -3)
    p.bias = 0.5
    p.learning_rate = 0.1
    q = p.copy()
    q.update((1, 1), 1)
    assert p.weights == (2.0, -3.0) and q.weights != p.weights
    assert repr(p) == "Perceptron(weights=(2, -3), bias=0.5, learning_rate=0.1, activation='step')"


@pytest.mark.parametrize("make", [
    lambda: Perceptron(activation="relu"),
    lambda: Perceptron(learning_rate=0.0),
    lambda: Perceptron(learning_rate=-1.0),
    lambda: Perceptron(learning_rate=float("nan")),
    lambda: Perceptron(weights=(float("nan"), 0.0)),
    lambda: Perceptron(weights=()),
    lambda: Perceptron(weights="ab"),
    lambda: Perceptron(bias=float("inf")),
    lambda: Perceptron().update((1, 2, 3), 1),
    lambda: Perceptron().update((1, 0), 2),
    lambda: Perceptron().update((1, float("nan")), 1),
    lambda: Perceptron().epoch(INPUTS, [0, 1, 1]),
    lambda: Perceptron().epoch(INPUTS[:, :1], GATES["AND"]),
    lambda: Perceptron().fit(INPUTS, GATES["AND"], max_epochs=0),
    lambda: Perceptron().fit(INPUTS, [0, 0.5, 1, 1]),
    lambda: Perceptron().predict([1.0, 2.0]),
    lambda: setattr(Perceptron(), "weights", (1.0, 2.0, 3.0)),
    lambda: linearly_separable([0, 1, 1]),
    lambda: linearly_separable([0, 1], [[0.5, 0.0], [1.0, 1.0]]),
    lambda: sigmoid_neuron(1.0, (3.0, -2.0), (1.0,)),
])
def test_bad_input_raises_value_error(make):
    with pytest.raises(ValueError):
        make()
