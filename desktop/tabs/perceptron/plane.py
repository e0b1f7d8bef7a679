"""The input plane (x1, x2) and the hidden plane (h1, h2) as pyqtgraph plots.

Both show the four gate points coloured by target (orange 0, blue 1) and marked ✓/✗, a ring
on the calculator input, and a shaded map of the neuron's output (step: the two half-planes;
sigmoid: the probability). The input plane's decision line can be dragged: the line itself
slides it, the two round handles turn it. Items are created once; updates only move them.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QColor, QFontMetricsF

from desktop.theme import CLASS_COLORS, RIGHT, WRONG, style


def hidden_colours() -> tuple[str, str]:
    """The two hidden neurons' lines: Okabe-Ito yellow (dark yellow on light backgrounds)
    and reddish purple, both distinct from the orange/blue classes."""
    return ("#f0e442" if style.dark else "#7a5c00", "#cc79a7")


def shade_lut(strength: float = 0.42) -> np.ndarray:
    """The diverging LUT (orange-neutral-blue) faded towards the background."""
    lut = style.lut().astype(float)
    bg = np.array(QColor(style.background).getRgb()[:3], float)
    lut[:, :3] = bg + (lut[:, :3] - bg) * strength
    return np.clip(np.round(lut), 0, 255).astype(np.uint8)


def line_placement(w, b, rect: QRectF) -> tuple[tuple[float, float], float] | None:
    """(point nearest the rect's centre, angle in degrees) of w·x + b = 0, or None if w = 0."""
    w = np.asarray(w, float)
    n2 = float(w @ w)
    if n2 < 1e-12:
        return None
    c = np.array([rect.center().x(), rect.center().y()])
    p = c - (w @ c + b) / n2 * w
    return (float(p[0]), float(p[1])), math.degrees(math.atan2(w[0], -w[1]))


def clip_segment(w, b, rect: QRectF) -> tuple[np.ndarray, np.ndarray] | None:
    """The part of the line w·x + b = 0 inside ``rect`` (Liang-Barsky), or None."""
    place = line_placement(w, b, rect)
    if place is None:
        return None
    p0 = np.array(place[0])
    d = np.array([-w[1], w[0]], float)
    d /= np.hypot(*d)
    lo, hi = -1e9, 1e9
    for k, (mn, mx) in enumerate(((rect.left(), rect.right()), (rect.top(), rect.bottom()))):
        mn, mx = min(mn, mx), max(mn, mx)
        if abs(d[k]) < 1e-12:
            if not mn <= p0[k] <= mx:
                return None
            continue
        t1, t2 = (mn - p0[k]) / d[k], (mx - p0[k]) / d[k]
        lo, hi = max(lo, min(t1, t2)), min(hi, max(t1, t2))
    if lo >= hi:
        return None
    return p0 + lo * d, p0 + hi * d


class GatePlot(pg.PlotWidget):
    """Shading + four points with ✓/✗ + a ring on the probe. ``point_clicked(row)``."""

    point_clicked = Signal(int)
    view_changed = Signal()
    resized = Signal()  # the data area changed size: text needs a new range to fit

    def __init__(self, x_name: str, y_name: str, parent=None) -> None:
        super().__init__(parent)
        item = self.getPlotItem()
        item.setMouseEnabled(False, False)
        item.hideButtons()
        item.setMenuEnabled(False)
        self.setAspectLocked(True)
        self.setMinimumSize(140, 140)
        item.setLabel("bottom", x_name)
        item.setLabel("left", y_name)
        self.image = pg.ImageItem()
        self.image.setZValue(-10)
        item.addItem(self.image, ignoreBounds=True)
        self.points = pg.ScatterPlotItem(pxMode=True)
        self.points.setZValue(10)
        self.points.sigClicked.connect(self._on_points_clicked)
        item.addItem(self.points)
        self.ring = pg.ScatterPlotItem(pxMode=True)
        self.ring.setZValue(9)
        item.addItem(self.ring)
        self.marks = [pg.TextItem("", anchor=(-0.25, 1.0)) for _ in range(4)]
        for m in self.marks:
            m.setZValue(11)
            item.addItem(m, ignoreBounds=True)
        self.probe_label = pg.TextItem("", anchor=(-0.2, 1.0))
        self.probe_label.setZValue(11)
        item.addItem(self.probe_label, ignoreBounds=True)
        self.getViewBox().sigRangeChanged.connect(lambda *_: self.view_changed.emit())
        self.getViewBox().sigResized.connect(lambda *_: self.view_changed.emit())
        self.getViewBox().sigResized.connect(self._on_resized)
        self._fitted_size = (0, 0)  # the data area's size when set_view last fitted texts
        self._targets = np.zeros(4)

    def _on_resized(self, *_args) -> None:
        """Ask for a new fit when the data area really changed size (the axes' own small
        changes after a new range must not start a loop)."""
        vb = self.getViewBox()
        w, h = self._fitted_size
        if abs(vb.width() - w) > 3 or abs(vb.height() - h) > 3:
            self._fitted_size = (vb.width(), vb.height())
            self.resized.emit()

    def set_view(self, x_range, y_range, keep_visible=()) -> None:
        """Show at least this area (the locked aspect adds to one side), grown until the
        text items in ``keep_visible`` (✓/✗ marks, names) lie inside it; numbered ticks
        every 0.5 on the usual view, coarser when it widens."""
        vb = self.getViewBox()
        xr, yr = list(x_range), list(y_range)
        for _ in range(10):  # growing the range shrinks the text in data units: converges
            vb.setRange(xRange=xr, yRange=yr, padding=0)
            if vb.width() < 20 or vb.height() < 20:
                break
            view = self.view_rect()
            need = view
            for item in keep_visible:
                if item.isVisible() and item.textItem.toPlainText():
                    need = need.united(self.text_rect(item))
            if view.contains(need):
                break
            pad = 0.02 * max(need.width(), need.height())
            xr = [min(xr[0], need.left() - pad), max(xr[1], need.right() + pad)]
            yr = [min(yr[0], need.top() - pad), max(yr[1], need.bottom() + pad)]
        self._fitted_size = (vb.width(), vb.height())
        self._space_ticks()

    def _space_ticks(self) -> None:
        """Numbered ticks every 0.5 where the labels have room, else every 1, 2, 5, 10."""
        axis = self.getAxis("bottom")
        font = axis.style.get("tickFont") or self.font()
        room = QFontMetricsF(font).horizontalAdvance("−0.5") * 1.3  # a label and a gap
        r = self.view_rect()
        per_unit = min(self.getViewBox().width() / max(r.width(), 1e-9),
                       self.getViewBox().height() / max(abs(r.height()), 1e-9))
        major = next((s for s in (0.5, 1.0, 2.0, 5.0) if s * per_unit >= room), 10.0)
        for name in ("bottom", "left"):
            self.getAxis(name).setTickSpacing(levels=[(major, 0.0)])

    def text_rect(self, item: pg.TextItem) -> QRectF:
        """A text item's rectangle in data coordinates (it keeps its size in pixels)."""
        px, py = self.getViewBox().viewPixelSize()
        br = item.textItem.boundingRect()
        w, h = br.width() * px, br.height() * py
        pos, anchor = item.pos(), item.anchor
        left, top = pos.x() - anchor[0] * w, pos.y() + anchor[1] * h
        return QRectF(left, top - h, w, h)  # y up: the rect's "top" is its lowest y

    def view_rect(self) -> QRectF:
        return self.getViewBox().viewRect()

    def grid(self, max_cells: int = 320) -> tuple[np.ndarray, np.ndarray, QRectF]:
        """Cell-centre coordinates (xs, ys) covering the visible rect, about 2 px per cell
        (at most ``max_cells`` per side)."""
        r = self.view_rect()
        px = max(40, min(max_cells, int(self.getViewBox().width() / 2)))
        py = max(40, min(max_cells, int(self.getViewBox().height() / 2)))
        xs = r.left() + (np.arange(px) + 0.5) * r.width() / px
        ys = r.top() + (np.arange(py) + 0.5) * r.height() / py
        return xs, ys, r

    def set_shading(self, values: np.ndarray, rect: QRectF) -> None:
        self.image.setImage(values.astype(np.float32), autoLevels=False, levels=(0.0, 1.0))
        self.image.setRect(rect)

    def set_points(self, positions: np.ndarray, targets, correct, marks: bool = True) -> None:
        self._targets = np.asarray(targets)
        brushes = [pg.mkBrush(CLASS_COLORS[int(t)]) for t in targets]
        outline = pg.mkPen(style.background, width=max(2.0, style.line_width * 0.8))
        self.points.setData(pos=np.asarray(positions, float), brush=brushes, pen=outline,
                            size=style.marker_size * 2.4, symbol="o",
                            data=list(range(len(targets))))
        font = style.font(1.6, bold=True)
        for m, pos, ok in zip(self.marks, positions, correct):
            m.setVisible(marks)
            m.setText("✓" if ok else "✗")
            m.setColor(QColor(RIGHT if ok else WRONG))
            m.setFont(font)
            m.setPos(float(pos[0]), float(pos[1]))

    def set_probe(self, position, on_point: bool, label: str = "") -> None:
        """A ring round the probe; a diamond with a label where it is not a gate input."""
        pen = pg.mkPen(style.foreground, width=style.line_width)
        if on_point:
            self.ring.setData(pos=[position], size=style.marker_size * 3.6, symbol="o",
                              pen=pen, brush=None)
        else:
            self.ring.setData(pos=[position], size=style.marker_size * 2.2, symbol="d",
                              pen=pg.mkPen(style.background, width=2),
                              brush=pg.mkBrush(style.foreground))
        self.probe_label.setText(label)
        self.probe_label.setColor(QColor(style.foreground))
        self.probe_label.setFont(style.font(1.2, bold=True))
        self.probe_label.setPos(float(position[0]), float(position[1]))

    def _on_points_clicked(self, _item, points, _ev=None) -> None:
        if len(points):
            self.point_clicked.emit(int(points[0].data()))

    def apply_style(self) -> None:
        style.style_plot(self)
        self.image.setLookupTable(shade_lut())
        # A fixed width for the y axis, room for its widest label: left to size itself, it
        # changes width with the labels ("−0.5" vs "1"), which resizes the data area, which
        # refits the range and the tick spacing, which changes the labels back: a loop.
        axis = self.getAxis("left")
        ticks = QFontMetricsF(axis.style.get("tickFont") or self.font())
        label = QFontMetricsF(axis.label.font()).height()
        widest = max(ticks.horizontalAdvance(t) for t in ("−0.5", "−10", "1.5"))
        axis.setWidth(int(widest + label + 4 * style.scale + 8))


class InputPlane(GatePlot):
    """The (x1, x2) plane with the draggable decision line w1 x1 + w2 x2 + b = 0.

    ``line_moved(point)``: the line was slid to pass through ``point``.
    ``line_turned(p, q)``: a handle was dragged; the line should pass through p and q.
    """

    line_moved = Signal(object)
    line_turned = Signal(object, object)

    def __init__(self, parent=None) -> None:
        super().__init__("x₁", "x₂", parent)
        item = self.getPlotItem()
        self.line = pg.InfiniteLine(movable=True)
        self.line.setZValue(5)
        self.line.sigDragged.connect(self._on_line_dragged)
        item.addItem(self.line, ignoreBounds=True)
        self.handles = [pg.TargetItem(symbol="o", movable=True) for _ in range(2)]
        for h in self.handles:
            h.setZValue(12)
            h.sigPositionChanged.connect(self._on_handle_moved)
            item.addItem(h, ignoreBounds=True)
        self.hidden_lines = [pg.InfiniteLine(movable=False) for _ in range(2)]
        # names sit above (h1) and below (h2) their lines, clear of each other
        self.hidden_names = [pg.TextItem("", anchor=(0.0, 1.1)),
                             pg.TextItem("", anchor=(0.0, -0.1))]
        for ln, name in zip(self.hidden_lines, self.hidden_names):
            ln.setZValue(4)
            ln.setVisible(False)
            name.setZValue(11)
            name.setVisible(False)
            item.addItem(ln, ignoreBounds=True)
            item.addItem(name, ignoreBounds=True)
        self._placing = False  # True while we move items ourselves (not the user)
        self._w = (0.0, 0.0)
        self._b = 0.0

    # --- the user drags ---------------------------------------------------------------------
    def _on_line_dragged(self, line) -> None:
        if not self._placing:
            pos = line.pos()
            self.line_moved.emit((pos.x(), pos.y()))

    def _on_handle_moved(self, handle) -> None:
        if self._placing:
            return
        a, b = (h.pos() for h in self.handles)
        self.line_turned.emit((a.x(), a.y()), (b.x(), b.y()))

    def dragging(self) -> bool:
        return self.line.moving or any(h.moving for h in self.handles)

    # --- the model changed ------------------------------------------------------------------
    def set_line(self, w, b, visible: bool = True) -> None:
        """Place the line and its handles for w·x + b = 0."""
        self._w, self._b = tuple(w), float(b)
        rect = self.view_rect()
        place = line_placement(w, b, rect) if visible else None
        self._placing = True
        try:
            self.line.setVisible(place is not None)
            if place is None:
                for h in self.handles:
                    h.setVisible(False)
                return
            if not self.line.moving:
                self.line.setPos(place[0])
            self.line.setAngle(place[1])
            if not any(h.moving for h in self.handles):
                self._place_handles(w, b, rect)
        finally:
            self._placing = False

    def _place_handles(self, w, b, rect: QRectF) -> None:
        """Handles near the two ends of the visible part of the line, away from the points;
        kept where they are (slid onto the new line) while they stay well inside."""
        w = np.asarray(w, float)
        inner = rect.adjusted(rect.width() * 0.05, rect.height() * 0.05,
                              -rect.width() * 0.05, -rect.height() * 0.05)
        seg = clip_segment(w, b, inner)
        if seg is None:
            for h in self.handles:
                h.setVisible(False)
            return
        n2 = float(w @ w)
        cur = []
        for h in self.handles:
            p = np.array([h.pos().x(), h.pos().y()])
            cur.append(p - (w @ p + b) / n2 * w)  # projection onto the new line
        apart = np.hypot(*(cur[0] - cur[1])) > 0.25 * min(inner.width(), inner.height())
        inside = all(inner.contains(float(p[0]), float(p[1])) for p in cur)
        if not (apart and inside and all(h.isVisible() for h in self.handles)):
            a, z = seg
            cur = [a + 0.04 * (z - a), a + 0.96 * (z - a)]
        for h, p in zip(self.handles, cur):
            h.setVisible(True)
            h.setPos(float(p[0]), float(p[1]))

    def set_hidden_lines(self, units, labels) -> None:
        """Dashed lines of the hidden neurons (two-layer mode), or none (``units`` empty),
        each named near its left end in its own colour."""
        rect = self.view_rect()
        inner = rect.adjusted(rect.width() * 0.03, rect.height() * 0.03,
                              -rect.width() * 0.03, -rect.height() * 0.03)
        for i, (ln, name) in enumerate(zip(self.hidden_lines, self.hidden_names)):
            place = line_placement(units[i].weights, units[i].bias, rect) if i < len(units) \
                else None
            ln.setVisible(place is not None)
            name.setVisible(place is not None)
            if place is None:
                continue
            ln.setPos(place[0])
            ln.setAngle(place[1])
            seg = clip_segment(units[i].weights, units[i].bias, inner)
            if seg is not None:
                name.setText(labels[i])
                name.setPos(*self._name_spot(name, sorted(seg, key=lambda p: p[0]), inner,
                                             above=i == 0))

    def _name_spot(self, name: pg.TextItem, seg, inner: QRectF, above: bool):
        """Where along the (left-to-right) segment the name fits inside ``inner``: h1 above
        its line, h2 below; near the left end if it can."""
        a, z = seg
        px, py = self.getViewBox().viewPixelSize()
        br = name.textItem.boundingRect()
        w, h = br.width() * px, br.height() * py
        for t in (0.18, 0.08, 0.3, 0.03, 0.45, 0.6, 0.75) if above else \
                (0.03, 0.1, 0.2, 0.35, 0.5, 0.65):
            x, y = a + t * (z - a)
            top, bottom = (y + 1.1 * h, y + 0.1 * h) if above else (y - 0.1 * h, y - 1.1 * h)
            if (inner.left() <= x and x + w <= inner.right()
                    and inner.top() <= bottom and top <= inner.bottom()):
                return float(x), float(y)
        x, y = a + (0.18 if above else 0.03) * (z - a)
        return float(x), float(y)

    def apply_style(self) -> None:
        super().apply_style()
        self.line.setPen(pg.mkPen(style.foreground, width=style.line_width * 1.6))
        self.line.setHoverPen(pg.mkPen(style.foreground, width=style.line_width * 2.6))
        for h in self.handles:
            h.scale = style.marker_size * 1.7
            h.setPen(pg.mkPen(style.background, width=max(1.5, style.line_width * 0.7)))
            h.setBrush(pg.mkBrush(style.foreground))
            h.setHoverPen(pg.mkPen(style.foreground, width=style.line_width))
            h.setHoverBrush(pg.mkBrush(style.muted))
            h._shape = None
            h.update()
        for ln, name, col in zip(self.hidden_lines, self.hidden_names, hidden_colours()):
            ln.setPen(pg.mkPen(col, width=style.line_width * 1.3, style=pg.QtCore.Qt.DashLine))
            name.setColor(QColor(col))
            name.setFont(style.font(0.95, bold=True))
            fill = QColor(style.background)
            fill.setAlpha(200)
            name.fill = pg.mkBrush(fill)


class HiddenPlane(GatePlot):
    """The (h1, h2) plane: where the hidden layer puts the four inputs, and the AND line."""

    def __init__(self, parent=None) -> None:
        super().__init__("h₁", "h₂", parent)
        self.line = pg.InfiniteLine(movable=False)
        self.line.setZValue(5)
        self.getPlotItem().addItem(self.line, ignoreBounds=True)
        self.names = [pg.TextItem("", anchor=(0.5, -0.35)) for _ in range(3)]
        for t in self.names:
            t.setZValue(11)
            self.getPlotItem().addItem(t, ignoreBounds=True)

    def set_line(self, w, b) -> None:
        place = line_placement(w, b, self.view_rect())
        self.line.setVisible(place is not None)
        if place is not None:
            self.line.setPos(place[0])
            self.line.setAngle(place[1])

    def set_point_names(self, groups: list[tuple[tuple[float, float], str]]) -> None:
        """Label each distinct hidden point with the inputs that land on it (above the points
        of the top row, below the others: clear of the output line)."""
        for i, t in enumerate(self.names):
            if i < len(groups):
                (x, y), text = groups[i]
                t.setText(text)
                t.setAnchor((0.5, 1.25) if y >= 0.5 else (0.5, -0.35))
                t.setPos(x, y)
                t.setColor(QColor(style.foreground))
                t.setFont(style.font(1.0, bold=True))
                t.setVisible(True)
            else:
                t.setVisible(False)

    def apply_style(self) -> None:
        super().apply_style()
        self.line.setPen(pg.mkPen(style.foreground, width=style.line_width * 1.6))
