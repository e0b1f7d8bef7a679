"""The loss surfaces the descent tab can show, behind one small interface (no Qt here).

A ``Surface`` wraps one of three sources:

* a test function from ``core.landscapes`` (key = its name, e.g. ``"rosenbrock"``);
* the real loss of a two-parameter model from ``core.minibatch`` (key ``"data:line_fit"`` or
  ``"data:sigmoid_neuron"``), whose gradient can come from a batch of k samples;
* a teacher's expression in x and y parsed by ``core.expression`` (key ``"custom"``).

Everything the tab draws or steps with goes through ``value``, ``gradient`` and
``batch_gradient``; the maths itself lives in core.
"""
from __future__ import annotations

import html

import numpy as np

import core.landscapes as landscapes
import core.minibatch as minibatch

CUSTOM = "custom"
DATA_PREFIX = "data:"
#: grid resolution of the contour map (the issue's 200 x 200).
GRID_N = 200
#: the map's surroundings: the domain grown by SURROUND x its extent on every side, on a
#: coarser grid (the map's view box is aspect-locked, so a tall or wide plot shows some).
SURROUND = 1.0
SURROUND_N = 150


def landscape_names() -> list[str]:
    return list(landscapes.LANDSCAPES)


def surface_keys() -> list[str]:
    """Every surface key, in menu order: landscapes, the two data models, custom."""
    return (landscape_names() + [DATA_PREFIX + n for n in minibatch.PROBLEM_NAMES] + [CUSTOM])


