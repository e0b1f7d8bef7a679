"""core.expression: syntax vs numpy, exact gradients vs finite differences, and refusals."""
import math
import re
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import expression
from core.expression import MAX_DEPTH, MAX_LENGTH, Expression, ExpressionError, parse
from core.landscapes import get as get_landscape

RNG = np.random.default_rng(11)
X = RNG.uniform(0.2, 2.0, 40)  # positive, so log/sqrt/x^y are defined
Y = RNG.uniform(0.3, 1.5, 40)

# (text, the same function written directly with numpy)
ACCEPTED = [
    ("x + y", lambda x, y: x + y),
    ("x - y", lambda x, y: x - y),
    ("x * y", lambda x, y: x * y),
    ("x / y", lambda x, y: x / y),
    ("x ^ 2", lambda x, y: x**2),
    ("x**3", lambda x, y: x**3),
    ("2^3^2", lambda x, y: 2.0 ** 9 + 0 * x),
    ("-x^2", lambda x, y: -(x**2)),
    ("-x - -y", lambda x, y: -x + y),
    ("+x", lambda x, y: x),
    ("2^-x", lambda x, y: 2.0 ** (-x)),
    ("(x + y) * 2", lambda x, y: (x + y) * 2),
    ("((x))", lambda x, y: x),
    ("x - y - 1", lambda x, y: (x - y) - 1),
    ("x / y / 2", lambda x, y: (x / y) / 2),
    ("2*-x", lambda x, y: -2 * x),
    ("sin(x)", lambda x, y: np.sin(x)),
    ("cos(y)", lambda x, y: np.cos(y)),
    ("tan(x/4)", lambda x, y: np.tan(x / 4)),
    ("exp(x)", lambda x, y: np.exp(x)),
    ("log(x)", lambda x, y: np.log(x)),
    ("ln(y)", lambda x, y: np.log(y)),
    ("sqrt(y)", lambda x, y: np.sqrt(y)),
    ("abs(x - 1)", lambda x, y: np.abs(x - 1)),
    ("tanh(x*y)", lambda x, y: np.tanh(x * y)),
    ("pi", lambda x, y: np.pi + 0 * x),
    ("e", lambda x, y: np.e + 0 * x),
    ("e^x", lambda x, y: np.exp(x)),
    ("2*pi*x", lambda x, y: 2 * np.pi * x),
    ("1.5e-1 + .5 + 2. + 3E2", lambda x, y: 0.15 + 0.5 + 2.0 + 300.0 + 0 * x),
    ("SIN(X) + Y", lambda x, y: np.sin(x) + y),
    ("3 − x × y ÷ 2 · x", lambda x, y: 3 - x * y / 2 * x),
    ("x² + y³", lambda x, y: x**2 + y**3),
    ("  x\t+ y  ", lambda x, y: x + y),
    ("x^y", lambda x, y: x**y),
    ("sqrt(x^2 + y^2) * exp(-x) / (1 + abs(sin(3*y)))",
     lambda x, y: np.sqrt(x**2 + y**2) * np.exp(-x) / (1 + np.abs(np.sin(3 * y)))),
]


@pytest.mark.parametrize("text, reference", ACCEPTED, ids=[t for t, _ in ACCEPTED])
def test_accepts_the_listed_syntax_and_matches_numpy(text, reference):
    expr = parse(text)
    assert isinstance(expr, Expression) and expr.text == text
    np.testing.assert_allclose(expr.value(X, Y), reference(X, Y), rtol=1e-13)
    assert float(expr.value(0.7, 1.1)) == pytest.approx(float(reference(0.7, 1.1)), rel=1e-13)
    # the canonical text parses back to the same function
    np.testing.assert_allclose(parse(str(expr)).value(X, Y), reference(X, Y), rtol=1e-12)


def _central_differences(f, x, y, h=1e-6):
    return ((f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h))


SMOOTH = [
    "x^2 + 3*x*y - y^3",
    "sin(x)*cos(y)",
    "exp(-(x^2 + y^2))",
    "log(1 + x^2 + y^2)",
    "sqrt(x^2 + y^2 + 1)",
    "x/y + y/x",
    "tanh(x*y) - tanh(x)/2",
    "abs(x - 5) + abs(y + 5)",
    "x^y",
    "2^x * 3^y",
    "pi^(x*y)",
    "tan(x/4) + e^(-y)",
    "(x - 1)^2 + 100*(y - x^2)^2",
    "x^-2 + y^(1/2)",
    "sin(cos(exp(x/3)))*y^3",
    "x²*y³/(1 + x²)",
    "-(x - y)^3",
    "sqrt(x)*log(y)",
]


