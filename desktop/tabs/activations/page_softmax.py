"""Softmax: editable logits (spin boxes or drag the bars) -> probabilities, with temperature."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.tabs.activations.widgets import (
    DragViewBox,
    FloatSlider,
    axis_label,
    make_plot,
    math_html,
    num,
    rich_label,
    series_colour,
    set_title,
    titled,
)
from desktop.theme import style
from desktop.widgets import fit_scroll_width

MAX_CLASSES = 8
LOGIT_VIEW = 6.0
SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"


def sub(i: int) -> str:
    return "".join(SUBSCRIPTS[int(d)] for d in str(i))


class SoftmaxPage(QWidget):
    """The logits z above p = softmax(z / T), class k in the same column of both; the
    controls and the explanation in a side panel."""

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.explain = rich_label()
        self.logit_plot = make_plot(view_box=DragViewBox(self._on_drag))
        self.prob_plot = make_plot()
        logit_box, self.logit_title = titled(self.logit_plot)
        prob_box, self.prob_title = titled(self.prob_plot)
        plots = QWidget()
        col = QVBoxLayout(plots)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(logit_box, 1)
        col.addWidget(prob_box, 1)
        self._build_items()
        self._build_controls()
        self.readout = rich_label()
        side = QWidget()
        side_lay = QVBoxLayout(side)
        side_lay.addWidget(self.explain)
        side_lay.addSpacing(6)
        side_lay.addWidget(self.readout)
        side_lay.addSpacing(6)
        side_lay.addWidget(self.controls)
        side_lay.addStretch(1)
        self.side_scroll = QScrollArea()
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setWidget(side)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(plots)
        split.addWidget(self.side_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        model.softmax_changed.connect(self.refresh)
        self.retranslate()
        self.apply_style()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        fit_scroll_width(self.side_scroll)

    def _build_items(self) -> None:
        lp, pp = self.logit_plot.getPlotItem(), self.prob_plot.getPlotItem()
        self.logit_bars = pg.BarGraphItem(x=[0], height=[0], width=0.6)
        self.prob_bars = pg.BarGraphItem(x=[0], height=[0], width=0.6)
        self.point_bars = pg.BarGraphItem(x=[0], height=[0], width=0.35)
        lp.addItem(self.logit_bars)
        pp.addItem(self.prob_bars)
        pp.addItem(self.point_bars)
        self.zero_line = pg.InfiniteLine(0, angle=0)
        lp.addItem(self.zero_line, ignoreBounds=True)
        self.logit_texts = [pg.TextItem(anchor=(0.5, 1.0)) for _ in range(MAX_CLASSES)]
        self.prob_texts = [pg.TextItem(anchor=(0.5, 1.0)) for _ in range(MAX_CLASSES)]
        for t in self.logit_texts:
            lp.addItem(t)
        for t in self.prob_texts:
            pp.addItem(t)
        pp.setYRange(0, 1.12, padding=0)
        lp.setYRange(-LOGIT_VIEW, LOGIT_VIEW, padding=0)

    def _build_controls(self) -> None:
        self.controls = QWidget()
        grid = QGridLayout(self.controls)
        grid.setContentsMargins(0, 0, 0, 0)
        self.logits_label = QLabel()
        spin_grid = QGridLayout()
        spin_grid.setContentsMargins(0, 0, 0, 0)
        self.spins = []
        for i in range(MAX_CLASSES):
            s = QDoubleSpinBox()
            s.setRange(-10.0, 10.0)
            s.setSingleStep(0.1)
            s.setDecimals(2)
            s.setKeyboardTracking(False)
            s.setPrefix(f"z{sub(i + 1)} = ")
            s.valueChanged.connect(lambda v, i=i: self._on_spin(i, v))
            s.lineEdit().returnPressed.connect(self.setFocus)  # hand the arrows back
            self.spins.append(s)
            spin_grid.addWidget(s, i // 2, i % 2)  # two per row in the side panel
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.add_button.clicked.connect(self.model.add_class)
        self.remove_button.clicked.connect(self.model.remove_class)
        for b in (self.add_button, self.remove_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        self.temp_label = QLabel()
        self.temp_slider = FloatSlider(0.1, 10.0, steps=400, log=True, digits=2)
        self.temp_slider.value_changed.connect(self.model.set_temperature)
        self.temp_hint = rich_label()
        self.pointwise_box = QCheckBox()
        self.pointwise_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pointwise_box.toggled.connect(self.model.set_pointwise)
        buttons.addStretch(1)
        grid.addWidget(self.logits_label, 0, 0, 1, 2)
        grid.addLayout(spin_grid, 1, 0, 1, 2)
        grid.addLayout(buttons, 2, 0, 1, 2)
        grid.addWidget(self.temp_label, 3, 0)
        grid.addWidget(self.temp_slider, 3, 1)
        grid.addWidget(self.temp_hint, 4, 0, 1, 2)
        grid.addWidget(self.pointwise_box, 5, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    # --- model -> view ----------------------------------------------------------------
    def refresh(self) -> None:
        z = np.array(self.model.logits)
        k = len(z)
        p = self.model.probabilities()
        x = np.arange(k, dtype=float)
        colours = [series_colour(i) for i in range(k)]
        brushes = [pg.mkBrush(c) for c in colours]
        pen = pg.mkPen(style.foreground, width=1)
        self.logit_bars.setOpts(x=x, height=z, width=0.6, brushes=brushes, pen=pen)
        pointwise = self.model.pointwise
        px = x - 0.2 if pointwise else x
        self.prob_bars.setOpts(x=px, height=p, width=0.38 if pointwise else 0.6,
                               brushes=brushes, pen=pen)
        s = self.model.pointwise_sigmoid()
        self.point_bars.setVisible(pointwise)
        if pointwise:
            self.point_bars.setOpts(
                x=x + 0.2, height=s, width=0.38, brush=pg.mkBrush(0, 0, 0, 0),
                pens=[pg.mkPen(c, width=style.line_width, style=Qt.PenStyle.DashLine)
                      for c in colours])
        font = style.font(1.0, bold=True)
        for i in range(MAX_CLASSES):
            lt, pt = self.logit_texts[i], self.prob_texts[i]
            lt.setVisible(i < k)
            pt.setVisible(i < k)
            if i >= k:
                continue
            lt.setText(num(z[i], 2), color=style.foreground)
            lt.setFont(font)
            zi = float(np.clip(z[i], -LOGIT_VIEW, LOGIT_VIEW - 0.8))
            lt.setAnchor((0.5, 1.0) if z[i] >= 0 else (0.5, 0.0))
            lt.setPos(i, zi)
            pt.setText(num(p[i], 2), color=style.foreground)
            pt.setFont(font)
            pt.setPos(px[i], min(float(p[i]), 1.0) + 0.01)
        for plot, name in ((self.logit_plot, "z"), (self.prob_plot, "p")):
            ax = plot.getPlotItem().getAxis("bottom")
            ax.setTicks([[(i, f"{name}{sub(i + 1)}") for i in range(k)]])
            plot.getPlotItem().setXRange(-0.6, k - 0.4, padding=0)
        for i, spin in enumerate(self.spins):
            spin.setVisible(i < k)
            if i < k and not spin.hasFocus():
                with QSignalBlocker(spin):
                    spin.setValue(z[i])
        self.add_button.setEnabled(k < MAX_CLASSES)
        self.remove_button.setEnabled(k > 2)
        self.temp_slider.set_value(self.model.temperature)
        with QSignalBlocker(self.pointwise_box):
            self.pointwise_box.setChecked(pointwise)
        self._readout(p, s)

    def _readout(self, p, s) -> None:
        t = self.model.temperature
        total = self.tr("Σ p<sub>k</sub> = %1: always a probability distribution").replace(
            "%1", f"<b>{num(float(np.sum(p)), 3)}</b>")
        parts = [f"T = <b>{num(t, 2)}</b> &nbsp;·&nbsp; {total}"]
        if self.model.pointwise:
            parts.append(f"<span style=\"color:{style.muted}\">"
                         + self.tr("dashed: σ(z<sub>k</sub> / T) on each score alone, "
                                   "Σ = %1 — not a distribution").replace(
                                       "%1", f"<b>{num(float(np.sum(s)), 3)}</b>")
                         + "</span>")
        self.readout.setText("<br>".join(parts))

    # --- view -> model ----------------------------------------------------------------
    def _on_spin(self, i: int, v: float) -> None:
        if i < len(self.model.logits):
            self.model.set_logit(i, v)

    def _on_drag(self, x: float, y: float) -> None:
        i = int(round(x))
        if 0 <= i < len(self.model.logits):
            self.model.set_logit(i, round(max(-LOGIT_VIEW, min(LOGIT_VIEW, y)) * 10) / 10)

    # --- shell hooks ------------------------------------------------------------------
    def retranslate(self) -> None:
        formula = ("p<sub>k</sub> = e<sup>z<sub>k</sub> / T</sup> / "
                   "Σ<sub>j</sub> e<sup>z<sub>j</sub> / T</sup>")
        self.explain.setText(
            f"{math_html(formula, 1.25)}<br>"
            + self.tr("Softmax acts on the <b>whole vector</b> of scores, not on each number "
                      "alone: raise one logit and every other probability falls."))
        set_title(self.logit_title, self.tr("Logits z (drag the bars)"))
        set_title(self.prob_title, self.tr("↓ Probabilities p = softmax(z / T)"))
        axis_label(self.prob_plot, "left", "p")
        axis_label(self.logit_plot, "left", "z")
        self.logits_label.setText(self.tr("Logits"))
        self.add_button.setText(self.tr("+ class"))
        self.remove_button.setText(self.tr("− class"))
        self.temp_label.setText(self.tr("Temperature T"))
        self.temp_hint.setText(self.tr("small T → sharp (arg-max) · large T → flat (1/K)"))
        self.pointwise_box.setText(self.tr("Compare: sigmoid per score"))
        self.refresh()

    def apply_style(self) -> None:
        tick_height = QFontMetrics(style.font(0.9)).height()
        for plot in (self.logit_plot, self.prob_plot):
            style.style_plot(plot)
            # room for the subscripts of z₁, p₁ under the bars
            plot.getPlotItem().getAxis("bottom").setHeight(int(tick_height * 1.9) + 4)
        self.zero_line.setPen(pg.mkPen(style.muted, width=max(1.0, style.line_width / 2)))
        self.explain.setFont(style.font(1.1))
        self.readout.setFont(style.font(1.25))
        self.temp_slider.value_label.setFont(style.font(1.2, bold=True))
        self.temp_hint.setFont(style.font(0.85))
        self.temp_hint.setStyleSheet(f"color: {style.muted}")
        self.pointwise_box.setStyleSheet(style.indicator_sheet("QCheckBox"))
        self.retranslate()
        fit_scroll_width(self.side_scroll)

    def monkey_actions(self) -> list:
        import random

        return [
            lambda: self.spins[random.randrange(len(self.model.logits))].setValue(
                random.uniform(-10, 10)),
            lambda: self._on_drag(random.uniform(-1, 8), random.uniform(-8, 8)),
            self.add_button.click,
            self.remove_button.click,
            lambda: self.temp_slider.slider.setValue(random.randrange(0, 401)),
            self.pointwise_box.click,
        ]
