""""Why non-linear": linear vs non-linear hidden layers on the same data, trained live."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSignalBlocker, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.tabs.activations import nonlinear
from desktop.tabs.activations.state import NL_ACTIVATIONS
from desktop.tabs.activations.texts import tr_core
from desktop.tabs.activations.widgets import make_plot, math_html, num, rich_label
from desktop.theme import CLASS_COLORS, style

KINDS = ("linear", "nonlinear")


class NonlinearPage(QWidget):
    """Two heat maps side by side (network output over the plane) with the data on top."""

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.explain = rich_label()
        self.linear_tag = QLabel()
        self._build_controls()
        # a grid: the two plots start at one height even when one title wraps to more lines
        panels = QGridLayout()
        panels.setHorizontalSpacing(16)
        panels.setRowStretch(1, 1)
        self.titles, self.plots, self.images, self.curves, self.stats = {}, {}, {}, {}, {}
        self.points = {}
        for column, kind in enumerate(KINDS):
            self.titles[kind] = rich_label()
            title_row = QHBoxLayout()
            title_row.setSpacing(10)
            title_row.addStretch(1)
            # "<activation> hidden layers": a fixed word on the left, a choice on the right
            tag = self.activation_combo if kind == "nonlinear" else self.linear_tag
            title_row.addWidget(tag, 0, Qt.AlignmentFlag.AlignTop)
            title_row.addWidget(self.titles[kind])
            title_row.addStretch(1)
            plot = make_plot()
            plot.getPlotItem().setAspectLocked(True)
            pi = plot.getPlotItem()
            img = pg.ImageItem(axisOrder="row-major")
            pi.addItem(img)
            iso = pg.IsocurveItem(level=0.0, axisOrder="row-major")
            iso.setParentItem(img)
            iso.setPos(0.5, 0.5)  # isocurve vertices are pixel indices; pixels' centres
            self.points[kind] = [pg.ScatterPlotItem(), pg.ScatterPlotItem()]
            for sp in self.points[kind]:
                pi.addItem(sp)
            e = nonlinear.EXTENT
            pi.setXRange(-e, e, padding=0)
            pi.setYRange(-e, e, padding=0)
            self.stats[kind] = rich_label()
            self.stats[kind].setAlignment(Qt.AlignmentFlag.AlignCenter)
            panels.addLayout(title_row, 0, column)
            panels.addWidget(plot, 1, column)
            panels.addWidget(self.stats[kind], 2, column)
            panels.setColumnStretch(column, 1)
            self.plots[kind], self.images[kind], self.curves[kind] = plot, img, iso
        self.waiting = QLabel()  # on a first start, until the networks' kernels are compiled
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setWordWrap(True)
        self.waiting.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.explain)
        lay.addWidget(self.controls)
        lay.addWidget(self.waiting, 1)  # centred in the plots' place while they are hidden
        lay.addLayout(panels, 1)
        model.nonlinear_changed.connect(self.refresh)
        model.running_changed.connect(lambda _r: self._update_play_button())
        model.section_changed.connect(lambda _s: self._update_play_button())
        self._drawn_data = None
        self._stale = True
        self._lut = style.lut()
        self.retranslate()
        self.apply_style()

    def _build_controls(self) -> None:
        self.controls = QWidget()
        self.dataset_label = QLabel()
        self.dataset_combo, self.activation_combo = QComboBox(), QComboBox()
        for name in nonlinear.available_datasets():
            self.dataset_combo.addItem(name, name)
        for name in NL_ACTIVATIONS:
            self.activation_combo.addItem(name, name)
        self.dataset_combo.currentIndexChanged.connect(
            lambda _i: self.model.set_dataset(self.dataset_combo.currentData()))
        self.activation_combo.currentIndexChanged.connect(
            lambda _i: self.model.set_nl_activation(self.activation_combo.currentData()))
        self.play_button, self.step_button, self.reset_button = (QPushButton(), QPushButton(),
                                                                 QPushButton())
        self.play_button.clicked.connect(self._on_play)
        self.step_button.clicked.connect(lambda: self.model.train())
        self.reset_button.clicked.connect(self.model.reset_training)
        buttons = (self.play_button, self.step_button, self.reset_button)
        for w in (self.dataset_combo, self.activation_combo, *buttons):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space and arrows stay the shell's
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.dataset_label)
        row.addWidget(self.dataset_combo)
        row.addSpacing(12)
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)

    # --- model -> view ----------------------------------------------------------------
    def refresh(self) -> None:
        if not self.isVisible():  # the networks are built and drawn when first shown
            self._stale = True
            return
        self._stale = False
        demo = self.model.demo
        self.waiting.setVisible(demo is None)
        self.controls.setEnabled(demo is not None)
        for w in (*self.plots.values(), *self.titles.values(), *self.stats.values(),
                  self.activation_combo, self.linear_tag):
            w.setVisible(demo is not None)
        if demo is None:  # the model says when it can be built (nonlinear_changed)
            return
        with QSignalBlocker(self.dataset_combo):
            self.dataset_combo.setCurrentIndex(self.dataset_combo.findData(demo.dataset))
        with QSignalBlocker(self.activation_combo):
            self.activation_combo.setCurrentIndex(
                self.activation_combo.findData(demo.activation))
        data_key = (demo.dataset, style.dark, style.projector, style.zoom)
        if self._drawn_data != data_key:
            self._draw_points(demo)
            self._drawn_data = data_key
        h = 2 * nonlinear.EXTENT / (nonlinear.GRID - 1)
        rect = QRectF(-nonlinear.EXTENT - h / 2, -nonlinear.EXTENT - h / 2,
                      2 * nonlinear.EXTENT + h, 2 * nonlinear.EXTENT + h)
        for kind in KINDS:
            out = demo.grid_outputs(kind)
            self.images[kind].setImage(out, levels=(-1.0, 1.0), lut=self._lut,
                                       autoLevels=False)
            self.images[kind].setRect(rect)
            self.curves[kind].setData(out, 0.0)
            acc = demo.accuracy(kind)
            colour = style.foreground if acc < 0.95 else "#009e73"
            accuracy = self.tr("accuracy %1").replace(
                "%1", f"<b style=\"color:{colour}\">{100 * acc:.0f} %</b>")
            detail = (self.tr("epoch %1 · loss %2").replace("%1", str(demo.epoch))
                      .replace("%2", num(demo.loss(kind), 3)))
            self.stats[kind].setText(
                f"<span style=\"font-size:{style.point_size * 1.3:.0f}pt\">{accuracy}</span>"
                f"<br><span style=\"color:{style.muted}\">{detail}</span>")
        self._update_titles()

    def _draw_points(self, demo) -> None:
        for kind in KINDS:
            for sp, label, colour in zip(self.points[kind], (-1.0, 1.0), CLASS_COLORS[:2]):
                pts = demo.X[demo.labels == label]
                sp.setData(pts[:, 0], pts[:, 1], size=style.marker_size * 0.8,
                           brush=pg.mkBrush(colour), pen=pg.mkPen("#ffffff", width=1.2))

    def _update_titles(self) -> None:
        from core.activations import get

        sizes = " → ".join(str(s) for s in (2, *nonlinear.HIDDEN, 1))
        self.linear_tag.setText(self.tr("Linear"))
        for kind in KINDS:
            self.titles[kind].setText(
                "<b>" + self.tr("hidden layers") + f"</b><br><small>{sizes}</small>")
        for i in range(self.activation_combo.count()):
            self.activation_combo.setItemText(
                i, tr_core(get(self.activation_combo.itemData(i)).label))

    def _update_play_button(self) -> None:
        training = self.model.running and self.model.section == "nonlinear"
        self.play_button.setText(self.tr("Pause") if training else self.tr("Train"))

    def _on_play(self) -> None:
        if self.model.section != "nonlinear":
            self.model.set_section("nonlinear")
        self.model.toggle_play()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # --- shell hooks ------------------------------------------------------------------
    def retranslate(self) -> None:
        f = ("W<sub>3</sub>(W<sub>2</sub>(W<sub>1</sub>x + b<sub>1</sub>) + b<sub>2</sub>) + "
             "b<sub>3</sub> = W x + b")
        self.explain.setText(self.tr(
            "Without a non-linear activation, stacked layers collapse into one linear map:")
            + " " + math_html(f, 1.05) + " " + self.tr(
            "— so the boundary (white line) stays straight, however deep the network."))
        self.dataset_label.setText(self.tr("Data"))
        names = {"circle": self.tr("circle"), "xor": self.tr("XOR"),
                 "moons": self.tr("two moons"), "spiral": self.tr("spiral")}
        for i in range(self.dataset_combo.count()):
            key = self.dataset_combo.itemData(i)
            self.dataset_combo.setItemText(i, names.get(key, key))
        self.step_button.setText(self.tr("+10 epochs"))
        self.waiting.setText(self.tr(
            "Preparing the compiled core for the two networks… they appear here in a "
            "moment (only the first start of Neuralab compiles it)."))
        self.reset_button.setText(self.tr("Reset"))
        self._update_play_button()
        self._update_titles()
        self.refresh()

    def apply_style(self) -> None:
        # the diverging map, faded towards the background so the data points stand out
        bg = np.array(QColor(style.background).getRgb()[:3], float)
        lut = style.lut().astype(float)
        lut[:, :3] = 0.6 * lut[:, :3] + 0.4 * bg
        self._lut = np.round(lut).astype(np.uint8)
        for kind in KINDS:
            style.style_plot(self.plots[kind])
            self.plots[kind].getPlotItem().showGrid(x=False, y=False)
            self.curves[kind].setPen(pg.mkPen("#ffffff", width=style.line_width))
            self.titles[kind].setFont(style.font(1.1))
            self.stats[kind].setFont(style.font(1.0))
        self.activation_combo.setFont(style.font(1.1, bold=True))
        self.linear_tag.setFont(style.font(1.1, bold=True))
        # the word "Linear" stands where the right panel has its combo box: same height
        self.linear_tag.setMinimumHeight(self.activation_combo.sizeHint().height())
        self.explain.setFont(style.font(1.0))
        self.waiting.setFont(style.font(1.3))
        self.waiting.setStyleSheet(f"color: {style.muted}")
        self._drawn_data = None
        self.retranslate()

    def monkey_actions(self) -> list:
        import random

        return [
            lambda: self.dataset_combo.setCurrentIndex(
                random.randrange(self.dataset_combo.count())),
            lambda: self.activation_combo.setCurrentIndex(
                random.randrange(self.activation_combo.count())),
            self.step_button.click,
            self.reset_button.click,
        ]