@pytest.mark.parametrize("text", SMOOTH)
def test_gradient_matches_central_differences(text):
    expr = parse(text)
    f = lambda x, y: expr.value(x, y)
    gx, gy = expr.gradient(X, Y)
    fdx, fdy = _central_differences(f, X, Y)
    scale = 1.0 + np.abs(f(X, Y))
    np.testing.assert_allclose(gx, fdx, rtol=1e-6, atol=1e-7 * scale.max())
    np.testing.assert_allclose(gy, fdy, rtol=1e-6, atol=1e-7 * scale.max())
    # the derivative texts are parseable and evaluate to the same gradient
    tx, ty = expr.gradient_text
    np.testing.assert_allclose(parse(tx).value(X, Y), gx, rtol=1e-9)
    np.testing.assert_allclose(parse(ty).value(X, Y), gy, rtol=1e-9)


@pytest.mark.parametrize("name, text", [
    ("rosenbrock", "(1 - x)^2 + 100*(y - x^2)^2"),
    ("himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"),
    ("beale", "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2"),
    ("six_hump_camel", "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2"),
    ("rastrigin", "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)"),
])
def test_typed_landscapes_agree_with_the_hand_written_gradients(name, text):
    ls = get_landscape(name)
    (x0, x1), (y0, y1) = ls.domain
    xs, ys = RNG.uniform(x0, x1, 30), RNG.uniform(y0, y1, 30)
    expr = parse(text)
    np.testing.assert_allclose(expr.value(xs, ys), ls.value(xs, ys), rtol=1e-12, atol=1e-9)
    for mine, theirs in zip(expr.gradient(xs, ys), ls.gradient(xs, ys)):
        np.testing.assert_allclose(mine, theirs, rtol=1e-10, atol=1e-8)


def test_simple_derivative_texts():
    assert parse("x^2 + y^2").gradient_text == ("2*x", "2*y")
    assert parse("x^3*y").gradient_text == ("3*x^2*y", "x^3")
    assert parse("sin(x)").gradient_text == ("cos(x)", "0")
    assert parse("7").gradient_text == ("0", "0")


REJECTED = [
    ("__import__('os')", 0, "unknown name"),
    ("x.real", 1, "'.'"),
    ("(x).__class__", 3, "'.'"),
    ("lambda x: x", 0, "unknown name"),
    ("'abc'", 0, "quotes"),
    ('"x"', 0, "quotes"),
    ("foo(x)", 0, "unknown name"),
    ("os.system('ls')", 0, "unknown name"),
    ("x y", 2, "missing operator"),
    ("2x", 1, "missing operator"),
    ("xy", 0, "x*y"),
    ("2**", 3, "incomplete"),
    ("x +", 3, "incomplete"),
    ("(x + 1", 0, "never closed"),
    ("sin(x", 3, "never closed"),
    ("x + 1)", 5, "no matching"),
    ("()", 1, "missing"),
    ("*x", 0, "needs a value"),
    ("x ^ * 2", 4, "needs a value"),
    ("sin x", 4, "parentheses"),
    ("sin(x, y)", 5, "','"),
    ("x = 1", 2, "right-hand side"),
    ("[x]", 0, "( and )"),
    ("x @ y", 2, "unexpected character"),
    ("1e999", 0, "too large"),
    ("", 0, "type a function"),
    ("   ", 0, "type a function"),
    ("x" + "+x" * 100, MAX_LENGTH, "too long"),
    ("(" * (MAX_DEPTH + 5) + "x" + ")" * (MAX_DEPTH + 5), MAX_DEPTH, "nested"),
    ("-" * (MAX_DEPTH + 5) + "x", MAX_DEPTH, "nested"),
]


@pytest.mark.parametrize("text, position, words", REJECTED, ids=[t[:20] for t, _, _ in REJECTED])
def test_rejects_with_message_and_position(text, position, words):
    with pytest.raises(ExpressionError) as info:
        parse(text)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.position == position, err.message
    assert words in err.message and str(err) == err.message


def test_nesting_up_to_the_limit_is_accepted():
    depth = MAX_DEPTH - 1  # the top level counts as one
    assert parse("(" * depth + "x" + ")" * depth).value(2.0, 0.0) == 2.0
    assert parse("-" * depth + "x").value(2.0, 0.0) == (-2.0 if depth % 2 else 2.0)


def test_non_text_is_rejected():
    with pytest.raises(ExpressionError):
        parse(None)
    with pytest.raises(ValueError):
        parse("x").value("a", 1.0)