class Surface:
    """A differentiable f(x, y) over a rectangular domain, with optional batch gradients.

    ``domain`` = ((xmin, xmax), (ymin, ymax)); ``minima`` = [(x, y, f)] (known minima, may be
    empty); ``f_ref`` = the value the loss plot measures from (the lowest known minimum, else
    the lowest grid value).
    """

    def __init__(self, key: str, source, domain, start, minima, log_scale: bool,
                 formula: str, n_samples: int = 0, expression: str = "") -> None:
        self.key = key
        self.source = source
        self.domain = (tuple(map(float, domain[0])), tuple(map(float, domain[1])))
        self.start = (float(start[0]), float(start[1]))
        self.minima = [tuple(map(float, m)) for m in minima]
        self.log_scale = bool(log_scale)
        self.formula = formula
        self.n_samples = int(n_samples)
        self.expression = expression
        self._grid: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._surroundings: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    # --- kinds -------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        if self.key == CUSTOM:
            return "custom"
        return "data" if self.key.startswith(DATA_PREFIX) else "landscape"

    @property
    def is_data(self) -> bool:
        return self.kind == "data"

    # --- maths -------------------------------------------------------------------------
    def value(self, x, y):
        return self.source.value(x, y)

    def gradient(self, x, y):
        return self.source.gradient(x, y)

    def batch_gradient(self, x: float, y: float, batch_size: int, step: int):
        """The gradient used at ``step``: of the batch of ``batch_size`` samples for a data
        surface (full batch when ``batch_size`` >= N), the exact gradient otherwise."""
        if self.is_data and 0 < batch_size < self.n_samples:
            return self.source.gradient(x, y, self.source.batch_indices(batch_size, step))
        return self.source.gradient(x, y)

    def batch_indices(self, batch_size: int, step: int) -> np.ndarray | None:
        if not self.is_data:
            return None
        return self.source.batch_indices(min(batch_size, self.n_samples), step)

    # --- geometry ----------------------------------------------------------------------
    @property
    def extent(self) -> float:
        (x0, x1), (y0, y1) = self.domain
        return float(max(x1 - x0, y1 - y0))

    @property
    def centre(self) -> tuple[float, float]:
        (x0, x1), (y0, y1) = self.domain
        return (0.5 * (x0 + x1), 0.5 * (y0 + y1))

    def contains(self, x: float, y: float) -> bool:
        (x0, x1), (y0, y1) = self.domain
        return x0 <= x <= x1 and y0 <= y <= y1

    def far_outside(self, x: float, y: float, factor: float = 4.0) -> bool:
        """True when (x, y) lies more than ``factor`` domain widths from the centre."""
        cx, cy = self.centre
        return abs(x - cx) > factor * self.extent or abs(y - cy) > factor * self.extent

    def grid(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(xs, ys, Z) on a GRID_N x GRID_N grid, Z row-major (Z[i, j] = f(xs[j], ys[i]))."""
        if self._grid is None:
            (x0, x1), (y0, y1) = self.domain
            xs = np.linspace(x0, x1, GRID_N)
            ys = np.linspace(y0, y1, GRID_N)
            if self.is_data:
                Z = self.source.grid(GRID_N)[2]
            else:
                X, Y = np.meshgrid(xs, ys)
                with np.errstate(all="ignore"):
                    Z = np.asarray(self.source.value(X, Y), dtype=np.float64)
                if Z.shape != X.shape:
                    Z = np.broadcast_to(Z, X.shape).copy()
            self._grid = (xs, ys, Z)
        return self._grid

    def surroundings(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(xs, ys, Z) like ``grid`` but over the domain grown by SURROUND x extent on each
        side, SURROUND_N x SURROUND_N points: what the map shows around the domain."""
        if self._surroundings is None:
            (x0, x1), (y0, y1) = self.domain
            pad = SURROUND * self.extent
            xs = np.linspace(x0 - pad, x1 + pad, SURROUND_N)
            ys = np.linspace(y0 - pad, y1 + pad, SURROUND_N)
            Z = np.empty((SURROUND_N, SURROUND_N))
            # a data surface broadcasts over its N samples: bound the (rows, n, N) temporary
            rows = max(1, 200_000 // (SURROUND_N * max(1, self.n_samples)))
            for i in range(0, SURROUND_N, rows):
                X, Y = np.meshgrid(xs, ys[i:i + rows])
                with np.errstate(all="ignore"):
                    Z[i:i + rows] = np.broadcast_to(
                        np.asarray(self.source.value(X, Y), dtype=np.float64), X.shape)
            self._surroundings = (xs, ys, Z)
        return self._surroundings

    @property
    def f_ref(self) -> float:
        finite = [m[2] for m in self.minima if np.isfinite(m[2])]
        Z = self.grid()[2]
        grid_min = float(np.nanmin(np.where(np.isfinite(Z), Z, np.nan))) if np.isfinite(
            Z).any() else 0.0
        return min(finite + [grid_min]) if finite else grid_min

    def gradient_range(self) -> tuple[float, float]:
        """(g_lo, g_hi): gradient norms that the arrows map to zero and full length.

        g_hi is the 90th percentile of |∇f| over a coarse grid and g_lo a hundredth of the
        10th percentile, so gentle slopes on the valley floor still get a visible arrow."""
        (x0, x1), (y0, y1) = self.domain
        X, Y = np.meshgrid(np.linspace(x0, x1, 25), np.linspace(y0, y1, 25))
        with np.errstate(all="ignore"):
            gx, gy = self.source.gradient(X, Y)
            norm = np.hypot(np.asarray(gx, float), np.asarray(gy, float))
        norm = norm[np.isfinite(norm) & (norm > 0)]
        if not norm.size:
            return 1e-3, 1.0
        g_hi = float(np.percentile(norm, 90))
        g_lo = 0.01 * float(np.percentile(norm, 10))
        return min(g_lo, 0.1 * g_hi), g_hi

    def curvature(self) -> float:
        """A robust size of the largest Hessian eigenvalue over the domain (for default rates).

        Central differences of the *analytic* gradient at 15 x 15 points; the 75th percentile
        of the spectral norm. Only used to pick sensible default learning rates for a custom
        function, never for the descent itself.
        """
        (x0, x1), (y0, y1) = self.domain
        X, Y = np.meshgrid(np.linspace(x0, x1, 15), np.linspace(y0, y1, 15))
        h = 1e-4 * self.extent
        with np.errstate(all="ignore"):
            gxp = np.asarray(self.source.gradient(X + h, Y), float)
            gxm = np.asarray(self.source.gradient(X - h, Y), float)
            gyp = np.asarray(self.source.gradient(X, Y + h), float)
            gym = np.asarray(self.source.gradient(X, Y - h), float)
            hxx = (gxp[0] - gxm[0]) / (2 * h)
            hxy = (gyp[0] - gym[0]) / (2 * h)
            hyy = (gyp[1] - gym[1]) / (2 * h)
            # spectral norm of the symmetric 2x2 [[hxx, hxy], [hxy, hyy]]
            mean = 0.5 * (hxx + hyy)
            rad = np.sqrt((0.5 * (hxx - hyy)) ** 2 + hxy ** 2)
            lam = np.maximum(np.abs(mean + rad), np.abs(mean - rad))
        lam = lam[np.isfinite(lam)]
        value = float(np.percentile(lam, 75)) if lam.size else 1.0
        return value if value > 1e-9 else 1.0

    def __repr__(self) -> str:
        return f"Surface(key={self.key!r}, domain={self.domain}, start={self.start})"


def make_surface(key: str, n_samples: int = 50) -> Surface:
    """A landscape or data surface by key (``surface_keys()``; not ``"custom"``)."""
    if key.startswith(DATA_PREFIX):
        problem = minibatch.make_problem(key[len(DATA_PREFIX):], n=n_samples)
        return Surface(key, problem, problem.domain, problem.start, problem.minima,
                       problem.log_scale, problem.formula, n_samples=problem.n_samples)
    if key == CUSTOM:
        raise ValueError("use make_custom_surface for a custom expression")
    if key not in landscapes.LANDSCAPES:
        raise ValueError(f"unknown surface {key!r}; known: {', '.join(surface_keys())}")
    land = landscapes.get(key)
    return Surface(key, land, land.domain, land.start, land.minima, land.log_scale,
                   land.formula)


def make_custom_surface(text: str, half_width: float = 3.0) -> Surface:
    """Parse ``text`` (raises ``core.expression.ExpressionError``) over [-r, r]^2."""
    import core.expression as expression

    r = float(half_width)
    if not (np.isfinite(r) and 0.1 <= r <= 1000.0):
        raise ValueError(f"the plotting range must be between 0.1 and 1000, got {half_width}")
    expr = expression.parse(text)
    dx, dy = expr.gradient_text
    formula = (f"f(x, y) = {html.escape(str(text))}<br>∂f/∂x = {html.escape(dx)}<br>"
               f"∂f/∂y = {html.escape(dy)}")
    return Surface(CUSTOM, expr, ((-r, r), (-r, r)), (-0.7 * r, 0.7 * r), [], False,
                   formula, expression=str(text))


def display_field(Z: np.ndarray, log_scale: bool, f_ref: float, n_levels: int = 14,
                  compress: bool = True):
    """What the contour map shows: (D float32 (n, n), (lo, hi) image levels, contour levels).

    ``D = log10(1 + f − f_ref)`` on log-scaled landscapes (valleys with huge walls). Else
    ``D = √(f − min f)`` when ``compress`` (the map: a quadratic bowl then gets evenly spaced
    contour rings and colour all the way to its minimum), or f itself (the 3-D heights).
    The colour range stops at the 97th percentile so a few steep corners do not wash out the
    interesting part; non-finite values (a custom log of a negative number) show as the top.
    """
    Z = np.asarray(Z, dtype=np.float64)
    finite = np.isfinite(Z)
    if not finite.any():
        D = np.zeros(Z.shape, np.float32)
        return D, (0.0, 1.0), np.linspace(0.0, 1.0, n_levels)
    D = display_values(Z, log_scale, f_ref, float(np.min(Z[finite])), compress)
    lo = float(np.min(D[finite]))
    hi = float(np.percentile(D[finite], 97))
    if not hi > lo:
        hi = lo + 1.0
    D[~finite] = hi
    levels = np.linspace(lo, hi, n_levels + 1)[1:]
    return D.astype(np.float32), (lo, hi), levels


def display_values(Z: np.ndarray, log_scale: bool, f_ref: float, z_min: float,
                   compress: bool = True) -> np.ndarray:
    """``display_field``'s transform of f with given references (float64, NaN kept), so the
    map's surroundings share the domain's colours and contour levels."""
    Z = np.asarray(Z, dtype=np.float64)
    with np.errstate(all="ignore"):
        if log_scale:
            return np.log10(1.0 + np.maximum(Z - f_ref, 0.0))
        if compress:
            return np.sqrt(np.maximum(Z - z_min, 0.0))
        return Z.copy()


def _crossing(v1: np.ndarray, v2: np.ndarray, level: float) -> np.ndarray:
    """Where along each cell edge v1 -> v2 the value crosses ``level`` (0..1)."""
    return np.clip((level - v1) / (v2 - v1), 0.0, 1.0)


def contour_segments(xs: np.ndarray, ys: np.ndarray, D: np.ndarray, levels) -> np.ndarray:
    """Contour lines of ``D`` (row-major, D[i, j] at (xs[j], ys[i])) by marching squares.

    Returns (2 k, 2) points: consecutive pairs are line segments (draw with
    ``connect="pairs"``). Vectorised over the grid: a few ms per level at 200 x 200, where
    pyqtgraph's per-level ``isocurve`` takes ~20 ms.
    """
    D = np.asarray(D, dtype=np.float64)
    xs = np.asarray(xs, dtype=np.float64)
    ys = np.asarray(ys, dtype=np.float64)
    a, b = D[:-1, :-1], D[:-1, 1:]   # bottom-left, bottom-right
    d, c = D[1:, :-1], D[1:, 1:]     # top-left, top-right
    X0, X1 = xs[None, :-1], xs[None, 1:]
    Y0, Y1 = ys[:-1, None], ys[1:, None]
    out = []
    for level in np.atleast_1d(levels):
        up = [v >= level for v in (a, b, c, d)]
        with np.errstate(all="ignore"):
            t_b, t_r, t_t, t_l = (_crossing(v1, v2, level)
                                  for v1, v2 in ((a, b), (b, c), (d, c), (a, d)))
        # crossing points on the four edges: bottom, right, top, left
        shape = a.shape
        P = np.empty((4,) + shape + (2,))
        P[0, ..., 0] = X0 + t_b * (X1 - X0)
        P[0, ..., 1] = np.broadcast_to(Y0, shape)
        P[1, ..., 0] = np.broadcast_to(X1, shape)
        P[1, ..., 1] = Y0 + t_r * (Y1 - Y0)
        P[2, ..., 0] = X0 + t_t * (X1 - X0)
        P[2, ..., 1] = np.broadcast_to(Y1, shape)
        P[3, ..., 0] = np.broadcast_to(X0, shape)
        P[3, ..., 1] = Y0 + t_l * (Y1 - Y0)
        M = np.stack([up[0] != up[1], up[1] != up[2], up[3] != up[2], up[0] != up[3]])
        n = M.sum(axis=0)
        two = n == 2
        if two.any():
            first = np.argmax(M, axis=0)[two]
            last = (3 - np.argmax(M[::-1], axis=0))[two]
            rows, cols = np.nonzero(two)
            seg = np.empty((rows.size, 2, 2))
            seg[:, 0] = P[first, rows, cols]
            seg[:, 1] = P[last, rows, cols]
            out.append(seg.reshape(-1, 2))
        four = n == 4
        if four.any():
            rows, cols = np.nonzero(four)
            centre_up = (a + b + c + d)[four] / 4.0 >= level
            same_as_a = centre_up == up[0][four]
            # centre joins a and c: cut off corners b (bottom-right) and d (top-left);
            # otherwise cut off a (bottom-left) and c (top-right).
            # the bottom edge pairs with the right (or left) one, the top with the other
            f1 = np.where(same_as_a, 1, 3)
            f2 = np.where(same_as_a, 3, 1)
            seg = np.empty((rows.size * 2, 2, 2))
            seg[0::2, 0] = P[0, rows, cols]
            seg[0::2, 1] = P[f1, rows, cols]
            seg[1::2, 0] = P[2, rows, cols]
            seg[1::2, 1] = P[f2, rows, cols]
            out.append(seg.reshape(-1, 2))
    if not out:
        return np.zeros((0, 2))
    pts = np.concatenate(out)
    return pts[np.all(np.isfinite(pts), axis=1).reshape(-1, 2).all(axis=1).repeat(2)]
