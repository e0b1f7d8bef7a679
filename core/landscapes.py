"""Two-dimensional loss surfaces for the gradient-descent lesson, with analytic gradients.

Each ``Landscape`` has a formula, a plotting domain, its known global minima (x, y, f), a
conventional start and vectorised ``value(x, y)`` / ``gradient(x, y)`` that broadcast like
numpy (scalars in, numpy scalars out). Non-finite input (a diverged optimizer) gives
non-finite output without warnings, never an exception.

| name            | f(x, y)                                                  | global minima      |
|-----------------|----------------------------------------------------------|--------------------|
| bowl            | ½ (x² + y²)                                              | (0, 0), 0          |
| valley          | ½ (x² + 10 y²)  (condition number 10)                    | (0, 0), 0          |
| rosenbrock      | (1 − x)² + 100 (y − x²)²                                 | (1, 1), 0          |
| beale           | (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)² | (3, 0.5), 0        |
| himmelblau      | (x² + y − 11)² + (x + y² − 7)²                           | four, all 0        |
| saddle          | x² − y²                                                  | none (unbounded)   |
| six_hump_camel  | (4 − 2.1 x² + x⁴/3) x² + xy + (−4 + 4 y²) y²             | ±(0.0898, −0.7126) |
| rastrigin       | 20 + x² − 10 cos 2πx + y² − 10 cos 2πy                   | (0, 0), 0          |
| many_minima     | Styblinski–Tang: ½ Σ (t⁴ − 16 t² + 5 t) over t = x, y    | (a, a), see below  |

many_minima has four local minima, at (a or b, a or b) where a ≈ −2.903534 and b ≈ 2.746803
are the outer roots of 4t³ − 32t + 5 = 0 (the 1-D derivative); the global one is (a, a) with
f = a⁴ − 16a² + 5a ≈ −78.33233, the others are ≈ −64.19 (twice) and ≈ −50.06.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from core.expression import Expression, parse

_TWO_PI = 2.0 * math.pi

# --- the surfaces: value and analytic gradient (numpy broadcasting) ------------------------


def _bowl(x, y):
    return 0.5 * (x * x + y * y)


def _bowl_grad(x, y):
    return x, y


def _valley(x, y):
    return 0.5 * (x * x + 10.0 * y * y)


def _valley_grad(x, y):
    return x, 10.0 * y


def _rosenbrock(x, y):
    return (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2


def _rosenbrock_grad(x, y):
    r = y - x * x
    return -2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r


def _beale_terms(x, y):
    y2 = y * y
    y3 = y2 * y
    return (1.5 - x + x * y, 2.25 - x + x * y2, 2.625 - x + x * y3), (y, y2, y3)


def _beale(x, y):
    (t1, t2, t3), _ = _beale_terms(x, y)
    return t1 * t1 + t2 * t2 + t3 * t3


def _beale_grad(x, y):
    (t1, t2, t3), (y1, y2, y3) = _beale_terms(x, y)
    gx = 2.0 * (t1 * (y1 - 1.0) + t2 * (y2 - 1.0) + t3 * (y3 - 1.0))
    gy = 2.0 * x * (t1 + 2.0 * t2 * y1 + 3.0 * t3 * y2)
    return gx, gy


def _himmelblau(x, y):
    return (x * x + y - 11.0) ** 2 + (x + y * y - 7.0) ** 2


def _himmelblau_grad(x, y):
    a = x * x + y - 11.0
    b = x + y * y - 7.0
    return 4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b


def _saddle(x, y):
    return x * x - y * y


def _saddle_grad(x, y):
    return 2.0 * x, -2.0 * y


def _camel(x, y):
    x2 = x * x
    y2 = y * y
    return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2


def _camel_grad(x, y):
    x2 = x * x
    gx = 8.0 * x - 8.4 * x2 * x + 2.0 * x2 * x2 * x + y
    gy = x - 8.0 * y + 16.0 * y * y * y
    return gx, gy


def _rastrigin(x, y):
    return (20.0 + (x * x - 10.0 * np.cos(_TWO_PI * x))
            + (y * y - 10.0 * np.cos(_TWO_PI * y)))


def _rastrigin_grad(x, y):
    gx = 2.0 * x + 20.0 * math.pi * np.sin(_TWO_PI * x)
    gy = 2.0 * y + 20.0 * math.pi * np.sin(_TWO_PI * y)
    return gx, gy


def _styblinski_tang(x, y):
    x2 = x * x
    y2 = y * y
    return 0.5 * (x2 * x2 - 16.0 * x2 + 5.0 * x + y2 * y2 - 16.0 * y2 + 5.0 * y)


def _styblinski_tang_grad(x, y):
    gx = 2.0 * x * x * x - 16.0 * x + 2.5
    gy = 2.0 * y * y * y - 16.0 * y + 2.5
    return gx, gy


def _cubic_roots() -> tuple[float, float]:
    """The outer real roots a < b of 4t³ − 32t + 5 = 0 (trigonometric formula, Newton-polished)."""
    # t³ + p t + q = 0 with p = −8, q = 1.25: t_k = 2 sqrt(−p/3) cos(φ/3 − 2πk/3)
    p, q = -8.0, 1.25
    m = 2.0 * math.sqrt(-p / 3.0)
    phi = math.acos(3.0 * q / (p * m))
    roots = []
    for k in range(3):
        t = m * math.cos(phi / 3.0 - _TWO_PI * k / 3.0)
        for _ in range(3):
            t -= (4.0 * t**3 - 32.0 * t + 5.0) / (12.0 * t * t - 32.0)
        roots.append(t)
    roots.sort()
    return roots[0], roots[2]


_ST_A, _ST_B = _cubic_roots()

# --- the record ----------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class Landscape:
    """A 2-D test function: f(x, y), its gradient, a domain, known minima and a start.

    ``domain`` is ((xmin, xmax), (ymin, ymax)); ``minima`` the global minima as (x, y, f);
    ``log_scale`` says whether contours read best on log(f − fmin + 1).
    """

    name: str
    label: str
    formula: str
    domain: tuple[tuple[float, float], tuple[float, float]]
    minima: tuple[tuple[float, float, float], ...]
    start: tuple[float, float]
    log_scale: bool
    _value: Callable = field(compare=False)
    _gradient: Callable = field(compare=False)

    @property
    def fmin(self) -> float | None:
        """The global minimum value, or None for a surface without one (the saddle)."""
        return min(m[2] for m in self.minima) if self.minima else None

    def value(self, x, y):
        """f(x, y) for scalars or arrays (numpy broadcasting)."""
        x, y = _as_float(x, y)
        with np.errstate(all="ignore"):
            return self._value(x, y)

    def gradient(self, x, y):
        """(∂f/∂x, ∂f/∂y), analytic, with the broadcast shape of x and y."""
        x, y = _as_float(x, y)
        with np.errstate(all="ignore"):
            gx, gy = self._gradient(x, y)
        shape = np.broadcast_shapes(x.shape, y.shape)
        if shape == ():
            return np.float64(gx), np.float64(gy)
        return np.broadcast_to(gx, shape).copy(), np.broadcast_to(gy, shape).copy()

    def grid(self, n: int = 200) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(xs (n,), ys (n,), Z (n, n)) over the domain with Z[i, j] = f(xs[j], ys[i])."""
        if isinstance(n, bool) or not isinstance(n, int | np.integer) or not 2 <= n <= 4096:
            raise ValueError(f"grid size must be an integer in [2, 4096], got {n!r}")
        (x0, x1), (y0, y1) = self.domain
        xs = np.linspace(x0, x1, int(n))
        ys = np.linspace(y0, y1, int(n))
        with np.errstate(all="ignore"):
            Z = self._value(xs[None, :], ys[:, None])
        return xs, ys, np.ascontiguousarray(Z, dtype=np.float64)

    def __repr__(self) -> str:
        minima = ", ".join(f"({x:.4g}, {y:.4g})" for x, y, _ in self.minima) or "none"
        return (f"Landscape({self.name!r}, domain={self.domain}, start={self.start}, "
                f"minima=[{minima}])")


