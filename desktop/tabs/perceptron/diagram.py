"""Neuron diagrams painted with QPainter: nodes, weighted edges, live numbers.

``GraphCanvas`` draws whatever graph it is given (a list of ``Node`` and ``Edge``); the two
builders turn the model's numbers into the single neuron (x1, x2, 1 -> Σ -> g -> y) and the
2-2-1 XOR network. Edge colour is the weight's sign (blue positive, orange negative, as in
TensorFlow Playground), thickness its magnitude. Sizes follow the widget, so the diagram
fills whatever room the splitter gives it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.tabs.perceptron.text import fw, fx, fy, fz
from desktop.theme import BLUE, ORANGE, RIGHT, WRONG, style

W_FULL = 3.0  # |w| drawn at full thickness


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


class GraphCanvas(QWidget):
    """Paints a small feed-forward graph; call ``set_graph`` then it repaints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nodes: list[Node] = []
        self.edges: list[Edge] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 120)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(480, 330)

    def set_graph(self, nodes: list[Node], edges: list[Edge]) -> None:
        self.nodes, self.edges = nodes, edges
        self.update()

    # --- geometry -------------------------------------------------------------------------
    def _unit(self) -> float:
        """The basic node diameter in pixels."""
        return max(24.0, min(self.width() / 6.6, self.height() / 3.5))

    def _font(self, px: float, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(max(9, int(px)))
        f.setBold(bold)
        return f

    def _rects(self, unit: float) -> list[QRectF]:
        """Each node's rectangle, kept inside the widget."""
        out = []
        w, h = self.width(), self.height()
        margin = unit * 0.12
        for n in self.nodes:
            if n.box:
                fm_w = len(n.text) * unit * 0.25 + unit * 0.35
                if n.max_w:
                    fm_w = min(fm_w, n.max_w * w)
                bw, bh = max(unit * 0.9, fm_w), unit * 0.8
            else:
                bw = bh = unit * 0.84 * n.size
            cx = min(max(n.x * w, margin + bw / 2), w - margin - bw / 2)
            top = margin + bh / 2 + (unit * 0.4 if n.label and not n.label_below else 0.0)
            bottom = h - margin - bh / 2 - (unit * 0.4 if n.sub or n.label_below else 0.0)
            cy = min(max(n.y * h, top), bottom)
            out.append(QRectF(cx - bw / 2, cy - bh / 2, bw, bh))
        return out

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(style.background))
        if not self.nodes:
            return
        unit = self._unit()
        rects = self._rects(unit)
        for e in self.edges:
            self._paint_edge(p, e, rects, unit)
        for e in self.edges:
            if e.label:
                self._paint_edge_label(p, e, rects, unit)
        for n, r in zip(self.nodes, rects):
            self._paint_node(p, n, r, unit)
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

    def _paint_edge_label(self, p: QPainter, e: Edge, rects, unit: float) -> None:
        start, end = self._ends(e, rects)
        at = QPointF(start.x() + (end.x() - start.x()) * e.t,
                     start.y() + (end.y() - start.y()) * e.t)
        length = math.hypot(end.x() - start.x(), end.y() - start.y())
        level = abs(end.y() - start.y()) < 0.2 * length
        px = unit * 0.31
        while True:
            p.setFont(self._font(px, bold=True))
            fm = p.fontMetrics()
            tw, th = fm.horizontalAdvance(e.label) + unit * 0.16, fm.height() + unit * 0.04
            # a level edge: keep its label between the two nodes (shrink it if need be)
            if not level or tw <= length * 0.92 or px <= unit * 0.22:
                break
            px -= 1.0
        box = QRectF(at.x() - tw / 2, at.y() - th / 2, tw, th)
        p.setPen(QPen(self._edge_colour(e.weight), max(1.5, unit * 0.03)))
        p.setBrush(QColor(style.background))
        p.drawRoundedRect(box, th * 0.3, th * 0.3)
        p.setPen(QColor(style.foreground))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, e.label)

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
        if n.label:
            p.setFont(self._font(unit * 0.34, bold=True))
            p.setPen(QColor(style.muted))
            if n.label_below:
                where = QRectF(r.center().x() - unit * 1.5, r.bottom() + unit * 0.02,
                               unit * 3.0, unit * 0.42)
                align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            else:
                where = QRectF(r.center().x() - unit * 1.5, r.top() - unit * 0.42, unit * 3.0,
                               unit * 0.4)
                align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
            p.drawText(self._inside(self._hug(p, where, n.label)), align, n.label)
        if n.sub:
            p.setFont(self._font(unit * 0.34, bold=True))
            p.setPen(QColor(n.sub_color or style.foreground))
            below = QRectF(r.center().x() - unit * 1.6, r.bottom() + unit * 0.02, unit * 3.2,
                           unit * 0.42)
            p.drawText(self._inside(self._hug(p, below, n.sub)),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, n.sub)

    @staticmethod
    def _hug(p: QPainter, r: QRectF, text: str) -> QRectF:
        """``r`` narrowed to the text's width, same centre."""
        w = p.fontMetrics().horizontalAdvance(text) + 4
        return QRectF(r.center().x() - w / 2, r.top(), w, r.height())

    def _inside(self, r: QRectF) -> QRectF:
        """``r`` moved sideways so that it lies inside the widget."""
        dx = max(0.0, -r.left()) - max(0.0, r.right() - self.width())
        return r.translated(dx, 0.0)

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
            edges.append(Edge(i, 3 + j, w, fx(w), t))
        edges.append(Edge(2, 3 + j, unit.bias, fx(unit.bias), t))
    out = network.output
    for j, w in enumerate(out.weights):
        edges.append(Edge(3 + j, 6, w, fx(w), 0.45))
    edges.append(Edge(5, 6, out.bias, fx(out.bias), 0.45))
    return nodes, edges
