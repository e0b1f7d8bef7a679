"""The contour map: filled loss surface, contour lines, minima, balls, trails and arrows.

Every item is created once; ``set_surface`` swaps the image and contour data when the
surface changes and ``update_runs`` moves balls, trails and arrows each frame with
``setData`` on preallocated history arrays (no per-frame item creation).
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem

from desktop.tabs.descent import surfaces
from desktop.tabs.descent.runs import ACCUMULATOR_SLOTS, VELOCITY_SLOTS
from desktop.theme import style

MAX_RUNS = 7
#: arrow lengths (fractions of the map's size) at the smallest and largest gradients shown.
ARROW_MIN, ARROW_MAX = 0.06, 0.16
#: how much the background colour veils the surface outside the domain.
SHADE_ALPHA = 0.55
#: the margin around the domain when the map is fitted (fraction of its size).
FIT_PADDING = 0.025


def surface_lut(dark: bool, n: int = 256) -> np.ndarray:
    """(n, 4) uint8 sequential map for loss: pale at the minimum, slate-blue where high.

    Low-saturation on purpose, so the coloured balls and trails stand out everywhere."""
    if dark:
        stops = [(0.0, "#15191d"), (0.45, "#2f3c49"), (1.0, "#7d93a8")]
    else:
        stops = [(0.0, "#ffffff"), (0.45, "#d4dde6"), (1.0, "#6d89a3")]
    pos = np.array([p for p, _ in stops])
    rgb = np.array([QColor(c).getRgb()[:3] for _, c in stops], float)
    t = np.linspace(0.0, 1.0, n)
    lut = np.empty((n, 4), np.uint8)
    for k in range(3):
        lut[:, k] = np.round(np.interp(t, pos, rgb[:, k])).astype(np.uint8)
    lut[:, 3] = 255
    return lut


#: a trail longer than this is thinned (its recent part stays whole), so drawing a frame
#: costs the same at step 100 and step 10 000.
TRAIL_POINTS = 1500
TRAIL_RECENT = 400


def trail_points(params: np.ndarray, s: int) -> tuple[np.ndarray, np.ndarray]:
    """x, y of the trail up to state ``s``: every point of the last TRAIL_RECENT steps, and
    an even thinning of the older ones (which, thousands deep, overlap on screen anyway)."""
    n = s + 1
    if n <= TRAIL_POINTS:
        return params[:n, 0], params[:n, 1]
    old = n - TRAIL_RECENT
    stride = int(math.ceil(old / (TRAIL_POINTS - TRAIL_RECENT)))
    idx = np.concatenate([np.arange(0, old, stride), np.arange(old, n)])
    return params[idx, 0], params[idx, 1]


def arrow_points(origins: np.ndarray, vectors: np.ndarray, head: float) -> np.ndarray:
    """Segments (pairs of points) drawing an arrow from each origin along its vector.

    origins, vectors: (k, 2). Each arrow is a shaft and two barbs (6 points); arrows of
    zero length are dropped. ``head`` is the barb length in data units."""
    out = []
    for p, v in zip(origins, vectors):
        length = math.hypot(v[0], v[1])
        if not (math.isfinite(length) and length > 1e-12):
            continue
        tip = p + v
        u = v / length
        h = min(head, 0.45 * length)
        for angle in (0.45, -0.45):
            c, s = math.cos(angle), math.sin(angle)
            back = -np.array([c * u[0] - s * u[1], s * u[0] + c * u[1]])
            out.extend([tip, tip + h * back])
        out.extend([p, tip])
    return np.array(out) if out else np.zeros((0, 2))


def display_vector(g: np.ndarray, g_range: tuple[float, float], extent: float) -> np.ndarray:
    """Map a gradient-sized vector to a drawable one.

    Gradients span decades (Rosenbrock: 10⁻³ near the minimum, 10³ on the walls), so the
    direction is kept and the length grows with log |g| between ``g_range`` = (g_lo, g_hi),
    from ARROW_MIN to ARROW_MAX of the map (always longer than a ball is wide); a flat spot
    (|g| <= g_lo) shows no arrow."""
    norm = math.hypot(g[0], g[1])
    g_lo, g_hi = g_range
    if not (math.isfinite(norm) and norm > g_lo):
        return np.zeros(2)
    t = min(1.0, math.log(norm / g_lo) / math.log(g_hi / g_lo))
    return g / norm * (extent * (ARROW_MIN + (ARROW_MAX - ARROW_MIN) * t))


class ContourMap(pg.PlotWidget):
    """The 2-D loss surface with the race drawn on it. ``start_clicked(x, y)`` on a click."""

    start_clicked = Signal(float, float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setMinimumSize(240, 200)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        # PlotCurveItem, not PlotDataItem: a third of the cost per setData, and 20+ items
        # change every frame.
        self.contours = pg.PlotCurveItem(connect="pairs", skipFiniteCheck=True)
        self.local_minima = pg.ScatterPlotItem(symbol="o")
        self.minima = pg.ScatterPlotItem(symbol="star")
        self.start_marker = pg.ScatterPlotItem(symbol="x")
        self.trails = [pg.PlotCurveItem() for _ in range(MAX_RUNS)]
        self.velocity = [pg.PlotCurveItem(connect="pairs", skipFiniteCheck=True)
                         for _ in range(MAX_RUNS)]
        self.boxes = [pg.PlotCurveItem(skipFiniteCheck=True) for _ in range(MAX_RUNS)]
        self.gradient = pg.PlotCurveItem(connect="pairs", skipFiniteCheck=True)
        self._brushes: list = []
        self.balls = pg.ScatterPlotItem(symbol="o", pxMode=True)
        self.badges = [pg.TextItem(anchor=(0.5, 1.3), color="#ffffff", fill=pg.mkBrush("#d55e00"))
                       for _ in range(MAX_RUNS)]
        for z, it in enumerate([self.image, self.contours, self.local_minima, self.minima,
                                self.start_marker, *self.trails, *self.boxes, *self.velocity,
                                self.gradient, self.balls, *self.badges]):
            it.setZValue(z)
            item.addItem(it)
        for badge in self.badges:
            badge.hide()
        # the surface around the domain, dimmed: the view box is aspect-locked, so a plot
        # taller or wider than the domain shows more of the function instead of blank bands
        self.outer_image = pg.ImageItem(axisOrder="row-major")
        self.outer_contours = pg.PlotCurveItem(connect="pairs", skipFiniteCheck=True)
        self.outer_shade = QGraphicsPathItem()
        self.domain_frame = QGraphicsRectItem()
        for z, it in ((-4, self.outer_image), (-3, self.outer_contours),
                      (-2, self.outer_shade), (-1, self.domain_frame)):
            it.setZValue(z)
            item.addItem(it, ignoreBounds=True)
        self.scene().sigMouseClicked.connect(self._on_click)
        self._surface = None
        self._g_range = (1e-3, 1.0)

    # --- the surface ----------------------------------------------------------------------
    def set_surface(self, surface: surfaces.Surface) -> None:
        self._surface = surface
        xs, ys, Z = surface.grid()
        D, levels, contour_levels = surfaces.display_field(Z, surface.log_scale, surface.f_ref)
        self.image.setImage(D, autoLevels=False, levels=levels)
        (x0, x1), (y0, y1) = surface.domain
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        segs = surfaces.contour_segments(xs, ys, D, contour_levels)
        self.contours.setData(segs[:, 0], segs[:, 1]) if len(segs) else self.contours.clear()
        self._g_range = surface.gradient_range()
        minima = [m for m in surface.minima if surface.contains(m[0], m[1])]
        self.minima.setData([m[0] for m in minima], [m[1] for m in minima])
        local = []
        if surface.key == "many_minima":
            import core.landscapes as landscapes

            local = [m for m in landscapes.MANY_MINIMA_LOCAL if m not in surface.minima]
        self.local_minima.setData([m[0] for m in local], [m[1] for m in local])
        self._set_surroundings(surface, Z, levels, contour_levels)
        self._fit()
        self.apply_style()

    def _set_surroundings(self, surface, Z, levels, contour_levels) -> None:
        """The surface beyond the domain, with the domain's colours and contour levels,
        under a translucent shade that has a hole where the domain is."""
        xs, ys, Z_out = surface.surroundings()
        finite = np.isfinite(Z)
        z_min = float(np.min(Z[finite])) if finite.any() else 0.0
        D = surfaces.display_values(Z_out, surface.log_scale, surface.f_ref, z_min)
        D[~np.isfinite(D)] = levels[1]
        self.outer_image.setImage(D.astype(np.float32), autoLevels=False, levels=levels)
        outer = QRectF(xs[0], ys[0], xs[-1] - xs[0], ys[-1] - ys[0])
        self.outer_image.setRect(outer)
        segs = surfaces.contour_segments(xs, ys, D, contour_levels)
        if len(segs):
            self.outer_contours.setData(segs[:, 0], segs[:, 1])
        else:
            self.outer_contours.clear()
        (x0, x1), (y0, y1) = surface.domain
        inner = QRectF(x0, y0, x1 - x0, y1 - y0)
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        path.addRect(outer)
        path.addRect(inner)
        self.outer_shade.setPath(path)
        self.domain_frame.setRect(inner)

    def _fit(self) -> None:
        """Show the whole domain with a thin rim of its surroundings, so its frame and the
        end tick labels are never cut (the aspect is locked, so one axis shows more)."""
        if getattr(self, "_surface", None) is None:  # pyqtgraph resizes during __init__
            return
        (x0, x1), (y0, y1) = self._surface.domain
        self.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1),
                                                 padding=FIT_PADDING)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def set_axis_labels(self, x: str, y: str) -> None:
        item = self.getPlotItem()
        item.setLabel("bottom", x)
        item.setLabel("left", y)

    # --- the runs --------------------------------------------------------------------------
    def update_runs(self, model, colors: list[str], badge_text: str) -> None:
        """Balls, trails, arrows and badges at the model's cursor."""
        surface = self._surface
        if surface is None:
            return
        runs = model.runs
        cursor = model.cursor
        extent = surface.extent
        head = 0.025 * extent
        ball_pos, ball_brush, grad_o, grad_v = [], [], [], []
        for i in range(MAX_RUNS):
            trail, vel, box, badge = self.trails[i], self.velocity[i], self.boxes[i], \
                self.badges[i]
            if i >= len(runs):
                for it in (trail, vel, box, badge):
                    it.hide()
                continue
            run, color = runs[i], colors[i]
            s = run.index(cursor)
            trail.show()
            # a diverged run's last point may be infinite: only then pay for the NaN check
            finite = run.diverged_at is None or s < run.diverged_at
            tx, ty = trail_points(run.params, s)
            trail.setData(tx, ty, connect="all" if finite else "finite", skipFiniteCheck=finite)
            p = run.params[s]
            shown = p if np.all(np.isfinite(p)) else run.params[max(0, s - 1)]
            diverged = run.diverged_at is not None and run.diverged_at <= cursor
            if diverged:
                shown = self._clip_to_map(run, s)
                badge.setText(badge_text)
                badge.setPos(QPointF(*shown))
                badge.show()
            else:
                badge.hide()
            ball_pos.append(shown)
            ball_brush.append(self._brushes[i] if i < len(self._brushes) else pg.mkBrush(color))
            if model.show_gradient and not diverged:
                grad_o.append(p)
                grad_v.append(display_vector(-run.grad[s], self._g_range, extent))
            self._draw_velocity(vel, run, s, p, model.show_velocity and not diverged, head)
            self._draw_box(box, run, s, p, model.show_accumulator and not diverged)
        pos = np.array(ball_pos) if ball_pos else np.zeros((0, 2))
        self.balls.setData(pos=pos, brush=ball_brush)
        if grad_o:
            pts = arrow_points(np.array(grad_o), np.array(grad_v), head)
            self.gradient.setData(pts[:, 0], pts[:, 1]) if len(pts) else self.gradient.clear()
            self.gradient.show()
        else:
            self.gradient.hide()
        x, y = model.start
        self.start_marker.setData([x], [y])

    def _clip_to_map(self, run, s: int) -> np.ndarray:
        """Where to show a diverged ball: its last point still on the map."""
        for k in range(s, -1, -1):
            p = run.params[k]
            if np.all(np.isfinite(p)) and self._surface.contains(p[0], p[1]):
                return p.copy()
        return np.array(self._surface.centre)

    def _draw_velocity(self, item, run, s, p, on, head) -> None:
        found = run.first_slot(VELOCITY_SLOTS, s) if on else None
        if found is None:
            item.hide()
            return
        name, v = found
        hyper = run.optimizer.hyper
        if name == "exp_avg":  # Adam's first moment, bias-corrected like the step uses it
            v = v / (1.0 - hyper["beta1"] ** max(1, s))
        else:  # heavy-ball buffer v ~ g / (1 - μ): bring it back to gradient units
            v = v * (1.0 - hyper.get("momentum", 0.9))
        vec = display_vector(-np.asarray(v), self._g_range, self._surface.extent)
        pts = arrow_points(p[None, :], vec[None, :], head)
        if len(pts):
            item.setData(pts[:, 0], pts[:, 1])
            item.show()
        else:
            item.hide()

    def _draw_box(self, item, run, s, p, on) -> None:
        """A rectangle whose half-sides are proportional to 1/√s per axis: the relative step
        size an adaptive optimizer takes along x and along y."""
        found = run.first_slot(ACCUMULATOR_SLOTS, s) if on else None
        if found is None or s == 0:
            item.hide()
            return
        _, acc = found
        scale = 1.0 / (np.sqrt(np.maximum(acc, 0.0)) + 1e-12)
        if not np.all(np.isfinite(scale)) or scale.max() <= 0:
            item.hide()
            return
        half = 0.06 * self._surface.extent * scale / scale.max()
        half = np.maximum(half, 0.004 * self._surface.extent)
        xs = p[0] + half[0] * np.array([-1, 1, 1, -1, -1])
        ys = p[1] + half[1] * np.array([-1, -1, 1, 1, -1])
        item.setData(xs, ys)
        item.show()

    # --- style -------------------------------------------------------------------------------
    def apply_style(self, colors: list[str] | None = None) -> None:
        style.style_plot(self)
        item = self.getPlotItem()
        item.showGrid(x=False, y=False)
        self.image.setLookupTable(surface_lut(style.dark))
        self.outer_image.setLookupTable(surface_lut(style.dark))
        line = QColor("#ffffff" if style.dark else "#1a1a1a")
        line.setAlphaF(0.28 if style.dark else 0.22)
        self.contours.setPen(pg.mkPen(line, width=max(1.0, style.line_width * 0.5)))
        self.outer_contours.setPen(pg.mkPen(line, width=max(1.0, style.line_width * 0.5)))
        shade = QColor(style.background)
        shade.setAlphaF(SHADE_ALPHA)
        self.outer_shade.setBrush(pg.mkBrush(shade))
        self.outer_shade.setPen(pg.mkPen(None))
        frame = pg.mkPen(style.muted, width=max(1.0, style.line_width * 0.5))
        frame.setCosmetic(True)
        self.domain_frame.setPen(frame)
        self.domain_frame.setBrush(pg.mkBrush(None))
        outline = pg.mkPen("#ffffff" if style.dark else "#1a1a1a", width=max(1.5, style.scale))
        size = style.marker_size
        self.minima.setSize(size * 2.0)
        self.minima.setPen(outline)
        self.minima.setBrush(pg.mkBrush("#f0e442"))
        self.local_minima.setSize(size * 1.2)
        self.local_minima.setPen(pg.mkPen(style.foreground, width=max(1.5, style.scale)))
        self.local_minima.setBrush(pg.mkBrush(None))
        self.start_marker.setSize(size * 1.5)
        self.start_marker.setPen(pg.mkPen(style.foreground, width=style.line_width))
        self.start_marker.setBrush(pg.mkBrush(style.foreground))
        self.balls.setSize(size * 1.7)
        self.balls.setPen(pg.mkPen("#ffffff" if style.dark else "#1a1a1a",
                                   width=max(2.0, style.line_width * 0.8)))
        self.gradient.setPen(pg.mkPen(style.foreground, width=max(1.5, style.line_width * 0.8)))
        for badge in self.badges:
            badge.setFont(style.font(1.0, bold=True))
        if colors:
            self.set_colors(colors)

    def set_colors(self, colors: list[str]) -> None:
        # the same QBrush objects every frame: the scatter item caches symbols by brush id
        self._brushes = [pg.mkBrush(c) for c in colors[:MAX_RUNS]]
        for i, color in enumerate(colors[:MAX_RUNS]):
            self.trails[i].setPen(pg.mkPen(color, width=style.line_width))
            self.velocity[i].setPen(pg.mkPen(color, width=style.line_width * 1.8))
            self.boxes[i].setPen(pg.mkPen(color, width=style.line_width,
                                          style=Qt.PenStyle.DashLine))

    # --- input -------------------------------------------------------------------------------
    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._surface is None:
            return
        vb = self.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        p = vb.mapSceneToView(event.scenePos())
        if self._surface.contains(p.x(), p.y()):
            event.accept()
            self.start_clicked.emit(p.x(), p.y())
