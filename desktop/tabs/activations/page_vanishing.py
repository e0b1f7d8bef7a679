"""Vanishing gradients: the product of g'(z_l) over n layers, on a log scale."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.tabs.activations import curves
from desktop.tabs.activations.texts import tr_core
from desktop.tabs.activations.widgets import (
    FloatSlider,
    axis_label,
    make_plot,
    math_html,
    rich_label,
    sci,
    series_colour,
    swatch,
)
from desktop.theme import style
from desktop.widgets import fit_scroll_width

#: products below this are drawn at the floor (0 cannot be shown on a log axis).
FLOOR = 1e-40
COLOUR_INDEX = {"sigmoid": 0, "tanh": 1, "relu": 2}


class VanishingPage(QWidget):
    """Lines for sigmoid, tanh and ReLU, the 0.25^n bound dashed, and sliders for n, μ, σ."""

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.explain = rich_label()
        self.readout = rich_label()
        self.plot = make_plot()
        pi = self.plot.getPlotItem()
        pi.setLogMode(x=False, y=True)
        self.items = {name: pi.plot([], [], connect="finite")
                      for name in (*curves.VANISHING_ACTIVATIONS, "bound")}
        self.zero_marks = pg.ScatterPlotItem()
        pi.addItem(self.zero_marks)
        self.depth_line = pg.InfiniteLine(model.depth, angle=90)
        pi.addItem(self.depth_line, ignoreBounds=True)
        self.controls = QWidget()
        grid = QGridLayout(self.controls)
        grid.setContentsMargins(0, 0, 0, 0)
        self.depth_label, self.centre_label, self.spread_label = QLabel(), QLabel(), QLabel()
        self.depth_slider = FloatSlider(1, curves.MAX_DEPTH, steps=curves.MAX_DEPTH - 1,
                                        digits=0)
        self.centre_slider = FloatSlider(-4.0, 4.0, steps=80, digits=1)
        self.spread_slider = FloatSlider(0.0, 3.0, steps=30, digits=1)
        self.depth_slider.value_changed.connect(lambda v: self.model.set_depth(round(v)))
        self.centre_slider.value_changed.connect(self.model.set_z_centre)
        self.spread_slider.value_changed.connect(self.model.set_z_spread)
        for row, (lab, s) in enumerate(((self.depth_label, self.depth_slider),
                                        (self.centre_label, self.centre_slider),
                                        (self.spread_label, self.spread_slider))):
            grid.addWidget(lab, row, 0)
            grid.addWidget(s, row, 1)
        grid.setColumnStretch(1, 1)
        side = QWidget()
        side_lay = QVBoxLayout(side)
        side_lay.addWidget(self.readout)
        side_lay.addSpacing(6)
        side_lay.addWidget(self.controls)
        side_lay.addSpacing(6)
        side_lay.addWidget(self.explain)
        side_lay.addStretch(1)
        self.side_scroll = QScrollArea()
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setWidget(side)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.plot)
        split.addWidget(self.side_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([620, 380])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        model.vanishing_changed.connect(self.refresh)
        self.retranslate()
        self.apply_style()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        fit_scroll_width(self.side_scroll)

    def _label(self, name: str) -> str:
        from core.activations import get

        return tr_core(get(name).label)

    def refresh(self) -> None:
        n = self.model.depth
        products = self.model.gradient_products()
        layers = np.arange(1, curves.MAX_DEPTH + 1, dtype=float)
        lw = style.line_width
        zx, zy, zb = [], [], []
        lowest = 1.0
        for name, item in self.items.items():
            y = products[name][:n].astype(float)
            dead = y <= FLOOR  # once 0, a product stays 0: keep the live prefix only
            x_live, y_live = layers[:n][~dead], y[~dead]
            if name == "bound":
                item.setData(x_live, y_live)
                item.setPen(pg.mkPen(style.muted, width=lw, style=Qt.PenStyle.DashLine))
                item.setSymbol(None)
            else:
                c = series_colour(COLOUR_INDEX[name])
                item.setData(x_live, y_live)
                item.setPen(pg.mkPen(c, width=lw))
                item.setSymbol("o")
                item.setSymbolSize(style.marker_size * 0.8)
                item.setSymbolBrush(c)
                item.setSymbolPen(pg.mkPen(c))
                if dead.any():  # the first layer whose product is 0: mark it at the floor
                    first = int(np.argmax(dead))
                    zx.append(layers[first])
                    zb.append(pg.mkBrush(c))
            if y_live.size:
                lowest = min(lowest, float(y_live.min()))
        floor_log = max(math.log10(FLOOR), math.floor(math.log10(lowest)) - 1)
        zy = [floor_log + 0.15] * len(zx)  # a scatter item is not log-mapped: view units
        self.zero_marks.setData(zx, zy, symbol="x", size=style.marker_size * 1.4, brush=zb,
                                pen=[pg.mkPen(b.color(), width=3) for b in zb])
        pi = self.plot.getPlotItem()
        pi.setXRange(0.5, curves.MAX_DEPTH + 0.5, padding=0)
        pi.setYRange(floor_log, 0.5, padding=0)
        self.depth_line.setValue(n)
        self.depth_line.setPen(pg.mkPen(style.foreground, width=max(1.0, lw / 2),
                                        style=Qt.PenStyle.DotLine))
        self.depth_slider.set_value(n)
        self.centre_slider.set_value(self.model.z_centre)
        self.spread_slider.set_value(self.model.z_spread)
        self._readout(products, n, bool(zx))

    def _readout(self, products, n, any_dead) -> None:
        rows = []
        for name in curves.VANISHING_ACTIVATIONS:
            c = series_colour(COLOUR_INDEX[name])
            rows.append((f"<span style=\"color:{c}\"><b>{self._label(name)}</b></span>",
                         sci(float(products[name][n - 1]))))
        rows.append((f"{swatch(style.muted, True)} 0.25<sup>{n}</sup>",
                     sci(float(products["bound"][n - 1]))))
        table = "".join(f"<tr><td style=\"padding-right:18px; white-space:nowrap\">{a}</td>"
                        f"<td align=\"right\" style=\"white-space:nowrap\"><b>{b}</b></td></tr>"
                        for a, b in rows)
        head = self.tr("After %n layers:", "", n)
        text = f"{head}<table cellspacing=\"0\">{table}</table>"
        if any_dead:
            note = self.tr("×: the product became 0 (a ReLU with z ≤ 0 passes no gradient).")
            text += f"<span style=\"color:{style.muted}; font-size:{style.point_size:.0f}pt\">"\
                    f"{note}</span>"
        self.readout.setText(text)

    # --- shell hooks ------------------------------------------------------------------
    def retranslate(self) -> None:
        prod = ("∂L/∂z<sub>1</sub> ∝ g′(z<sub>1</sub>) · g′(z<sub>2</sub>) · … · "
                "g′(z<sub>n</sub>)")
        self.explain.setText(
            math_html(prod, 1.15) + "<br>" + self.tr(
                "Backpropagation multiplies one derivative per layer. σ′ is at most 0.25, so "
                "through n sigmoid layers the gradient shrinks at least as fast as 0.25ⁿ; "
                "tanh′ ≤ 1 but is below 1 away from 0; ReLU′ is exactly 1 where the unit is "
                "active. Each layer's z is μ + σ·ε with a fixed random ε."))
        self.depth_label.setText(self.tr("Layers n"))
        self.centre_label.setText(self.tr("z centre μ"))
        self.spread_label.setText(self.tr("z spread σ"))
        axis_label(self.plot, "bottom", self.tr("layers passed"))
        axis_label(self.plot, "left", self.tr("∏ g′ (log scale)"))

        self.refresh()

    def apply_style(self) -> None:
        style.style_plot(self.plot)
        self.explain.setFont(style.font(1.0))
        self.readout.setFont(style.font(1.15))
        self.depth_slider.value_label.setFont(style.font(1.2, bold=True))
        self.retranslate()

    def monkey_actions(self) -> list:
        import random

        return [
            lambda: self.depth_slider.slider.setValue(random.randrange(0, 20)),
            lambda: self.centre_slider.slider.setValue(random.randrange(0, 81)),
            lambda: self.spread_slider.slider.setValue(random.randrange(0, 31)),
        ]
