"""The perceptron tab's control groups: the gate/activation bar, the training bar, and the side
panel (truth table, errors per epoch, weights, learning rate, calculator input).

They hold widgets only; ``PerceptronView`` connects them to the model and fills them in.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.tabs.perceptron.state import GATE_NAMES
from desktop.tabs.perceptron.widgets import (
    NO_FOCUS,
    FlowLayout,
    TruthTable,
    WeightRow,
    spin_box,
)
from desktop.theme import RIGHT, WRONG, style
from desktop.widgets import fit_scroll_width

ERRORS_PLOT_MIN = 80  # px (times the style's scale): the errors plot never gets smaller


class WrapLabel(QLabel):
    """A word-wrapping rich-text label that asks its layout for the height its text needs
    (Qt layouts ignore heightForWidth in minimum sizes, so neighbours could overlap it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def _fit(self) -> None:
        old = self.minimumHeight()
        self.setMinimumHeight(0)  # QLabel's heightForWidth never answers below the minimum
        h = self.heightForWidth(max(1, self.width()))
        self.setMinimumHeight(h if h > 0 else old)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        super().setText(text)
        self._fit()

    def setFont(self, font) -> None:  # noqa: N802 (Qt override)
        super().setFont(font)
        self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # e.g. the Hangul font for Korean
            self._fit()


def rich_label() -> WrapLabel:
    return WrapLabel()


def button(checkable: bool = False) -> QPushButton:
    b = QPushButton()
    b.setCheckable(checkable)
    b.setFocusPolicy(NO_FOCUS)  # Space and the arrows belong to the shell
    return b


class ErrorsPlot(pg.PlotWidget):
    """A plot that asks only for its minimum height: the side panel's scroll area sizes its
    content from the size hints, and pyqtgraph's 480 px would push everything below out of
    sight. It still grows into room the panel has to spare."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(200, self.minimumHeight())


class TopBar(QWidget):
    """Gate: AND OR NAND NOR XOR Custom · g = step / g = σ (wraps when narrow)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        flow = FlowLayout(self, spacing=6)
        self.gate_title = QLabel()
        flow.addWidget(self.gate_title)
        self.gate_group = QButtonGroup(self)
        self.gate_buttons: dict[str, QPushButton] = {}
        for name in GATE_NAMES:
            self.gate_buttons[name] = b = button(checkable=True)
            self.gate_group.addButton(b)
            flow.addWidget(b)
        self.act_group = QButtonGroup(self)
        self.act_buttons: dict[str, QPushButton] = {}
        for name in ("step", "sigmoid"):
            self.act_buttons[name] = b = button(checkable=True)
            self.act_group.addButton(b)
            flow.addWidget(b)

    def retranslate(self, gate_label) -> None:
        self.gate_title.setText(self.tr("Gate:"))
        for name, b in self.gate_buttons.items():
            b.setText(gate_label(name))
        self.act_buttons["step"].setText(self.tr("g = step"))
        self.act_buttons["sigmoid"].setText(self.tr("g = σ"))
        for b in self.act_buttons.values():
            b.setToolTip(self.tr("Activation function g of the neuron: the step or the "
                                 "sigmoid σ(z) = 1 / (1 + e^−z)"))

    def apply_style(self) -> None:
        for b in (*self.gate_buttons.values(), *self.act_buttons.values()):
            b.setFont(style.font(1.1, bold=True))
        self.gate_title.setFont(style.font(1.0, bold=True))


class BottomBar(QWidget):
    """Back · Step · Epoch · Play · Reset · Random start · presets (wraps when narrow)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        flow = FlowLayout(self, spacing=6)
        self.back_button = button()
        self.step_button = button()
        self.epoch_button = button()
        self.play_button = button()
        self.reset_button = button()
        self.random_button = button()
        for b in self.buttons():
            flow.addWidget(b)
        self.preset_combo = QComboBox()
        self.preset_combo.setFocusPolicy(NO_FOCUS)
        self.preset_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preset_combo.setMinimumContentsLength(8)
        flow.addWidget(self.preset_combo)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.back_button, self.step_button, self.epoch_button, self.play_button,
                self.reset_button, self.random_button)

    def retranslate(self, preset_names: list[str], running: bool) -> None:
        self.back_button.setText(self.tr("◀ Back"))
        self.step_button.setText(self.tr("Step ▶"))
        self.epoch_button.setText(self.tr("Epoch ▶▶"))
        self.reset_button.setText(self.tr("↺ Reset"))
        self.random_button.setText(self.tr("Random"))
        self.step_button.setToolTip(self.tr("Train on one sample (→)"))
        self.epoch_button.setToolTip(self.tr("Train to the end of the epoch"))
        self.play_button.setToolTip(self.tr("Train sample after sample (Space)"))
        self.reset_button.setToolTip(self.tr("Back to the start of this run (R)"))
        self.random_button.setToolTip(self.tr("Start from random weights"))
        self.show_running(running)
        combo = self.preset_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Presets…"))
        combo.addItems(preset_names)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)

    def show_running(self, running: bool) -> None:
        self.play_button.setText(self.tr("⏸ Pause") if running else self.tr("▶ Play"))

    def apply_style(self) -> None:
        for b in self.buttons():
            b.setFont(style.font(1.1, bold=True))
        self.preset_combo.setFont(style.font(1.0))
        self.preset_combo.view().setMinimumWidth(int(430 * style.scale))


class SidePanel(QScrollArea):
    """Truth table, training counter and errors plot, weights, learning, calculator input."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        panel = QWidget()
        v = QVBoxLayout(panel)
        v.setContentsMargins(2, 0, 2, 0)
        self.table_box = QGroupBox()
        tv = QVBoxLayout(self.table_box)
        self.table = TruthTable()
        self.table_hint = QLabel()
        self.table_hint.setWordWrap(True)
        tv.addWidget(self.table)
        tv.addWidget(self.table_hint)
        v.addWidget(self.table_box)
        v.addWidget(self._build_training())
        v.addWidget(self._build_weights())
        v.addWidget(self._build_learning())
        v.addWidget(self._build_calculator())
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(panel)
        self.setMinimumWidth(240)

    def _build_training(self) -> QGroupBox:
        self.train_box = QGroupBox()
        ev = QVBoxLayout(self.train_box)
        self.counter_label = rich_label()
        self.errors_plot = ErrorsPlot()
        self.errors_plot.setSizePolicy(QSizePolicy.Policy.Expanding,
                                       QSizePolicy.Policy.Expanding)
        item = self.errors_plot.getPlotItem()
        item.setMouseEnabled(False, False)
        item.hideButtons()
        item.setMenuEnabled(False)
        self.errors_curve = pg.PlotDataItem()
        item.addItem(self.errors_curve)
        ev.addWidget(self.counter_label)
        ev.addWidget(self.errors_plot, 1)
        return self.train_box

    def _build_weights(self) -> QGroupBox:
        self.weights_box = QGroupBox()
        wv = QVBoxLayout(self.weights_box)
        self.weight_rows = [WeightRow("w₁"), WeightRow("w₂"), WeightRow("b")]
        for row in self.weight_rows:
            wv.addWidget(row)
        self.weights_hint = QLabel()
        self.weights_hint.setWordWrap(True)
        wv.addWidget(self.weights_hint)
        return self.weights_box

    def _build_learning(self) -> QGroupBox:
        self.learn_box = QGroupBox()
        grid = QGridLayout(self.learn_box)
        self.eta_label = QLabel()
        self.eta_label.setWordWrap(True)
        self.eta_spin = spin_box(0.01, 10.0, 0.1)
        self.speed_label = QLabel()
        self.speed_label.setWordWrap(True)
        self.speed_spin = spin_box(0.5, 30.0, 0.5, decimals=1)
        grid.addWidget(self.eta_label, 0, 0)
        grid.addWidget(self.eta_spin, 0, 1)
        grid.addWidget(self.speed_label, 1, 0)
        grid.addWidget(self.speed_spin, 1, 1)
        grid.setColumnStretch(0, 1)
        return self.learn_box

    def _build_calculator(self) -> QGroupBox:
        self.calc_box = QGroupBox()
        cg = QGridLayout(self.calc_box)
        self.calc_spins = [spin_box(-10.0, 10.0, 0.5), spin_box(-10.0, 10.0, 0.5)]
        self.calc_names = [QLabel("x₁"), QLabel("x₂")]
        for i, (name, spin) in enumerate(zip(self.calc_names, self.calc_spins)):
            cg.addWidget(name, i, 0)
            cg.addWidget(spin, i, 1)
        cg.setColumnStretch(1, 1)
        self.calc_hint = QLabel()
        self.calc_hint.setWordWrap(True)
        cg.addWidget(self.calc_hint, 2, 0, 1, 2)
        return self.calc_box

    def show_errors(self, errors: tuple[int, ...], lines: list[str]) -> None:
        """The counter text and the errors-per-epoch plot (green dots: error-free epochs)."""
        self.counter_label.setText("<br>".join(lines))
        errs = np.array(errors, float)
        x = np.arange(1, len(errs) + 1, dtype=float)
        brushes = [pg.mkBrush(RIGHT if e == 0 else WRONG) for e in errs]
        self.errors_curve.setData(x, errs, pen=pg.mkPen(style.muted, width=style.line_width),
                                  symbol="o", symbolSize=style.marker_size,
                                  symbolBrush=brushes, symbolPen=None)
        self.errors_plot.setXRange(0.5, max(8, len(errs)) + 0.5, padding=0)
        self.errors_plot.setYRange(-0.3, 4.3, padding=0)

    def retranslate(self) -> None:
        self.table_box.setTitle(self.tr("Truth table"))
        self.table.setHorizontalHeaderLabels(["x₁", "x₂", "t", "y", "✓"])
        for col, tip in ((2, self.tr("target")), (3, self.tr("output of the neuron")),
                         (4, self.tr("classified right?"))):
            self.table.horizontalHeaderItem(col).setToolTip(tip)
        self.train_box.setTitle(self.tr("Training"))
        self.errors_plot.getPlotItem().setLabel("bottom", self.tr("epoch"))
        self.errors_plot.getPlotItem().setLabel("left", self.tr("errors"))
        self.weights_box.setTitle(self.tr("Weights and bias"))
        self.weights_hint.setText(self.tr("Or drag the line on the plane: the line slides, the "
                                          "round handles turn it."))
        self.learn_box.setTitle(self.tr("Learning"))
        self.eta_label.setText(self.tr("Learning rate η"))
        self.speed_label.setText(self.tr("Play speed (samples/s)"))
        self.calc_box.setTitle(self.tr("Calculator: input x"))
        self.calc_hint.setText(self.tr("Any numbers: the neuron computes z and y for them."))

    def apply_style(self) -> None:
        for box in (self.table_box, self.train_box, self.weights_box, self.learn_box,
                    self.calc_box):
            box.setFont(style.font(1.0, bold=True))
        for w in (self.eta_label, self.speed_label, *self.calc_spins, self.eta_spin,
                  self.speed_spin, *(r.spin for r in self.weight_rows)):
            w.setFont(style.font(1.0))
        for w in (self.table_hint, self.calc_hint, self.weights_hint):
            w.setFont(style.font(0.85))
        for w in (*(r.label for r in self.weight_rows), *self.calc_names):
            w.setFont(style.font(1.1, bold=True))
        self.counter_label.setFont(style.font(1.0))
        # tight group boxes: the table and the errors plot must fit 1024x768 in projector mode
        pad = int(5 * style.scale)
        for box in (self.table_box, self.train_box, self.weights_box, self.learn_box,
                    self.calc_box):
            box.layout().setContentsMargins(pad, pad, pad, pad)
        self.table.apply_style()
        style.style_plot(self.errors_plot)
        # a sensible minimum; it grows into any room the side panel has to spare
        self.errors_plot.setMinimumHeight(int(ERRORS_PLOT_MIN * style.scale))
        # never narrower than the controls need: the panel scrolls vertically, not sideways
        fit_scroll_width(self, slack=0, floor=240)
