"""The canvas that paints a backpropagation ``Scene``: nodes, edges, values and gradients.

Forward values are drawn above an edge in the forward colour, gradients below it in the
backward colour; the node being computed is filled with the highlight colour and the edges
taking part are drawn thick in the colour of the pass. Everything is laid out from the
scene's column/row positions and the current style's fonts on every paint, so the canvas
holds no state of its own.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.tabs.backprop.scene import Scene, SceneEdge, SceneNode
from desktop.theme import BACKWARD, FORWARD, YELLOW, style


@dataclass
class Text:
    """One string the canvas draws: ``role`` "forward", "backward", "param", "name", "symbol"
    (inside a node; "active" when the node is highlighted, "const" for a constant) or
    "extra"; ``rect`` in widget pixels."""

    text: str
    role: str
    rect: QRectF
    boxed: bool = False


#: fonts with good maths glyphs (∂, −, ·, σ, subscripts), best first.
LATIN_FONTS = ("DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans",
               "Noto Sans")


#: narrower faces for the numbers on a crowded canvas (the first installed one is used).
CONDENSED_FONTS = ("DejaVu Sans Condensed", "Arial Narrow", "Liberation Sans Narrow",
                   "Roboto Condensed", "Noto Sans Display Condensed")


def math_font(font: QFont, condensed: bool = False) -> QFont:
    """``font`` with a Latin family first: formulas keep the Latin font's ∂, −, · and digits
    in Korean too (a CJK font draws ∂ full-width, and "Sans Serif" may resolve to one);
    Hangul still falls back to the CJK family."""
    from desktop.i18n import HANGUL_FONTS

    installed = set(QFontDatabase.families())
    latin = [f for f in LATIN_FONTS if f in installed][:1]
    if condensed:
        latin = [f for f in CONDENSED_FONTS if f in installed][:1] + latin
    families = font.families() or [font.family()]
    font.setFamilies(latin + [f for f in families if f not in HANGUL_FONTS and f not in latin]
                     + [f for f in families if f in HANGUL_FONTS])
    return font


def role_color(role: str) -> QColor:
    if role == "forward":
        return QColor(FORWARD if not style.dark else "#56b4e9")
    if role == "backward":
        return QColor(BACKWARD if not style.dark else "#ff8a50")
    if role in ("name", "extra", "const"):
        return QColor(style.muted)
    return QColor(style.foreground)


class GraphCanvas(QWidget):
    """Paints ``model.scene()``; ``texts()`` returns what it draws (for tests)."""

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)
        self._fit_cache: tuple = (None, 1.0)  # (scene, size, scale) -> font factor

    # --- fonts and sizes -------------------------------------------------------------------
    @staticmethod
    def _fonts(fit: float) -> dict[str, QFont]:
        return {"symbol": math_font(style.font(1.5 * fit, bold=True)),
                "value": math_font(style.font(1.4 * fit, bold=True), condensed=True),
                "small": math_font(style.font(1.25 * fit))}

    def _geometry(self, scene: Scene, fonts):
        fm = QFontMetricsF(fonts["symbol"])
        radius = max(fm.height() * 0.72, 12.0)
        vh = QFontMetricsF(fonts["value"]).height()
        sh = QFontMetricsF(fonts["small"]).height()
        xs = [n.x for n in scene.nodes]
        ys = [n.y for n in scene.nodes]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        w, h = self.width(), self.height()
        widest = max((fm.horizontalAdvance(n.symbol) for n in scene.nodes), default=0.0)
        margin_x = max(radius, widest / 2 + fm.height() * 0.6) + 10
        right = margin_x + max((fm.horizontalAdvance(n.name) for n in scene.nodes
                                if n.kind == "end"), default=0.0)
        # above a node: its value and name; below: a gradient and a bias.
        top = radius + vh + sh + 8
        bottom = radius + vh + sh + 8
        sx = (w - margin_x - right) / (x1 - x0) if x1 > x0 else 0.0
        sy = (h - top - bottom) / (y1 - y0) if y1 > y0 else 0.0
        off_y = top + (h - top - bottom - sy * (y1 - y0)) / 2

        def to_px(x: float, y: float) -> QPointF:
            px = w / 2 if x1 == x0 else margin_x + (x - x0) * sx
            return QPointF(px, off_y + (y - y0) * sy)

        return to_px, radius

    def _node_rect(self, node: SceneNode, centre: QPointF, radius: float, fonts) -> QRectF:
        if node.kind == "end":
            return QRectF(centre.x(), centre.y(), 0, 0)
        small = node.kind == "const"
        fm = QFontMetricsF(fonts["small"] if small else fonts["symbol"])
        text_w = fm.horizontalAdvance(node.symbol)
        if node.kind in ("op", "neuron", "loss"):
            r = radius * (1.12 if node.kind == "neuron" else 1.0)
            width = max(2 * r, text_w + fm.height() * 0.9)
            return QRectF(centre.x() - width / 2, centre.y() - r, width, 2 * r)
        height = fm.height() * 1.4
        width = max(text_w + fm.height() * 0.9, height * 1.3)
        return QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)

    # --- what is drawn ------------------------------------------------------------------------
    def fit(self) -> float:
        """The font factor for the current graph and size: the biggest (down to what is still
        about normal-size text) at which the texts of its fullest stage do not overlap. Taken
        from the fullest stage so that the size does not jump while stepping."""
        key = (self.model.fit_key, self.width(), self.height(), style.scale)
        if self._fit_cache[0] != key:
            full = self.model.fit_scene()
            lowest = min(1.0, 0.75 / style.scale)
            fit, best = 1.0, (None, 1.0)
            while fit >= lowest - 1e-9:
                overlap = self._layout_at(full, fit)[1]
                if best[0] is None or overlap < best[0]:
                    best = (overlap, fit)
                if overlap == 0.0:
                    break
                fit -= 0.05
            self._fit_cache = (key, best[1])
        return self._fit_cache[1]

    def layout_scene(self, scene: Scene):
        """(fonts, node rects by key, edge segments, texts) for the current size."""
        return self._layout_at(scene, self.fit())[0]

    @staticmethod
    def _text(text: str, role: str, fm: QFontMetricsF, cx: float, top: float,
              boxed: bool = False) -> Text:
        width = fm.horizontalAdvance(text) + 6
        return Text(text, role, QRectF(cx - width / 2, top, width, fm.height()), boxed)

    def _layout_at(self, scene: Scene, fit: float):
        fonts = self._fonts(fit)
        to_px, radius = self._geometry(scene, fonts)
        rects = {n.key: self._node_rect(n, to_px(n.x, n.y), radius, fonts) for n in scene.nodes}
        vfm = QFontMetricsF(fonts["value"])
        sfm = QFontMetricsF(fonts["small"])
        texts: list[Text] = []
        for n in scene.nodes:
            r = rects[n.key]
            if n.kind == "end":
                if n.name:
                    t = self._text(n.name, "param", vfm, 0, r.y() - vfm.height() / 2)
                    t.rect.moveLeft(r.x() + 6)
                    texts.append(t)
                continue
            role = "const" if n.kind == "const" else ("active" if n.active else "symbol")
            texts.append(Text(n.symbol, role, r))
            y = r.top() - 2
            for text, role, fm in ((n.value, "forward", vfm), (n.name, "name", sfm)):
                if text:
                    y -= fm.height()
                    texts.append(self._text(text, role, fm, r.center().x(), y, boxed=True))
            y = r.bottom() + 2
            for text, role, fm in ((n.grad, "backward", vfm), (n.extra, "extra", sfm)):
                if text:
                    texts.append(self._text(text, role, fm, r.center().x(), y, boxed=True))
                    y += fm.height()
        occupied = list(rects.values()) + [t.rect for t in texts]
        overlap = _overlap(texts[i].rect for i in range(len(texts)))
        segments = []
        for e in sorted(scene.edges, key=lambda e: not e.active):
            a, b = rects[e.src].center(), rects[e.dst].center()
            segments.append((e, a, b))
            above = [t for t in ((e.param, "param"), (e.value, "forward")) if t[0]]
            below = [(e.grad, "backward")] if e.grad else []
            if not above and not below:
                continue
            best = None
            for at in _candidates(e.at):
                p = a + (b - a) * at
                block = []
                y = p.y() - 2 - vfm.height() * len(above)
                for text, role in above:
                    block.append(self._text(text, role, vfm, p.x(), y, boxed=True))
                    y += vfm.height()
                y = p.y() + 2
                for text, role in below:
                    block.append(self._text(text, role, vfm, p.x(), y, boxed=True))
                cost = sum(_area(t.rect, o) for t in block for o in occupied)
                if best is None or cost < best[0] - 1e-6:
                    best = (cost, block)
                if cost == 0.0:
                    break
            overlap += best[0]
            texts.extend(best[1])
            occupied.extend(t.rect for t in best[1])
        return (fonts, rects, segments, texts), overlap
    def texts(self) -> list[Text]:
        return self.layout_scene(self.model.scene())[3]

    # --- painting -------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        scene = self.model.scene()
        fonts, rects, segments, texts = self.layout_scene(scene)
        segments.sort(key=lambda seg: seg[0].active)  # the active edges on top
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(style.background))
        pass_color = role_color(scene.role if scene.role != "neutral" else "param")
        for e, a, b in segments:
            self._draw_edge(p, e, a, b, rects, pass_color)
        for n in scene.nodes:
            self._draw_node(p, n, rects[n.key], fonts, pass_color)
        self._draw_texts(p, texts, fonts)
        p.end()

    def _draw_edge(self, p: QPainter, e: SceneEdge, a: QPointF, b: QPointF, rects,
                   pass_color: QColor) -> None:
        width = style.line_width * (1.6 if e.active else 0.75)
        color = pass_color if e.active else QColor(style.muted)
        p.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        end = b
        if e.dst == "end":
            end = QPointF(b.x() - 2, b.y())
        p.drawLine(a, end)
        if e.dst == "end":
            size = 6 + width * 2
            path = QPainterPath(end)
            path.lineTo(end.x() - size, end.y() - size * 0.6)
            path.lineTo(end.x() - size, end.y() + size * 0.6)
            path.closeSubpath()
            p.fillPath(path, color)

    def _draw_node(self, p: QPainter, n: SceneNode, r: QRectF, fonts, pass_color) -> None:
        if n.kind == "end":
            return
        fill = QColor("#2a2e33" if style.dark else "#f4f6f8")
        if n.active:
            fill = QColor(YELLOW)
            fill.setAlpha(230 if style.dark else 200)
        outline = pass_color if n.active else QColor(style.muted)
        width = style.line_width * (1.6 if n.active else 0.75)
        pen = QPen(outline, width)
        if n.kind in ("data", "target"):
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(fill)
        if n.kind in ("op", "neuron", "loss"):
            radius = r.height() / 2
            p.drawRoundedRect(r, radius, radius)
        else:
            p.drawRoundedRect(r, 6, 6)

    def _draw_texts(self, p: QPainter, texts: list[Text], fonts) -> None:
        box = QColor(style.background)
        box.setAlpha(225)
        for t in texts:
            if t.role in ("symbol", "active"):
                p.setFont(fonts["symbol"])
                color = QColor("#1a1a1a" if t.role == "active" else style.foreground)
            elif t.role in ("name", "extra", "const"):
                p.setFont(fonts["small"])
                color = role_color(t.role)
            else:
                p.setFont(fonts["value"])
                color = role_color(t.role)
            if t.boxed:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(box)
                p.drawRoundedRect(t.rect, 4, 4)
            p.setPen(color)
            p.drawText(t.rect, Qt.AlignmentFlag.AlignCenter, t.text)


def _candidates(at: float) -> list[float]:
    """Where along an edge its texts may go, the preferred place first."""
    out = [at]
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78):
        if all(abs(t - o) > 0.04 for o in out):
            out.append(t)
    return out


def _area(a: QRectF, b: QRectF) -> float:
    """Overlap of two rectangles in px², ignoring slivers of a few pixels."""
    r = a.intersected(b)
    return 0.0 if r.isEmpty() or r.width() < 3 or r.height() < 3 else r.width() * r.height()


def _overlap(rects) -> float:
    rects = list(rects)
    return sum(_area(a, b) for i, a in enumerate(rects) for b in rects[i + 1:])
