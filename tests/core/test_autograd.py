"""core.autograd against independent oracles: the lecture's worked examples, central finite
differences, a plain-numpy two-layer network, M. Mazur's published 2-2-2 example, core.mlp."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.autograd import Value, fmt, topological_order
from core.autograd_replay import Graph, network

H = 1e-6


def _fd(f, xs, i, h=H):
    """Central finite difference of f(list of floats) in coordinate i."""
    up, down = list(xs), list(xs)
    up[i] += h
    down[i] -= h
    return (f(up) - f(down)) / (2 * h)


def _check_fd(build, xs, rtol=1e-5, atol=1e-7):
    """build(list of Values) -> output Value; every leaf gradient vs finite differences."""
    leaves = [Value(x) for x in xs]
    out = build(leaves)
    out.backward()
    for i in range(len(xs)):
        num = _fd(lambda v: build([Value(a) for a in v]).data, xs, i)
        assert leaves[i].grad == pytest.approx(num, rel=rtol, abs=atol), (i, xs)


# --- the lecture's example -------------------------------------------------------------------
def _lecture():
    x, y, z = Value(-2, "x"), Value(5, "y"), Value(-4, "z")
    q = (x + y).named("q")
    f = (q * z).named("f")
    return x, y, z, q, f


def test_lecture_chain_rule_example_exact_values():
    x, y, z, q, f = _lecture()
    assert (q.data, f.data) == (3.0, -12.0)
    f.backward()
    assert (x.grad, y.grad, z.grad, q.grad) == (-4.0, -4.0, 3.0, -4.0)
    # local gradients: dq/dx = dq/dy = 1, df/dq = z, df/dz = q
    assert q.local_grads == (1.0, 1.0)
    assert f.local_grads == (z.data, q.data)


def test_lecture_stages_write_out_the_chain_rule():
    *_, f = _lecture()
    g = Graph(f)
    kinds = [s.kind for s in g.stages]
    assert kinds == ["start", "forward", "forward", "seed", "backward", "backward",
                     "backward", "backward", "done"]
    texts = [line for s in g.stages for line in s.lines]
    assert "q = x + y = −2 + 5 = 3" in texts
    assert "f = q · z = 3 · (−4) = −12" in texts
    assert "∂f/∂q = z = −4" in texts
    assert "∂f/∂z = q = 3" in texts
    assert "∂f/∂x = ∂f/∂q · ∂q/∂x = −4 · 1 = −4" in texts
    assert "∂f/∂y = ∂f/∂q · ∂q/∂y = −4 · 1 = −4" in texts
    assert g.stages[-1].lines == ("∂f/∂x = −4", "∂f/∂y = −4", "∂f/∂z = 3")


def test_snapshots_fill_in_stage_by_stage():
    *_, f = _lecture()
    g = Graph(f)
    names = g.names
    first = g.snapshot(0)
    assert {names[i] for i in first.values} == {"x", "y", "z"}
    assert first.edge_grads == {} and first.node_grads == {}
    last = g.snapshot(len(g.stages) - 1)
    assert {names[i] for i in last.values} == set(names)
    grads = {names[i]: v for i, v in last.node_grads.items()}
    assert grads == {"f": 1.0, "q": -4.0, "z": 3.0, "x": -4.0, "y": -4.0}
    with pytest.raises(ValueError, match="out of range"):
        g.snapshot(len(g.stages))


def test_sigmoid_neuron_matches_the_lecture_and_its_expanded_form():
    # the lecture's forward example: w0 = 1, W = (3, -2), X = (-1, 2): z = -6, y = 0.00247
    b, w1, w2, x1, x2 = (Value(v) for v in (1, 3, -2, -1, 2))
    y = (b + w1 * x1 + w2 * x2).sigmoid()
    assert y.data == pytest.approx(1 / (1 + math.exp(6)))
    assert fmt(y.data) == "0.00247"
    # CS231n's neuron: the sigmoid node and its exp/add/(1/x) expansion agree
    vals = (2.0, -1.0, -3.0, -2.0, -3.0)
    leaves_a = [Value(v) for v in vals]
    za = leaves_a[0] * leaves_a[1] + leaves_a[2] * leaves_a[3] + leaves_a[4]
    fa = za.sigmoid()
    fa.backward()
    leaves_b = [Value(v) for v in vals]
    zb = leaves_b[0] * leaves_b[1] + leaves_b[2] * leaves_b[3] + leaves_b[4]
    fb = ((zb * -1).exp() + 1) ** -1
    fb.backward()
    assert fa.data == pytest.approx(0.7310585786)
    for a, b_ in zip(leaves_a, leaves_b):
        assert a.grad == pytest.approx(b_.grad)
    assert [round(v.grad, 2) for v in leaves_a] == [-0.2, 0.39, -0.39, -0.59, 0.2]


def test_gate_patterns_add_distributes_multiply_swaps_max_routes():
    x, y, z, w = (Value(v) for v in (3.0, -4.0, 2.0, -1.0))
    f = 2 * (x * y + z.max(w))
    f.backward()
    assert f.data == -20.0
    assert (x.grad, y.grad, z.grad, w.grad) == (-8.0, 6.0, 2.0, 0.0)


def test_a_value_used_twice_accumulates_its_gradients():
    x, y = Value(3.0), Value(-2.0)
    f = x * y + x.square()
    f.backward()
    assert x.grad == y.data + 2 * x.data
    a = Value(1.5)
    g = a * a
    g.backward()
    assert a.grad == pytest.approx(3.0)
    x, y = Value(3.0, "x"), Value(-2.0, "y")
    stages = Graph((x * y + x.square()).named("f")).stages
    # x's second contribution (through x·y) is added to the first (through x², 2x = 6)
    lines = [line for s in stages for line in s.lines]
    assert "∂f/∂x = 6 + ∂f/∂n2 · ∂n2/∂x = 6 + 1 · (−2) = 4" in lines


def test_backward_twice_gives_the_same_gradients():
    x, y, z, q, f = _lecture()
    f.backward()
    first = [v.grad for v in (x, y, z)]
    f.backward()
    assert [v.grad for v in (x, y, z)] == first


# --- every operation against finite differences ----------------------------------------------
OPS = {
    "add": (2, lambda v: v[0] + v[1]),
    "radd": (1, lambda v: 2.5 + v[0]),
    "sub": (2, lambda v: v[0] - v[1]),
    "rsub": (1, lambda v: 1.0 - v[0]),
    "mul": (2, lambda v: v[0] * v[1]),
    "div": (2, lambda v: v[0] / v[1]),
    "rdiv": (1, lambda v: 3.0 / v[0]),
    "neg": (1, lambda v: -v[0]),
    "pow3": (1, lambda v: v[0] ** 3),
    "recip": (1, lambda v: v[0] ** -1),
    "exp": (1, lambda v: v[0].exp()),
    "log": (1, lambda v: (v[0] * v[0] + 0.5).log()),
    "tanh": (1, lambda v: v[0].tanh()),
    "sigmoid": (1, lambda v: v[0].sigmoid()),
    "relu": (1, lambda v: v[0].relu()),
    "max": (2, lambda v: v[0].max(v[1])),
    "square": (1, lambda v: v[0].square()),
    "sqerr": (2, lambda v: v[0].squared_error(v[1])),
}
finite = st.floats(-3.0, 3.0, allow_nan=False).filter(lambda t: abs(t) > 0.05)


@pytest.mark.parametrize("name", sorted(OPS))
@settings(max_examples=25, deadline=None)
@given(a=finite, b=finite)
def test_each_operation_matches_finite_differences(name, a, b):
    n, build = OPS[name]
    xs = [a, b][:n]
    if name == "max" and abs(a - b) < 1e-3:
        return  # the kink of max
    _check_fd(build, xs)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-2.0, 2.0, allow_nan=False), min_size=4, max_size=4))
def test_composite_expression_matches_finite_differences(xs):
    def build(v):
        a, b, c, d = v
        h = (a * b + c).tanh() * d - (a - c).sigmoid() / (1 + d.square())
        return h.square() + (b * 0.5).exp() * a + h

    _check_fd(build, xs, rtol=1e-4, atol=1e-6)


# --- structure, text and validation ----------------------------------------------------------
def test_topological_order_puts_children_first_and_visits_each_node_once():
    a, b = Value(1.0), Value(2.0)
    c = a * b
    d = c + a
    e = d * c
    order = topological_order(e)
    assert len(order) == len({id(v) for v in order}) == 5
    pos = {id(v): i for i, v in enumerate(order)}
    for v in order:
        for ch in v.children:
            assert pos[id(ch)] < pos[id(v)]
    assert order[-1] is e


def test_stages_skip_constants_and_data_and_sum_to_the_gradients():
    w = Value(0.5, "w")
    x = Value(2.0, "x", requires_grad=False)
    f = (w * x + 1).square()
    g = Graph(f)
    backward = [s for s in g.stages if s.kind == "backward"]
    into = {g.names[s.child] for s in backward}
    assert "x" not in into and "1" not in into and "w" in into
    total = sum(s.value for s in backward if g.names[s.child] == "w")
    assert total == pytest.approx(w.grad) == pytest.approx(2 * 2.0 * 2.0)
    assert g.stages[-1].lines == (f"∂{g.names[-1]}/∂w = {fmt(w.grad)}",)


def test_chain_line_writes_the_whole_product_for_a_deep_input():
    x = Value(2.0, "x", requires_grad=False)
    w1, w2 = Value(0.5, "w₁"), Value(1.5, "w₂")
    a = (w1 * x).named("z₁").sigmoid().named("a₁")
    y_hat = (w2 * a).named("ŷ")
    j = y_hat.squared_error(Value(0.5, "y", requires_grad=False)).named("J")
    g = Graph(j)
    lines = [ln for s in g.stages for ln in s.lines if ln.startswith("∂J/∂w₁ = ∂J/∂ŷ")]
    assert lines, "the chain rule for w₁ is written term by term"
    factors = lines[0].split(" = ")[2].split(" · ")
    product = math.prod(float(f.strip("()").replace("−", "-")) for f in factors)
    assert product == pytest.approx(w1.grad, rel=5e-3)


@pytest.mark.parametrize("bad", ["a", None, float("nan"), float("inf"), True, [1.0]])
def test_bad_values_are_rejected(bad):
    with pytest.raises(ValueError):
        Value(bad)


def test_invalid_operations_raise_clear_errors():
    with pytest.raises(ValueError, match="division by zero"):
        Value(1.0) / 0.0
    with pytest.raises(ValueError, match="positive"):
        Value(-1.0).log()
    with pytest.raises(ValueError, match="non-integer"):
        Value(-2.0) ** 0.5
    with pytest.raises(ValueError, match="unknown activation"):
        Value(1.0).activation("softsign")
    with pytest.raises(ValueError, match="output Value"):
        Graph(3.0)


@pytest.mark.parametrize("x, text", [(-4.0, "−4"), (3.0, "3"), (0.0024726, "0.00247"),
                                     (0.7310586, "0.731"), (-12.0, "−12"), (1e-6, "1e−6"),
                                     (-0.0, "0"), (0.1 + 0.2, "0.3"), (1234.5, "1234")])
def test_fmt_is_short_and_uses_a_true_minus(x, text):
    assert fmt(x) == text


def test_reprs_are_useful():
    *_, f = _lecture()
    assert "data=-12" in repr(f) and "'f'" in repr(f)
    assert "stages=9" in repr(Graph(f))


# --- networks -----------------------------------------------------------------------------------
def _numpy_two_layer(W1, b1, W2, b2, x, y):
    """Forward and backward of a sigmoid-sigmoid 2-layer net with J = Σ ½(ŷ − y)²."""
    s = lambda z: 1 / (1 + np.exp(-z))
    z1 = x @ W1 + b1
    h = s(z1)
    z2 = h @ W2 + b2
    o = s(z2)
    loss = 0.5 * np.sum((o - y) ** 2)
    d2 = (o - y) * o * (1 - o)
    d1 = (W2 @ d2) * h * (1 - h)
    return loss, np.outer(x, d1), d1, np.outer(h, d2), d2


def test_network_matches_a_numpy_reference():
    rng = np.random.default_rng(3)
    W1, b1 = rng.normal(size=(3, 2)), rng.normal(size=2)
    W2, b2 = rng.normal(size=(2, 2)), rng.normal(size=2)
    x, y = rng.normal(size=3), rng.uniform(size=2)
    g = network([W1, W2], [b1, b2], x, y)
    loss, dW1, db1, dW2, db2 = _numpy_two_layer(W1, b1, W2, b2, x, y)
    assert g.loss.data == pytest.approx(loss)
    np.testing.assert_allclose(g.weight_gradients()[0], dW1, rtol=1e-12)
    np.testing.assert_allclose(g.weight_gradients()[1], dW2, rtol=1e-12)
    np.testing.assert_allclose(g.bias_gradients()[0], db1, rtol=1e-12)
    np.testing.assert_allclose(g.bias_gradients()[1], db2, rtol=1e-12)
    np.testing.assert_allclose(g.deltas()[1], db2, rtol=1e-12)


def test_network_reproduces_mazurs_published_example():
    # M. Mazur, "A Step by Step Backpropagation Example" (2015)
    W1 = np.array([[0.15, 0.25], [0.20, 0.30]])
    W2 = np.array([[0.40, 0.50], [0.45, 0.55]])
    b1, b2 = np.array([0.35, 0.35]), np.array([0.60, 0.60])
    g = network([W1, W2], [b1, b2], [0.05, 0.10], [0.01, 0.99])
    assert g.post[0][0].data == pytest.approx(0.593269992, abs=1e-9)
    assert g.post[1][0].data == pytest.approx(0.75136507, abs=1e-8)
    assert g.loss.data == pytest.approx(0.298371109, abs=1e-9)
    dW1, dW2 = g.weight_gradients()
    assert dW2[0, 0] == pytest.approx(0.082167041, abs=1e-9)      # ∂E/∂w5
    assert dW1[0, 0] == pytest.approx(0.000438568, abs=1e-9)      # ∂E/∂w1
    assert W2[0, 0] - 0.5 * dW2[0, 0] == pytest.approx(0.35891648, abs=1e-8)
    assert W1[0, 0] - 0.5 * dW1[0, 0] == pytest.approx(0.149780716, abs=1e-9)
    assert [w.label for w in (g.weights[0][0][0], g.weights[0][1][0], g.weights[0][0][1],
                              g.weights[1][0][0])] == ["w₁", "w₂", "w₃", "w₅"]


@pytest.mark.parametrize("act, out", [("sigmoid", "sigmoid"), ("tanh", "linear"),
                                      ("relu", "tanh"), ("tanh", "sigmoid")])
def test_network_gradients_equal_core_mlp(act, out):
    from core.mlp import MLP

    rng = np.random.default_rng(7)
    sizes = [2, 2, 1] if act != "tanh" or out != "sigmoid" else [2, 2, 2]
    m = MLP(sizes, activation=act, output_activation=out, loss="mse", seed=1)
    W = [rng.uniform(-1, 1, size=w.shape) for w in m.weights]
    B = [rng.uniform(-1, 1, size=b.shape) for b in m.biases]
    for layer in range(len(W)):
        m.weights[layer][...] = W[layer]
        m.biases[layer][...] = B[layer]
    x, y = rng.uniform(-1, 1, size=sizes[0]), rng.uniform(0, 1, size=sizes[-1])
    dW, db = m.gradients(x[None, :], y[None, :])
    g = network(W, B, x, y, act, out)
    assert g.loss.data == pytest.approx(m.loss(x[None, :], y[None, :]), rel=1e-12)
    for a, b in zip(dW, g.weight_gradients()):
        np.testing.assert_allclose(b, a, rtol=1e-10, atol=1e-14)
    for a, b in zip(db, g.bias_gradients()):
        np.testing.assert_allclose(b, a, rtol=1e-10, atol=1e-14)


def test_network_rejects_shapes_that_do_not_chain():
    with pytest.raises(ValueError, match="do not chain"):
        network([np.ones((2, 2)), np.ones((3, 1))], [np.ones(2), np.ones(1)], [1, 2], [1])
    with pytest.raises(ValueError, match="targets"):
        network([np.ones((2, 1))], [np.ones(1)], [1, 2], [1, 2])
    with pytest.raises(ValueError, match="finite"):
        network([np.ones((2, 1))], [np.ones(1)], [1, np.nan], [1])
