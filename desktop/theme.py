"""One style for the whole app: light/dark, projector mode, and the colours that mean things.

Views read ``style`` (the module-level instance) and re-apply themselves when
``style.changed`` fires. Colours are colour-blind safe and used consistently:

* classes: orange (class 0 / label -1) and blue (class 1 / label +1), as in TensorFlow
  Playground, then Okabe-Ito green and reddish purple for classes 2 and 3;
* diverging maps (weights, outputs in [-1, 1]): orange - neutral grey - blue;
* forward values vs backward gradients: blue vs vermilion;
* right vs wrong: bluish green vs vermilion.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont

ORANGE = "#f59322"
BLUE = "#0877bd"
GREEN = "#009e73"
PURPLE = "#cc79a7"
VERMILION = "#d55e00"
SKY = "#56b4e9"
YELLOW = "#f0e442"
NEUTRAL = "#e8eaeb"

CLASS_COLORS = (ORANGE, BLUE, GREEN, PURPLE)
#: a qualitative palette for series (optimizers, activations): Okabe-Ito order.
SERIES_COLORS = ("#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9",
                 "#7a5c00", "#000000")
FORWARD = "#0072b2"
BACKWARD = VERMILION
RIGHT = GREEN
WRONG = VERMILION


def diverging_lut(n: int = 256, dark: bool = False) -> np.ndarray:
    """(n, 4) uint8 lookup table orange (-1) -> neutral (0) -> blue (+1)."""
    mid = np.array(QColor("#3a3f44" if dark else NEUTRAL).getRgb()[:3], float)
    lo = np.array(QColor(ORANGE).getRgb()[:3], float)
    hi = np.array(QColor(BLUE).getRgb()[:3], float)
    t = np.linspace(-1.0, 1.0, n)[:, None]
    rgb = np.where(t < 0, mid + (lo - mid) * (-t), mid + (hi - mid) * t)
    lut = np.empty((n, 4), np.uint8)
    lut[:, :3] = np.clip(np.round(rgb), 0, 255).astype(np.uint8)
    lut[:, 3] = 255
    return lut


class Style(QObject):
    """The current look. Change it with the setters; views listen to ``changed``."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.dark = False
        self.projector = False
        #: the projector scale the teacher sets with Ctrl +/- (1.0 = normal).
        self.zoom = 1.0
        self.base_point_size = 11.0

    # --- setters --------------------------------------------------------------------
    def set_dark(self, dark: bool) -> None:
        if dark != self.dark:
            self.dark = bool(dark)
            self.changed.emit()

    def set_projector(self, on: bool) -> None:
        if on != self.projector:
            self.projector = bool(on)
            self.changed.emit()

    def set_zoom(self, zoom: float) -> None:
        zoom = float(min(3.0, max(0.5, zoom)))
        if abs(zoom - self.zoom) > 1e-9:
            self.zoom = zoom
            self.changed.emit()

    # --- derived values ---------------------------------------------------------------
    @property
    def scale(self) -> float:
        """Overall size factor: projector mode doubles fonts and lines, times the zoom."""
        return (1.6 if self.projector else 1.0) * self.zoom

    @property
    def point_size(self) -> float:
        return self.base_point_size * self.scale

    def font(self, factor: float = 1.0, bold: bool = False) -> QFont:
        f = QFont()
        f.setPointSizeF(max(6.0, self.point_size * factor))
        f.setBold(bold)
        return f

    @property
    def line_width(self) -> float:
        return (3.5 if self.projector else 2.0) * self.zoom

    @property
    def marker_size(self) -> float:
        return (14.0 if self.projector else 9.0) * self.zoom

    @property
    def indicator_size(self) -> int:
        """Side in px of check box and radio button indicators: about a capital letter's
        height at the current text size (Fusion draws them 13-14 px whatever the font, which
        is tiny beside projector-sized text)."""
        from PySide6.QtGui import QFontMetricsF

        return max(13, round(0.8 * QFontMetricsF(self.font()).height()))

    def indicator_sheet(self, kind: str = "QCheckBox", extra: str = "") -> str:
        """A style sheet for ``kind`` ("QCheckBox" or "QRadioButton") whose indicator grows
        with the text (the style still draws it: only its size and the gap are set), plus
        ``extra`` rules for the button itself."""
        side = self.indicator_size
        gap = max(4, round(side * 0.35))
        return (f"{kind} {{ spacing: {gap}px; {extra} }} "
                f"{kind}::indicator {{ width: {side}px; height: {side}px; }}")

    @property
    def background(self) -> str:
        return "#1e2124" if self.dark else "#ffffff"

    @property
    def foreground(self) -> str:
        return "#f0f0f0" if self.dark else "#1a1a1a"

    @property
    def muted(self) -> str:
        return "#9aa0a6" if self.dark else "#5f6368"

    @property
    def grid_alpha(self) -> float:
        return 0.25 if self.dark else 0.2

    def lut(self) -> np.ndarray:
        return diverging_lut(dark=self.dark)

    def pen(self, color: str, width: float | None = None, **kw) -> pg.functions.QtGui.QPen:
        return pg.mkPen(color, width=self.line_width if width is None else width, **kw)

    def style_plot(self, plot: pg.PlotItem | pg.PlotWidget) -> None:
        """Apply background, axis fonts, pens and grid to a pyqtgraph plot."""
        item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
        if isinstance(plot, pg.PlotWidget):
            plot.setBackground(self.background)
        tick_font = self.font(0.9)
        for name in ("left", "bottom", "right", "top"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(self.muted, width=max(1.0, self.line_width / 2)))
            axis.setTextPen(pg.mkPen(self.foreground))
            axis.setStyle(tickFont=tick_font, tickTextOffset=int(4 * self.scale))
            axis.label.setFont(self.font(1.0))
        item.showGrid(x=True, y=True, alpha=self.grid_alpha)
        if item.titleLabel is not None:
            item.titleLabel.item.setFont(self.font(1.1, bold=True))
            item.titleLabel.setAttr("color", self.foreground)
        legend = item.legend
        if legend is not None:
            legend.setLabelTextColor(self.foreground)
            legend.setLabelTextSize(f"{self.point_size:.0f}pt")

    def html_color(self, name: str) -> str:
        return {"fg": self.foreground, "muted": self.muted}.get(name, name)


style = Style()