def _as_float(x, y):
    try:
        return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"x and y must be numbers or numeric arrays, got {x!r}, {y!r}") from exc


def _make(name, label, formula, domain, minima, start, log_scale, value, gradient):
    return Landscape(name, label, formula, domain, tuple(minima), start, log_scale, value,
                     gradient)


_CAMEL_MIN = (0.08984201310031807, -0.7126564030207396, -1.0316284534898776)
_ST_FMIN = float(_styblinski_tang(_ST_A, _ST_A))

#: name -> Landscape, in the order a menu should list them (easy to hard).
LANDSCAPES: dict[str, Landscape] = {ls.name: ls for ls in (
    _make("bowl", "Convex bowl", "f(x, y) = ½ (x² + y²)",
          ((-5.0, 5.0), (-5.0, 5.0)), [(0.0, 0.0, 0.0)], (-4.0, 3.0), False,
          _bowl, _bowl_grad),
    _make("valley", "Ill-conditioned valley", "f(x, y) = ½ (x² + 10 y²)",
          ((-5.0, 5.0), (-5.0, 5.0)), [(0.0, 0.0, 0.0)], (-4.5, 2.0), False,
          _valley, _valley_grad),
    _make("rosenbrock", "Rosenbrock", "f(x, y) = (1 − x)² + 100 (y − x²)²",
          ((-2.0, 2.0), (-1.0, 3.0)), [(1.0, 1.0, 0.0)], (-1.5, 2.0), True,
          _rosenbrock, _rosenbrock_grad),
    _make("beale", "Beale",
          "f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
          ((-4.5, 4.5), (-4.5, 4.5)), [(3.0, 0.5, 0.0)], (2.0, 1.7), True,
          _beale, _beale_grad),
    _make("himmelblau", "Himmelblau", "f(x, y) = (x² + y − 11)² + (x + y² − 7)²",
          ((-5.0, 5.0), (-5.0, 5.0)),
          [(3.0, 2.0, 0.0), (-2.805118086952745, 3.131312518250573, 0.0),
           (-3.779310253377747, -3.283185991286169, 0.0),
           (3.5844283403304917, -1.8481265269644034, 0.0)],
          (0.0, 0.0), True, _himmelblau, _himmelblau_grad),
    _make("saddle", "Saddle point", "f(x, y) = x² − y²",
          ((-2.0, 2.0), (-2.0, 2.0)), [], (-1.8, 0.01), False,
          _saddle, _saddle_grad),
    _make("six_hump_camel", "Six-hump camel",
          "f(x, y) = (4 − 2.1 x² + x⁴/3) x² + xy + (−4 + 4 y²) y²",
          ((-3.0, 3.0), (-2.0, 2.0)),
          [_CAMEL_MIN, (-_CAMEL_MIN[0], -_CAMEL_MIN[1], _CAMEL_MIN[2])],
          (1.3, -1.5), True, _camel, _camel_grad),
    _make("rastrigin", "Rastrigin", "f(x, y) = 20 + x² − 10 cos 2πx + y² − 10 cos 2πy",
          ((-5.12, 5.12), (-5.12, 5.12)), [(0.0, 0.0, 0.0)], (-2.0, 3.5), False,
          _rastrigin, _rastrigin_grad),
    _make("many_minima", "Four minima (Styblinski–Tang)",
          "f(x, y) = ½ (x⁴ − 16 x² + 5 x + y⁴ − 16 y² + 5 y)",
          ((-5.0, 5.0), (-5.0, 5.0)), [(_ST_A, _ST_A, _ST_FMIN)], (0.5, 4.0), True,
          _styblinski_tang, _styblinski_tang_grad),
)}

