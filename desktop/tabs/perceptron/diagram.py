"""Neuron diagrams painted with QPainter: nodes, weighted edges, live numbers.

``GraphCanvas`` draws whatever graph it is given (a list of ``Node`` and ``Edge``); the two
builders turn the model's numbers into the single neuron (x1, x2, 1 -> Σ -> g -> y) and the
2-2-1 XOR network. Edge colour is the weight's sign (blue positive, orange negative, as in
TensorFlow Playground), thickness its magnitude. Sizes follow the widget, so the diagram
fills whatever room the splitter gives it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.tabs.perceptron.text import fw, fx, fy, fz
from desktop.theme import BLUE, ORANGE, RIGHT, WRONG, style

W_FULL = 3.0  # |w| drawn at full thickness
NET_LABEL = 1.15  # the network's weights are short numbers: larger boxes


@dataclass
class Node:
    x: float               # centre, as a fraction of the width
    y: float               # centre, as a fraction of the height
    text: str = ""         # inside, big
    label: str = ""        # above, muted
    sub: str = ""          # below
    sub_color: str = ""
    glyph: str = ""        # "step" / "sigmoid": draw the curve instead of text
    box: bool = False      # a rounded box (for long values) instead of a circle
    fill: str = ""
    size: float = 1.0      # diameter in units
    caption: str = ""      # small, inside above the text (e.g. "Σ")
    label_below: bool = False
    max_w: float = 0.0     # boxes: the widest they may be, as a fraction of the width


@dataclass
class Edge:
    src: int
    dst: int
    weight: float | None   # None: a plain arrow (no weight)
    label: str = ""
    t: float = 0.5         # where along the edge the label sits
    size: float = 1.0      # the label's font, relative to the usual


@dataclass
class Placement:
    """Where everything goes for one node diameter ``unit`` (pixels): node rectangles, the
    labels above/below them (None where a node has none) and the weight boxes on the edges."""
    unit: float
    label_font: QFont
    size: tuple[int, int] = (0, 0)  # the widget's size it was made for
    nodes: list[QRectF] = field(default_factory=list)
    labels: list[QRectF | None] = field(default_factory=list)
    subs: list[QRectF | None] = field(default_factory=list)
    boxes: list[tuple[QRectF, QFont] | None] = field(default_factory=list)

    round_nodes: list[bool] = field(default_factory=list)

    def all_rects(self) -> list[QRectF]:
        return [r for r in (*self.nodes, *self.labels, *self.subs,
                            *(b[0] for b in self.boxes if b)) if r is not None]

    def fits(self, width: float, height: float) -> bool:
        """Everything inside the widget and nothing overlapping anything else, with a little
        air between neighbours (a node and its own labels may touch; a round node counts
        only by its circle, so a label may sit in the corner of its bounding box)."""
        area = QRectF(0, 0, width, height)
        shapes = [(i, r, rnd) for i, (r, rnd) in enumerate(zip(self.nodes, self.round_nodes))]
        shapes += [(i, r, False) for rects in (self.labels, self.subs)
                   for i, r in enumerate(rects) if r is not None]
        shapes += [(-1 - k, b[0], False) for k, b in enumerate(self.boxes) if b]
        if not all(area.contains(r) for _, r, _ in shapes):
            return False
        gap = self.unit * 0.03
        grown = [(g, r.adjusted(-gap, -gap, gap, gap), rnd) for g, r, rnd in shapes]
        return not any(overlap(a[1:], b[1:]) for i, a in enumerate(grown)
                       for b in grown[i + 1:] if a[0] != b[0])


def overlap(a: tuple[QRectF, bool], b: tuple[QRectF, bool]) -> bool:
    """Whether two shapes overlap; each is (bounding rect, is a circle)."""
    (ra, round_a), (rb, round_b) = a, b
    if not ra.intersects(rb):
        return False
    if round_a and round_b:
        d = math.dist((ra.center().x(), ra.center().y()), (rb.center().x(), rb.center().y()))
        return d < (ra.width() + rb.width()) / 2
    if round_b:
        (ra, round_a), (rb, round_b) = b, a
    if not round_a:
        return True
    c = ra.center()  # the circle against a rectangle: the nearest point of the rectangle
    nx = min(max(c.x(), rb.left()), rb.right())
    ny = min(max(c.y(), rb.top()), rb.bottom())
    return math.hypot(c.x() - nx, c.y() - ny) < ra.width() / 2


UNIT_MIN = 16.0  # the smallest node diameter (px) the diagram shrinks to


class GraphCanvas(QWidget):
    """Paints a small feed-forward graph; call ``set_graph`` then it repaints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nodes: list[Node] = []
        self.edges: list[Edge] = []
        self._placed: Placement | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 120)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(480, 330)

    def set_graph(self, nodes: list[Node], edges: list[Edge]) -> None:
        self.nodes, self.edges = nodes, edges
        self._placed = None
        self.update()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._placed = None

    # --- geometry -------------------------------------------------------------------------
    def _font(self, px: float, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(max(9, int(px)))
        f.setBold(bold)
        return f

    def placement(self) -> Placement:
        """The largest layout that fits: every node, label and weight box inside the widget
        and none overlapping another (cached until the graph or the size changes)."""
        w, h = self.width(), self.height()
        if self._placed is None or self._placed.size != (w, h):
            unit = max(UNIT_MIN, min(w / 5.4, h / 3.1))
            placed = self._place(unit)
            while unit > UNIT_MIN and not placed.fits(w, h):
                unit = max(UNIT_MIN, unit * 0.97)
                placed = self._place(unit)
            placed.size = (w, h)
            self._placed = placed
        return self._placed

    def text_rects(self) -> list[QRectF]:
        """Everything that holds text or a number: nodes, their labels, the weight boxes."""
        return self.placement().all_rects()

    def _place(self, unit: float) -> Placement:
        """Node rectangles (kept inside the widget with their labels), the labels above and
        below the nodes, and the weight boxes on the edges, for node diameter ``unit``."""
        w, h = self.width(), self.height()
        margin = unit * 0.12
        label_font = self._font(unit * 0.34, bold=True)
        fm = QFontMetricsF(label_font)
        text_h = fm.height()
        placed = Placement(unit, label_font)
        for n in self.nodes:
            if n.box:
                bw = len(n.text) * unit * 0.25 + unit * 0.35
                if n.max_w:
                    bw = min(bw, n.max_w * w)
                bw, bh = max(unit * 0.9, bw), unit * 0.8
            else:
                bw = bh = unit * 0.84 * n.size
            label_w = fm.horizontalAdvance(n.label) + unit * 0.1 if n.label else 0.0
            sub_w = fm.horizontalAdvance(n.sub) + unit * 0.1 if n.sub else 0.0
            half = max(bw, label_w, sub_w) / 2
            above = text_h if n.label and not n.label_below else 0.0
            below = (text_h if n.label_below else 0.0) + (text_h if n.sub else 0.0)
            cx = min(max(n.x * w, margin + half), w - margin - half)
            cy = min(max(n.y * h, margin + above + bh / 2), h - margin - below - bh / 2)
            r = QRectF(cx - bw / 2, cy - bh / 2, bw, bh)
            placed.nodes.append(r)
            placed.round_nodes.append(not n.box)
            y_below = r.bottom() + unit * 0.02
            if n.label:
                top = y_below if n.label_below else r.top() - text_h - unit * 0.02
                placed.labels.append(QRectF(cx - label_w / 2, top, label_w, text_h))
                y_below += text_h if n.label_below else 0.0
            else:
                placed.labels.append(None)
            placed.subs.append(QRectF(cx - sub_w / 2, y_below, sub_w, text_h) if n.sub
                               else None)
        for e in self.edges:
            placed.boxes.append(self._place_edge_label(e, placed.nodes, unit) if e.label
                                else None)
        return placed

    def _place_edge_label(self, e: Edge, rects, unit: float) -> tuple[QRectF, QFont]:
        """The weight's box on its edge (shrunk to stay between the nodes of a level edge)."""
        start, end = self._ends(e, rects)
        at = QPointF(start.x() + (end.x() - start.x()) * e.t,
                     start.y() + (end.y() - start.y()) * e.t)
        length = math.hypot(end.x() - start.x(), end.y() - start.y())
        level = abs(end.y() - start.y()) < 0.2 * length
        px = unit * 0.31 * e.size
        while True:
            font = self._font(px, bold=True)
            fm = QFontMetricsF(font)
            tw, th = fm.horizontalAdvance(e.label) + unit * 0.16, fm.height() + unit * 0.04
            if not level or tw <= length * 0.92 or px <= unit * 0.29 * e.size:
                break
            px -= 1.0
        return QRectF(at.x() - tw / 2, at.y() - th / 2, tw, th), font

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(style.background))
        if not self.nodes:
            return
        placed = self.placement()
        for e in self.edges:
            self._paint_edge(p, e, placed.nodes, placed.unit)
        for e, box in zip(self.edges, placed.boxes):
            if box is not None:
                self._paint_edge_label(p, e, box, placed.unit)
        for i, n in enumerate(self.nodes):
            self._paint_node(p, n, placed.nodes[i], placed.unit)
            p.setFont(placed.label_font)
            centre = Qt.AlignmentFlag.AlignCenter
            # on the background colour: legible where an edge passes behind
            if placed.labels[i] is not None:
                p.fillRect(placed.labels[i], QColor(style.background))
                p.setPen(QColor(style.muted))
                p.drawText(placed.labels[i], centre, n.label)
            if placed.subs[i] is not None:
                p.fillRect(placed.subs[i], QColor(style.background))
                p.setPen(QColor(n.sub_color or style.foreground))
                p.drawText(placed.subs[i], centre, n.sub)
        p.end()

    @staticmethod
    def _edge_colour(weight: float | None) -> QColor:
        if weight is None or weight == 0:
            return QColor(style.muted)
        return QColor(BLUE if weight > 0 else ORANGE)

    @staticmethod
    def _boundary(rect: QRectF, towards: QPointF) -> QPointF:
        """Where the line from the rect's centre towards ``towards`` leaves the node."""
        c = rect.center()
        dx, dy = towards.x() - c.x(), towards.y() - c.y()
        d = math.hypot(dx, dy) or 1.0
        if rect.width() > rect.height() * 1.05:  # a box: clip to the rectangle
            sx = (rect.width() / 2) / abs(dx) if dx else math.inf
            sy = (rect.height() / 2) / abs(dy) if dy else math.inf
            s = min(sx, sy)
            return QPointF(c.x() + dx * s, c.y() + dy * s)
        r = rect.width() / 2
        return QPointF(c.x() + dx / d * r, c.y() + dy / d * r)

    def _ends(self, e: Edge, rects: list[QRectF]) -> tuple[QPointF, QPointF]:
        a, b = rects[e.src], rects[e.dst]
        return self._boundary(a, b.center()), self._boundary(b, a.center())

    def _paint_edge(self, p: QPainter, e: Edge, rects, unit: float) -> None:
        start, end = self._ends(e, rects)
        col = self._edge_colour(e.weight)
        base = max(1.5, unit * 0.025)
        width = base if e.weight is None else base + unit * 0.11 * min(abs(e.weight) / W_FULL, 1)
        pen = QPen(col, width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if e.weight == 0:
            pen.setStyle(Qt.PenStyle.DashLine)
        dx, dy = end.x() - start.x(), end.y() - start.y()
        d = math.hypot(dx, dy) or 1.0
        ux, uy = dx / d, dy / d
        head = max(unit * 0.16, width * 2.2)
        tip = end
        back = QPointF(end.x() - ux * head, end.y() - uy * head)
        p.setPen(pen)
        p.drawLine(start, back)
        half = head * 0.55
        poly = QPolygonF([tip, QPointF(back.x() - uy * half, back.y() + ux * half),
                          QPointF(back.x() + uy * half, back.y() - ux * half)])
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(col)
        p.drawPolygon(poly)

    def _paint_edge_label(self, p: QPainter, e: Edge, box: tuple[QRectF, QFont],
                          unit: float) -> None:
        rect, font = box
        p.setFont(font)
        p.setPen(QPen(self._edge_colour(e.weight), max(1.5, unit * 0.03)))
        p.setBrush(QColor(style.background))
        p.drawRoundedRect(rect, rect.height() * 0.3, rect.height() * 0.3)
        p.setPen(QColor(style.foreground))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, e.label)

    def _paint_node(self, p: QPainter, n: Node, r: QRectF, unit: float) -> None:
        fg = QColor(style.foreground)
        p.setPen(QPen(fg, max(1.5, unit * 0.035)))
        p.setBrush(QColor(n.fill or style.background))
        if n.box:
            p.drawRoundedRect(r, r.height() * 0.25, r.height() * 0.25)
        else:
            p.drawEllipse(r)
        if n.glyph:
            self._paint_glyph(p, n.glyph, r)
        elif n.text:
            inner = r
            if n.caption:
                p.setFont(self._font(unit * 0.26, bold=True))
                p.setPen(QColor(style.muted))
                cap = QRectF(r.left(), r.top() + r.height() * 0.1, r.width(), r.height() * 0.32)
                p.drawText(cap, Qt.AlignmentFlag.AlignCenter, n.caption)
                inner = QRectF(r.left(), r.top() + r.height() * 0.34, r.width(),
                               r.height() * 0.5)
            size = unit * 0.42 if n.box or len(n.text) <= 2 else unit * 0.34
            font = self._font(size, bold=True)
            p.setFont(font)
            room = inner.width() * (0.95 if n.box else 0.86)
            while p.fontMetrics().horizontalAdvance(n.text) > room and font.pixelSize() > 9:
                font.setPixelSize(font.pixelSize() - 1)
                p.setFont(font)
            p.setPen(fg)
            p.drawText(inner, Qt.AlignmentFlag.AlignCenter, n.text)

    @staticmethod
    def _paint_glyph(p: QPainter, glyph: str, r: QRectF) -> None:
        """A tiny plot of the activation inside the node."""
        c, s = r.center(), r.width() * 0.3
        p.setPen(QPen(QColor(style.muted), max(1.0, s * 0.06)))
        p.drawLine(QPointF(c.x() - s, c.y() + s * 0.7), QPointF(c.x() + s, c.y() + s * 0.7))
        p.drawLine(QPointF(c.x(), c.y() - s), QPointF(c.x(), c.y() + s * 0.9))
        path = QPainterPath()
        lo, hi = c.y() + s * 0.7, c.y() - s * 0.7
        if glyph == "step":
            path.moveTo(c.x() - s, lo)
            path.lineTo(c.x(), lo)
            path.lineTo(c.x(), hi)
            path.lineTo(c.x() + s, hi)
        else:
            for i in range(41):
                u = -1.0 + i / 20.0
                y = lo + (hi - lo) / (1.0 + math.exp(-6.0 * u))
                pt = QPointF(c.x() + u * s, y)
                path.moveTo(pt) if i == 0 else path.lineTo(pt)
        p.setPen(QPen(QColor(style.foreground), max(2.0, s * 0.14)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)


def verdict(target: float | None, correct: bool | None) -> tuple[str, str]:
    """('t = 1 ✓', colour) for a gate input, ('', '') for any other point."""
    if target is None:
        return "", ""
    mark = "✓" if correct else "✗"
    return f"t = {fx(target)} {mark}", RIGHT if correct else WRONG


def neuron_graph(weights, bias, probe, z, y, activation, target, correct,
                 bias_label: str) -> tuple[list[Node], list[Edge]]:
    """x1, x2 and the bias input 1 -> Σ (z) -> g -> y, with the model's numbers."""
    sub, sub_col = verdict(target, correct)
    nodes = [
        Node(0.06, 0.12, fx(probe[0]), caption="x₁", size=1.1),
        Node(0.06, 0.50, fx(probe[1]), caption="x₂", size=1.1),
        Node(0.06, 0.88, "1", caption=bias_label, size=1.1),
        Node(0.49, 0.50, fz(z), "z", size=1.2, caption="Σ"),
        Node(0.665, 0.50, "", "step" if activation == "step" else "σ", glyph=activation),
        Node(1.00, 0.50, fy(y, activation), "y", sub, sub_col, box=True, max_w=0.22),
    ]
    edges = [
        Edge(0, 3, weights[0], f"w₁ = {fw(weights[0])}", 0.5),
        Edge(1, 3, weights[1], f"w₂ = {fw(weights[1])}", 0.5),
        Edge(2, 3, bias, f"b = {fw(bias)}", 0.5),
        Edge(3, 4, None),
        Edge(4, 5, None),
    ]
    return nodes, edges


def network_graph(network, probe, hidden, y, target, correct,
                  bias_label: str) -> tuple[list[Node], list[Edge]]:
    """The 2-2-1 network (core's weights) with its outputs at the probe."""
    sub, sub_col = verdict(target, correct)
    names = network.names
    nodes = [
        Node(0.07, 0.14, fx(probe[0]), caption="x₁", size=1.1),
        Node(0.07, 0.50, fx(probe[1]), caption="x₂", size=1.1),
        Node(0.07, 0.86, "1", caption=bias_label, size=1.1),
        Node(0.50, 0.20, fx(hidden[0]), f"h₁ {names[0]}"),
        Node(0.50, 0.55, fx(hidden[1]), f"h₂ {names[1]}"),
        Node(0.50, 0.88, "1", caption=bias_label, size=1.1),
        Node(0.90, 0.50, fx(y), f"y {names[2]}", sub, sub_col),
    ]
    edges = []
    for j, unit in enumerate(network.hidden):
        t = 0.25 if j == 0 else 0.62
        for i, w in enumerate(unit.weights):
            edges.append(Edge(i, 3 + j, w, fx(w), t, NET_LABEL))
        edges.append(Edge(2, 3 + j, unit.bias, fx(unit.bias), t, NET_LABEL))
    out = network.output
    for j, w in enumerate(out.weights):
        edges.append(Edge(3 + j, 6, w, fx(w), 0.45, NET_LABEL))
    edges.append(Edge(5, 6, out.bias, fx(out.bias), 0.45, NET_LABEL))
    return nodes, edges
