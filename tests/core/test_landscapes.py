"""core.landscapes against independent formulas, finite differences and published minima."""
import math
import warnings

import numpy as np
import pytest

from core import landscapes
from core.expression import ExpressionError
from core.landscapes import LANDSCAPES, MANY_MINIMA_LOCAL, custom, get

# Independent scalar formulas, written from the textbook definitions with the math module.
ORACLE = {
    "bowl": lambda x, y: 0.5 * (x**2 + y**2),
    "valley": lambda x, y: 0.5 * (x**2 + 10 * y**2),
    "rosenbrock": lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
    "beale": lambda x, y: ((1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2
                           + (2.625 - x + x * y**3) ** 2),
    "himmelblau": lambda x, y: (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2,
    "saddle": lambda x, y: x**2 - y**2,
    "six_hump_camel": lambda x, y: ((4 - 2.1 * x**2 + x**4 / 3) * x**2 + x * y
                                    + (-4 + 4 * y**2) * y**2),
    "rastrigin": lambda x, y: (20 + x**2 - 10 * math.cos(2 * math.pi * x)
                               + y**2 - 10 * math.cos(2 * math.pi * y)),
    "many_minima": lambda x, y: 0.5 * sum(t**4 - 16 * t**2 + 5 * t for t in (x, y)),
}

# Published minima (shared/REFERENCES.md; Styblinski-Tang: x* = -2.903534 per coordinate),
# with the number of decimals they are published to.
PUBLISHED = {
    "bowl": ([(0, 0, 0)], 12),
    "valley": ([(0, 0, 0)], 12),
    "rosenbrock": ([(1, 1, 0)], 12),
    "beale": ([(3, 0.5, 0)], 12),
    "himmelblau": ([(3, 2, 0), (-2.805118, 3.131312, 0), (-3.779310, -3.283186, 0),
                    (3.584428, -1.848126, 0)], 6),
    "rastrigin": ([(0, 0, 0)], 12),
    "six_hump_camel": ([(0.0898, -0.7126, -1.0316), (-0.0898, 0.7126, -1.0316)], 4),
    "many_minima": ([(-2.903534, -2.903534, None)], 6),
    "saddle": ([], 0),
}

NAMES = list(LANDSCAPES)


def _points(ls, n, seed):
    rng = np.random.default_rng(seed)
    (x0, x1), (y0, y1) = ls.domain
    return rng.uniform(x0, x1, n), rng.uniform(y0, y1, n)


def test_registry_has_the_nine_surfaces():
    assert NAMES == ["bowl", "valley", "rosenbrock", "beale", "himmelblau", "saddle",
                     "six_hump_camel", "rastrigin", "many_minima"]
    for name, ls in LANDSCAPES.items():
        assert ls.name == name and ls.label and ls.formula.startswith("f(x, y) =")
        assert get(name) is ls
        assert name in repr(ls)


@pytest.mark.parametrize("name", NAMES)
def test_value_matches_the_textbook_formula(name):
    ls = get(name)
    xs, ys = _points(ls, 50, 1)
    expected = np.array([ORACLE[name](x, y) for x, y in zip(xs, ys)])
    np.testing.assert_allclose(ls.value(xs, ys), expected, rtol=1e-12, atol=1e-12)
    assert ls.value(float(xs[0]), float(ys[0])) == pytest.approx(expected[0], rel=1e-12)


@pytest.mark.parametrize("name", NAMES)
def test_gradient_matches_central_differences(name):
    ls = get(name)
    xs, ys = _points(ls, 50, 2)
    gx, gy = ls.gradient(xs, ys)
    f = lambda x, y: ORACLE[name](x, y)
    for i, (x, y) in enumerate(zip(xs, ys)):
        h = 1e-5
        fdx = (f(x + h, y) - f(x - h, y)) / (2 * h)
        fdy = (f(x, y + h) - f(x, y - h)) / (2 * h)
        scale = 1.0 + abs(f(x, y))
        assert gx[i] == pytest.approx(fdx, rel=1e-6, abs=1e-7 * scale), (x, y)
        assert gy[i] == pytest.approx(fdy, rel=1e-6, abs=1e-7 * scale), (x, y)


def _hessian(ls, x, y, h=1e-5):
    gxp, gyp = ls.gradient(x + h, y)
    gxm, gym = ls.gradient(x - h, y)
    hxp, hyp = ls.gradient(x, y + h)
    hxm, hym = ls.gradient(x, y - h)
    H = np.array([[gxp - gxm, gyp - gym], [hxp - hxm, hyp - hym]]) / (2 * h)
    return 0.5 * (H + H.T)


@pytest.mark.parametrize("name", NAMES)
def test_minima_are_the_published_ones(name):
    ls = get(name)
    published, decimals = PUBLISHED[name]
    assert len(ls.minima) == len(published)
    unit = 10.0**-decimals  # published digits are sometimes truncated, not rounded
    for (x, y, f), (px, py, pf) in zip(ls.minima, published):
        assert abs(x - px) <= unit and abs(y - py) <= unit
        if pf is not None:
            assert abs(f - pf) <= unit
        # the stored f is the function's value, the gradient vanishes, the Hessian is PD
        assert f == pytest.approx(ORACLE[name](x, y), abs=1e-12)
        gx, gy = ls.gradient(x, y)
        assert math.hypot(gx, gy) < 1e-8
        assert np.all(np.linalg.eigvalsh(_hessian(ls, x, y)) > 0)
        (x0, x1), (y0, y1) = ls.domain
        assert x0 <= x <= x1 and y0 <= y <= y1


@pytest.mark.parametrize("name", [n for n in NAMES if n != "saddle"])
def test_listed_minima_are_global_on_a_fine_grid(name):
    ls = get(name)
    _, _, Z = ls.grid(401)
    assert Z.min() >= ls.fmin - 1e-9
    assert ls.fmin == min(m[2] for m in ls.minima)


def test_saddle_has_a_critical_point_that_is_not_a_minimum():
    ls = get("saddle")
    assert ls.minima == () and ls.fmin is None
    assert ls.gradient(0.0, 0.0) == (0.0, 0.0)
    eig = np.linalg.eigvalsh(_hessian(ls, 0.0, 0.0))
    assert eig[0] < 0 < eig[1]
    x, y = ls.start
    assert x != 0 and 0 < abs(y) < 0.1  # just off the y = 0 line


def test_many_minima_has_four_minima_and_one_global():
    # oracle: the stationary coordinates are the roots of 4t^3 - 32t + 5 (numpy's eigen solver)
    roots = np.sort(np.roots([4.0, 0.0, -32.0, 5.0]).real)
    a, b = roots[0], roots[2]
    expected = sorted((ORACLE["many_minima"](p, q), p, q) for p in (a, b) for q in (a, b))
    assert len(MANY_MINIMA_LOCAL) == 4
    for (x, y, f), (ef, ex, ey) in zip(MANY_MINIMA_LOCAL, expected):
        assert (x, y, f) == pytest.approx((ex, ey, ef), abs=1e-9)
    values = [m[2] for m in MANY_MINIMA_LOCAL]
    assert values[0] < values[1] < values[3] and values[1] == pytest.approx(values[2])
    assert get("many_minima").minima[0] == pytest.approx(MANY_MINIMA_LOCAL[0])


@pytest.mark.parametrize("name", NAMES)
def test_grid_equals_pointwise_values(name):
    ls = get(name)
    xs, ys, Z = ls.grid(37)
    (x0, x1), (y0, y1) = ls.domain
    assert Z.shape == (37, 37) and Z.dtype == np.float64 and Z.flags.c_contiguous
    assert (xs[0], xs[-1], ys[0], ys[-1]) == (x0, x1, y0, y1)
    for i in range(0, 37, 4):
        for j in range(0, 37, 3):
            assert Z[i, j] == pytest.approx(ORACLE[name](xs[j], ys[i]), rel=1e-12, abs=1e-12)
            assert Z[i, j] == pytest.approx(ls.value(xs[j], ys[i]), rel=1e-13, abs=1e-13)


@pytest.mark.parametrize("name", NAMES)
def test_start_is_inside_the_domain_and_not_a_minimum(name):
    ls = get(name)
    (x0, x1), (y0, y1) = ls.domain
    x, y = ls.start
    assert x0 <= x <= x1 and y0 <= y <= y1
    assert math.hypot(*ls.gradient(x, y)) > 1e-3


def test_broadcasting_shapes():
    ls = get("rosenbrock")
    gx, gy = ls.gradient(np.zeros((3, 1)), np.ones(4))
    assert gx.shape == gy.shape == (3, 4)
    gx, gy = get("bowl").gradient(np.arange(3.0), 2.0)
    assert gy.tolist() == [2.0, 2.0, 2.0]
    assert np.ndim(ls.value(0.5, 0.5)) == 0


def test_non_finite_input_gives_non_finite_output_silently():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for ls in LANDSCAPES.values():
            assert not np.isfinite(ls.value(np.nan, 1.0))
            gx, gy = ls.gradient(np.array([np.inf, 1e300]), np.array([1.0, 1e300]))
            assert not np.all(np.isfinite(gx) & np.isfinite(gy))


@pytest.mark.parametrize("call", [
    lambda: get("nope"),
    lambda: get(None),
    lambda: get("bowl").grid(1),
    lambda: get("bowl").grid(2.5),
    lambda: get("bowl").grid(True),
    lambda: get("bowl").value("a", 1.0),
])
def test_bad_input_raises_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(ValueError, match="rosenbrock"):
        landscapes.get("rosenbrok")


def test_custom_landscape_from_typed_text():
    ls = custom("(1 - x)^2 + 100*(y - x^2)^2", domain=((-2, 2), (-1, 3)), start=(-1.5, 2))
    ref = get("rosenbrock")
    assert ls.name == "custom" and ls.minima == () and ls.fmin is None
    assert ls.formula == "f(x, y) = (1 - x)^2 + 100*(y - x^2)^2"
    xs, ys, Z = ls.grid(50)
    np.testing.assert_allclose(Z, ref.grid(50)[2], rtol=1e-12)
    np.testing.assert_allclose(ls.gradient(-1.5, 2.0), ref.gradient(-1.5, 2.0), rtol=1e-12)
    assert custom("x^2 + y^2").start == (-2.5, 2.5)


@pytest.mark.parametrize("call", [
    lambda: custom("x +", ((-1, 1), (-1, 1))),
    lambda: custom("x", ((1, -1), (-1, 1))),
    lambda: custom("x", ((0, float("nan")), (-1, 1))),
    lambda: custom("x", "nonsense"),
    lambda: custom("x", ((-1, 1), (-1, 1)), start=(5, 0)),
])
def test_custom_landscape_bad_input(call):
    with pytest.raises(ValueError):
        call()
    with pytest.raises(ExpressionError):
        custom("x y")
