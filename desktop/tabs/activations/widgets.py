"""Small widgets and formatting helpers shared by the pages of the activations tab."""
from __future__ import annotations

import math
import re

import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from desktop.theme import SERIES_COLORS, style

#: maths in the cards and read-outs: a serif face, as on the lecture slides.
MATH_FONT = "'DejaVu Serif', 'Cambria Math', 'Times New Roman', serif"

_DARK_SUBSTITUTES = {"#000000": None, "#7a5c00": "#d9b44a", "#0072b2": "#3d9be0"}


def series_colour(i: int) -> str:
    """SERIES_COLORS[i], swapped for a lighter shade where it would vanish on dark grey."""
    c = SERIES_COLORS[i % len(SERIES_COLORS)]
    if style.dark and c in _DARK_SUBSTITUTES:
        return _DARK_SUBSTITUTES[c] or style.foreground
    return c


def num(x: float, digits: int = 3) -> str:
    """A number as a class reads it: fixed decimals, a real minus sign."""
    if not math.isfinite(x):
        return "∞" if x > 0 else ("−∞" if x < 0 else "—")
    s = f"{x:.{digits}f}"
    if s.startswith("-") and float(s) == 0.0:
        s = s[1:]
    return s.replace("-", "−")


def sci(x: float, digits: int = 2) -> str:
    """Rich text for numbers spanning many decades: 9.5 × 10<sup>−7</sup>."""
    if x == 0.0:
        return "0"
    if not math.isfinite(x):
        return num(x)
    if 1e-3 <= abs(x) < 1e4:
        return num(x, digits + 1 if abs(x) < 1 else digits)
    e = math.floor(math.log10(abs(x)))
    m = x / 10 ** e
    if round(m, digits - 1) >= 10:
        m, e = m / 10, e + 1
    return f"{num(m, digits - 1)} × 10<sup>{num(e, 0)}</sup>"


_UNBREAKABLE = {" ": "\u00a0", "|": "|\u2060"}  # Unicode lets a line end after "|"


def keep_brackets_whole(html: str, longest: int = 16) -> str:
    """No line break inside a bracket of at most ``longest`` visible characters: its spaces
    become no-break spaces and each "|" gets a word joiner (tags untouched), so neither
    "(e^z + e^−z)" nor "(|z| ≳ 5)" ends one line and starts the next; a formula then wraps
    at its top-level operators only."""
    def whole(match: re.Match) -> str:
        if len(re.sub(r"<[^>]*>", "", match.group(0))) > longest:
            return match.group(0)
        return re.sub(r"(<[^>]*>)|[ |]", lambda m: m.group(1) or _UNBREAKABLE[m.group(0)],
                      match.group(0))
    return re.sub(r"\((?:[^()]|\([^()]*\))*\)", whole, html)  # (…) and (… (…) …)


def math_html(text: str, size: float = 1.0) -> str:
    """Formula text (core's HTML with <sup>/<sub>) in the maths face at ``size`` × font;
    short brackets stay on one line (``keep_brackets_whole``)."""
    pt = style.point_size * size
    return (f"<span style=\"font-family:{MATH_FONT}; font-size:{pt:.1f}pt\">"
            f"{keep_brackets_whole(text)}</span>")


def swatch(colour: str, dashed: bool = False) -> str:
    """A short coloured line for legends inside rich text."""
    glyph = "╌╌" if dashed else "━━"
    return f"<span style=\"color:{colour}\"><b>{glyph}</b></span>"


def rich_label(parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    lab = QLabel(parent)
    lab.setTextFormat(Qt.TextFormat.RichText)
    lab.setWordWrap(wrap)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    lab.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    return lab


def make_plot(parent: QWidget | None = None, view_box: pg.ViewBox | None = None) -> pg.PlotWidget:
    """A plot for a projector: no accidental pan/zoom, no context menu, no auto-range button."""
    plot = pg.PlotWidget(parent, viewBox=view_box) if view_box else pg.PlotWidget(parent)
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    item.vb.setDefaultPadding(0.0)
    plot.setMinimumSize(120, 80)
    plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return plot


def axis_label(plot: pg.PlotWidget, side: str, text: str) -> None:
    """Axis title in the current foreground colour and size."""
    plot.getPlotItem().setLabel(side, text, color=style.foreground,
                                **{"font-size": f"{style.point_size:.0f}pt"})


def titled(plot: pg.PlotWidget) -> tuple[QWidget, QLabel]:
    """The plot under a wrapping title label (a pyqtgraph title never wraps: a long one at
    projector size would push the plot wider than its widget)."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    title = rich_label()
    title.setAlignment(Qt.AlignmentFlag.AlignCenter)
    lay.addWidget(title)
    lay.addWidget(plot, 1)
    return box, title


def set_title(label: QLabel, text: str) -> None:
    label.setText(f"<b>{text}</b>")
    label.setFont(style.font(1.1))


class FloatSlider(QWidget):
    """A horizontal slider over [lo, hi] (linear or logarithmic) with its value beside it.

    ``value_changed(float)`` fires on user moves only; ``set_value`` never emits.
    """

    value_changed = Signal(float)

    def __init__(self, lo: float, hi: float, steps: int = 200, log: bool = False,
                 digits: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lo, self.hi, self.steps, self.log, self.digits = lo, hi, steps, log, digits
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, steps)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows belong to the shell
        self.value_label = QLabel()
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.value_label)
        self.slider.valueChanged.connect(self._on_slider)

    def _to_value(self, pos: int) -> float:
        f = pos / self.steps
        if self.log:
            return math.exp(math.log(self.lo) + f * (math.log(self.hi) - math.log(self.lo)))
        return self.lo + f * (self.hi - self.lo)

    def _to_pos(self, v: float) -> int:
        v = min(self.hi, max(self.lo, v))
        if self.log:
            f = (math.log(v) - math.log(self.lo)) / (math.log(self.hi) - math.log(self.lo))
        else:
            f = (v - self.lo) / (self.hi - self.lo)
        return int(round(f * self.steps))

    def value(self) -> float:
        return self._to_value(self.slider.value())

    def set_value(self, v: float) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(self._to_pos(v))
        self.value_label.setText(num(v, self.digits))

    def _on_slider(self, pos: int) -> None:
        v = self._to_value(pos)
        self.value_label.setText(num(v, self.digits))
        self.value_changed.emit(v)


class DragViewBox(pg.ViewBox):
    """A view box that reports clicks and drags in data coordinates to ``on_drag(x, y)``
    (used to pull softmax logits up and down) instead of panning."""

    def __init__(self, on_drag, **kw) -> None:
        super().__init__(**kw)
        self.on_drag = on_drag
        self.setMouseEnabled(False, False)

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 (Qt override)
        if ev.button() == Qt.MouseButton.LeftButton:
            p = self.mapSceneToView(ev.scenePos())
            self.on_drag(p.x(), p.y())
            ev.accept()
        else:
            ev.ignore()

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802 (Qt override)
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        if ev.isStart():
            self._drag_x = self.mapSceneToView(ev.buttonDownScenePos()).x()
        p = self.mapSceneToView(ev.scenePos())
        self.on_drag(getattr(self, "_drag_x", p.x()), p.y())


def qcolor(c: str, alpha: int = 255) -> QColor:
    q = QColor(c)
    q.setAlpha(alpha)
    return q
