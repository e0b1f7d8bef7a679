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


#: the biggest font factor (1 = the tab's normal sizes) and the gap to the canvas' edges, px.
MAX_FIT = 1.6  # projector mode; 1.3 otherwise, where the tab is seen from nearer
MARGIN = 10.0


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
        self._fit_cache: tuple = (None, None)  # (graph, size, scale), (font factor, box)

    # --- fonts and sizes -------------------------------------------------------------------
    @staticmethod
    def _fonts(fit: float) -> dict[str, QFont]:
        return {"symbol": math_font(style.font(1.5 * fit, bold=True)),
                "value": math_font(style.font(1.4 * fit, bold=True), condensed=True),
                "small": math_font(style.font(1.25 * fit))}

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
        """The font factor for the current graph and size (see ``frame``)."""
        return self.frame()[0]

    def frame(self) -> tuple[float, QRectF]:
        """(font factor, the rectangle the node centres span) for the current graph and size.

        The factor is the biggest, between about normal-size text and ``MAX_FIT`` (so that a
        three-node graph does not turn into a poster), at which the texts of the graph's
        fullest stage neither overlap nor leave the canvas; the rectangle is then stretched
        so that everything drawn fills the canvas up to ``MARGIN``. Both come from the
        fullest stage, so nothing moves or changes size while stepping."""
        key = (self.model.fit_key, self.width(), self.height(), style.scale, style.projector)
        if self._fit_cache[0] != key:
            full = self.model.fit_scene()
            lowest = min(1.0, 0.75 / style.scale)
            # the numbers' line height at most a ninth of the canvas' height
            line = QFontMetricsF(self._fonts(1.0)["value"]).height()
            cap = MAX_FIT if style.projector else 1.3
            highest = max(lowest, min(cap, self.height() / (9.0 * line)))
            tries = {}

            def attempt(fit: float) -> bool:
                tries[fit] = self._frame_at(full, fit)
                return tries[fit][1] == 0.0

            fit = highest
            while fit > lowest and not attempt(fit):
                fit -= 0.1
            if fit <= lowest:
                fit = lowest
                # a crowded graph on a small canvas: a little smaller rather than overlapping
                while not attempt(fit) and fit > 0.8 * lowest:
                    fit -= 0.05 * lowest
            elif fit < highest and attempt(fit + 0.05):
                fit += 0.05  # half a step finer
            if tries[fit][1] > 0.0:  # nothing fits: the least overlap
                fit = min(tries, key=lambda f: (tries[f][1], -f))
            self._fit_cache = (key, (fit, tries[fit][0], tries[fit][2]))
        return self._fit_cache[1][:2]

    def _frame_at(self, scene: Scene, fit: float) -> tuple[QRectF, float, dict]:
        """(the node centres' rectangle, overlapping + clipped area in px²) at ``fit``: lay
        out, measure how far the drawing reaches beyond the outermost node centres, and
        shrink the rectangle by that much (twice, as the edge labels move with it)."""
        fonts = self._fonts(fit)
        w, h = float(self.width()), float(self.height())
        vh = QFontMetricsF(fonts["value"]).height()
        sh = QFontMetricsF(fonts["small"]).height()
        unit = max(vh, QFontMetricsF(self._fonts(1.0)["value"]).height())
        reach = self._radius(fonts) + vh + sh
        box = QRectF(QPointF(MARGIN + reach, MARGIN + reach),
                     QPointF(w - MARGIN - reach, h - MARGIN - reach))
        xs = [n.x for n in scene.nodes]
        ys = [n.y for n in scene.nodes]
        span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
        for _ in range(2):
            laid, overlap, _places = self._layout_at(scene, fonts, box)
            drawn = _bounds(laid[1].values(), (t.rect for t in laid[3]))
            left = box.left() - drawn.left()
            right = drawn.right() - box.right()
            top = box.top() - drawn.top()
            bottom = drawn.bottom() - box.bottom()
            area = QRectF(QPointF(MARGIN + left, MARGIN + top),
                          QPointF(w - MARGIN - right, h - MARGIN - bottom))
            # an upper bound on the spacing keeps a small graph compact (and centred)
            box = _centred(area, min(area.width(), span_x * 14 * unit),
                           min(area.height(), span_y * 9 * unit))
        laid, overlap, places = self._layout_at(scene, fonts, box)
        drawn = _bounds(laid[1].values(), (t.rect for t in laid[3]))
        inside = drawn.intersected(QRectF(0, 0, w, h))
        outside = drawn.width() * drawn.height() - inside.width() * inside.height()
        if box.width() < 0 or box.height() < 0:
            outside += 1e6
        return box, overlap + max(0.0, outside), places

    @staticmethod
    def _radius(fonts) -> float:
        return max(QFontMetricsF(fonts["symbol"]).height() * 0.72, 12.0)

    def layout_scene(self, scene: Scene):
        """(fonts, node rects by key, edge segments, texts) for the current size."""
        fit, box = self.frame()
        places = dict(self._fit_cache[1][2])
        return self._layout_at(scene, self._fonts(fit), box, places)[0]

    @staticmethod
    def _text(text: str, role: str, fm: QFontMetricsF, cx: float, top: float,
              boxed: bool = False) -> Text:
        width = fm.horizontalAdvance(text) + 6
        return Text(text, role, QRectF(cx - width / 2, top, width, fm.height()), boxed)

    def _layout_at(self, scene: Scene, fonts, box: QRectF, places: dict | None = None):
        """((fonts, rects, segments, texts), overlap in px², places) with the node centres
        spread over ``box`` (a single column or row sits in its middle). ``places`` maps an
        edge to where its labels went, (gap, fraction along it); given (from the fullest
        stage), the labels go there, so that a stage's labels are a subset of the fullest
        stage's and cannot overlap where those do not."""
        places = {} if places is None else places
        radius = self._radius(fonts)
        xs = [n.x for n in scene.nodes]
        ys = [n.y for n in scene.nodes]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)

        def to_px(x: float, y: float) -> QPointF:
            px = box.center().x() if x1 == x0 else box.left() + (x - x0) / (x1 - x0) * box.width()
            py = box.center().y() if y1 == y0 else box.top() + (y - y0) / (y1 - y0) * box.height()
            return QPointF(px, py)

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
        for e in scene.edges:
            a, b = rects[e.src].center(), rects[e.dst].center()
            segments.append((e, a, b))
            above = [t for t in ((e.param, "param"), (e.value, "forward")) if t[0]]
            below = [(e.grad, "backward")] if e.grad else []
            if not above and not below:
                continue
            best = None
            # along the edge first; then also further from it, clear of a node's round side
            tries = [(g, t) for g in (2.0, 2.0 + radius) for t in _candidates(e.at)]
            if (e.src, e.dst) in places:
                tries = [places[(e.src, e.dst)]]
            for gap, at in tries:
                p = a + (b - a) * at
                block = []
                y = p.y() - gap - vfm.height() * len(above)
                for text, role in above:
                    block.append(self._text(text, role, vfm, p.x(), y, boxed=True))
                    y += vfm.height()
                y = p.y() + gap
                for text, role in below:
                    block.append(self._text(text, role, vfm, p.x(), y, boxed=True))
                cost = sum(_area(t.rect, o) for t in block for o in occupied)
                if best is None or cost < best[0] - 1e-6:
                    best = (cost, block, (gap, at))
                if cost == 0.0:
                    break
            overlap += best[0]
            places[(e.src, e.dst)] = best[2]
            texts.extend(best[1])
            occupied.extend(t.rect for t in best[1])
        return (fonts, rects, segments, texts), overlap, places
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


def _bounds(*groups) -> QRectF:
    """The smallest rectangle holding every rectangle in ``groups``."""
    rects = [r for g in groups for r in g]
    left = min(r.left() for r in rects)
    top = min(r.top() for r in rects)
    right = max(r.right() for r in rects)
    bottom = max(r.bottom() for r in rects)
    return QRectF(QPointF(left, top), QPointF(right, bottom))


def _centred(area: QRectF, width: float, height: float) -> QRectF:
    """A ``width`` x ``height`` rectangle centred in ``area``."""
    c = area.center()
    return QRectF(c.x() - width / 2, c.y() - height / 2, width, height)