#: every local minimum of many_minima as (x, y, f), deepest first (for markers and tests).
MANY_MINIMA_LOCAL = tuple(sorted(
    ((a, b, float(_styblinski_tang(a, b))) for a in (_ST_A, _ST_B) for b in (_ST_A, _ST_B)),
    key=lambda m: m[2]))


def get(name: str) -> Landscape:
    """The landscape called ``name`` (ValueError listing the known names otherwise)."""
    try:
        return LANDSCAPES[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown landscape {name!r}: choose one of "
                         f"{', '.join(LANDSCAPES)}") from None


def custom(expression: str | Expression, domain=((-5.0, 5.0), (-5.0, 5.0)),
           start=None) -> Landscape:
    """A Landscape named "custom" for a typed function (see ``core.expression``).

    Raises ``core.expression.ExpressionError`` (a ValueError with ``.position``) for bad
    text and ValueError for a bad domain or a start outside it. No known minima; the
    default start is a quarter of the way in from the top-left corner.
    """
    expr = expression if isinstance(expression, Expression) else parse(expression)
    try:
        (x0, x1), (y0, y1) = ((float(a), float(b)) for a, b in domain)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"domain must be ((xmin, xmax), (ymin, ymax)), got {domain!r}") from exc
    if not all(map(math.isfinite, (x0, x1, y0, y1))) or not (x0 < x1 and y0 < y1):
        raise ValueError(f"domain needs finite xmin < xmax and ymin < ymax, got {domain!r}")
    if start is None:
        start = (x0 + 0.25 * (x1 - x0), y0 + 0.75 * (y1 - y0))
    sx, sy = (float(v) for v in start)
    if not (x0 <= sx <= x1 and y0 <= sy <= y1):
        raise ValueError(f"start {start!r} lies outside the domain {domain!r}")
    return _make("custom", "Custom function", f"f(x, y) = {expr.text.strip()}",
                 ((x0, x1), (y0, y1)), [], (sx, sy), False, expr.value, expr.gradient)