def test_undefined_points_give_nan_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert math.isnan(parse("log(x)").value(-1.0, 0.0))
        assert math.isnan(parse("sqrt(y)").value(0.0, -4.0))
        assert math.isnan(parse("x/y").value(0.0, 0.0))
        assert parse("1/x").value(0.0, 0.0) == math.inf
        v = parse("sqrt(x) + y").value(np.array([-1.0, 4.0]), 1.0)
        assert math.isnan(v[0]) and v[1] == 3.0
        f, gx, gy = parse("sqrt(x) + y").value_and_gradient(np.array([-1.0, 4.0]), 1.0)
        assert np.isnan(gx[0]) and np.isnan(gy[0])  # undefined function -> undefined gradient
        assert gx[1] == 0.25 and gy[1] == 1.0
        assert all(math.isnan(g) for g in parse("log(x) + y").gradient(-2.0, 1.0))
        gx, gy = parse("log(x) + y").gradient(np.array([-2.0, 2.0]), 1.0)
        assert np.isnan(gx[0]) and np.isnan(gy[0]) and (gx[1], gy[1]) == (0.5, 1.0)


def test_broadcasting_and_constants():
    expr = parse("3")
    assert expr.value(np.zeros((4, 5)), 1.0).shape == (4, 5)
    gx, gy = expr.gradient(np.zeros(3), np.zeros(3))
    assert gx.tolist() == [0.0, 0.0, 0.0] and gy.tolist() == [0.0, 0.0, 0.0]
    xs, ys = np.meshgrid(np.linspace(-1, 1, 5), np.linspace(-2, 2, 7))
    v = parse("x*y").value(xs[0][None, :], ys[:, 0][:, None])
    np.testing.assert_array_equal(v, xs * ys)
    assert np.ndim(parse("x").value(1.0, 2.0)) == 0 and repr(parse("x")) == "Expression('x')"


def test_source_uses_no_eval_exec_compile_or_ast():
    from core import _symbolic

    source = "".join(Path(m.__file__).read_text(encoding="utf-8")
                     for m in (expression, _symbolic))
    code = re.sub(r'""".*?"""', "", source, flags=re.S)  # ignore docstrings
    for banned in (r"(?<![.\w])eval\s*\(", r"(?<![.\w])exec\s*\(", r"(?<![.\w])compile\s*\(",
                   r"literal_eval", r"__import__", r"import\s+ast", r"getattr\s*\("):
        assert not re.search(banned, code), banned


# --- properties: random expressions built together with their numpy oracle ----------------

_LEAVES = st.sampled_from([
    ("x", lambda x, y: x), ("y", lambda x, y: y), ("2", lambda x, y: 2.0 + 0 * x),
    ("0.5", lambda x, y: 0.5 + 0 * x), ("pi", lambda x, y: np.pi + 0 * x),
])
_UNARY = [("sin", np.sin), ("cos", np.cos), ("tanh", np.tanh)]


def _extend(children):
    binary = st.tuples(st.sampled_from(["+", "-", "*"]), children, children).map(
        lambda t: (f"({t[1][0]}) {t[0]} ({t[2][0]})",
                   {"+": lambda a, b: lambda x, y: a(x, y) + b(x, y),
                    "-": lambda a, b: lambda x, y: a(x, y) - b(x, y),
                    "*": lambda a, b: lambda x, y: a(x, y) * b(x, y)}[t[0]](t[1][1], t[2][1])))
    unary = st.tuples(st.sampled_from(_UNARY), children).map(
        lambda t: (f"{t[0][0]}({t[1][0]})", (lambda g, a: lambda x, y: g(a(x, y)))(t[0][1],
                                                                                 t[1][1])))
    square = children.map(lambda c: (f"-({c[0]})^2", (lambda a: lambda x, y: -a(x, y) ** 2)(c[1])))
    return st.one_of(binary, unary, square)


_EXPRESSIONS = st.recursive(_LEAVES, _extend, max_leaves=8)


@settings(max_examples=50, deadline=None)
@given(_EXPRESSIONS)
def test_random_expressions_value_and_gradient(pair):
    text, oracle = pair
    if len(text) > MAX_LENGTH:
        return
    expr = parse(text)
    xs, ys = np.linspace(-1.0, 1.0, 7), np.linspace(0.9, -0.8, 7)
    np.testing.assert_allclose(expr.value(xs, ys), oracle(xs, ys), rtol=1e-12, atol=1e-12)
    gx, gy = expr.gradient(xs, ys)
    fdx, fdy = _central_differences(oracle, xs, ys)
    np.testing.assert_allclose(gx, fdx, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(gy, fdy, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(parse(str(expr)).value(xs, ys), oracle(xs, ys), rtol=1e-12,
                               atol=1e-12)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="xyXY0123456789.eE+-*/^() sincotaxplgqrbhπ,'_²:", max_size=40))
def test_any_text_parses_or_raises_expression_error(text):
    try:
        expr = parse(text)
    except ExpressionError as err:
        assert 0 <= err.position <= len(text)
        return
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        expr.value_and_gradient(np.array([0.0, -1.0, 2.5]), np.array([0.0, 3.0, -0.5]))
