"""The gradient-descent tab's view: controls | contour map (+ 3-D) | legend and plots.

Builds every widget once from the model, listens to the model's signals and writes back
only through its setters. Per frame (``trajectory_changed``) it moves the balls, trails and
arrows and updates the legend, the loss plot and the timeline: no widget is created then.
"""
from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.tabs.base import TabView
from desktop.tabs.descent import names, state, surfaces
from desktop.tabs.descent.controls import ControlPanel
from desktop.tabs.descent.gl_view import create_surface_view, gl_available
from desktop.tabs.descent.map_view import ContourMap
from desktop.tabs.descent.model import DescentModel
from desktop.tabs.descent.plots import AccumulatorPlot, DataPlot, LossPlot, RunLegend
from desktop.tabs.descent.widgets import WrapLabel, no_keyboard, readable
from desktop.theme import style
from desktop.widgets import ScrollWidthFitter


class DescentView(TabView):
    def __init__(self, model: DescentModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.controls = ControlPanel(model)
        self.controls.gl_available = gl_available()
        scroll = QScrollArea()
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(220)
        self.scroll = scroll
        # the panel's width is re-fitted whenever its size hint changes (e.g. once the
        # widgets are polished, or a longer translation); a little slack: QFormLayout rounds
        self._controls_fitter = ScrollWidthFitter(scroll, slack=4)

        # centre: the map (and the 3-D view), a hint, the playback bar
        self.map = ContourMap()
        self.gl = None  # created on first use, only where OpenGL works
        self.map_split = QSplitter(Qt.Orientation.Horizontal)
        self.map_split.addWidget(self.map)
        self.hint = WrapLabel()
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.map_split, 1)
        cl.addWidget(self.hint)
        cl.addWidget(self._build_playback())

        # right: legend, loss, accumulators, data (titles are labels: they wrap)
        self.legend_title = QLabel()
        self.legend = RunLegend()
        self.loss_plot = LossPlot()
        self.acc_plot = AccumulatorPlot()
        self.data_plot = DataPlot()
        self.loss_title, self.acc_title, self.data_title = WrapLabel(), WrapLabel(), WrapLabel()
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.panels = []
        for title, w in ((self.legend_title, self.legend), (self.loss_title, self.loss_plot),
                         (self.acc_title, self.acc_plot), (self.data_title, self.data_plot)):
            box = QWidget()
            bl = QVBoxLayout(box)
            bl.setContentsMargins(0, 0, 0, 0)
            bl.setSpacing(0)
            bl.addWidget(title)
            bl.addWidget(w, 1)
            self.right.addWidget(box)
            self.panels.append(box)
        self.right.setChildrenCollapsible(False)
        for i in range(4):
            self.right.setStretchFactor(i, 0 if i == 0 else 2)

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(scroll)
        self.split.addWidget(centre)
        self.split.addWidget(self.right)
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 3)
        self.split.setStretchFactor(2, 2)
        self.split.setChildrenCollapsible(False)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.split)

        self.map.start_clicked.connect(self._on_map_clicked)
        model.surface_changed.connect(self._on_surface_changed)
        model.runs_changed.connect(self._on_runs_changed)
        model.trajectory_changed.connect(self._on_trajectory_changed)
        model.settings_changed.connect(self._on_settings_changed)
        model.display_changed.connect(self._on_display_changed)
        model.expression_changed.connect(self.controls.refresh)
        model.preset_changed.connect(self.controls.refresh)
        model.running_changed.connect(self._on_running_changed)
        style.changed.connect(self.apply_style)

        self._on_surface_changed()
        self.retranslate()
        self.apply_style()
        self._on_display_changed()

    def _build_playback(self) -> QWidget:
        bar = QWidget()
        lay = QVBoxLayout(bar)
        lay.setContentsMargins(0, 2, 0, 2)
        self.back_button = QPushButton()
        self.play_button = QPushButton()
        self.step_button = QPushButton()
        self.reset_button = QPushButton()
        self.speed_label = QLabel()
        self.speed_box = QComboBox()
        for s in state.SPEEDS:
            self.speed_box.addItem(f"×{s}", s)
        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setMinimumWidth(60)
        self.timeline.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.step_label = QLabel()
        self.step_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        no_keyboard(self.back_button, self.play_button, self.step_button, self.reset_button,
                    self.speed_box, self.timeline)
        # three rows: the buttons; speed and step count; the timeline. Each row is short, so
        # the column fits a 1024-pixel projector even at step 20 000.
        lay.setDirection(QVBoxLayout.Direction.TopToBottom)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for w in (self.back_button, self.play_button, self.step_button, self.reset_button):
            row1.addWidget(w)
        row1.addStretch(1)
        row2.addWidget(self.speed_label)
        row2.addWidget(self.speed_box)
        row2.addStretch(1)
        row2.addWidget(self.step_label)
        lay.addLayout(row1)
        lay.addLayout(row2)
        lay.addWidget(self.timeline)
        m = self.model
        self.back_button.clicked.connect(m.step_back)
        self.play_button.clicked.connect(m.toggle_play)
        self.step_button.clicked.connect(m.step)
        self.reset_button.clicked.connect(m.reset)
        self.speed_box.activated.connect(lambda i: m.set_speed(self.speed_box.itemData(i)))
        self.timeline.sliderPressed.connect(m.pause)
        self.timeline.valueChanged.connect(self._on_timeline)
        return bar

    # --- model -> widgets -----------------------------------------------------------------
    def _colors(self) -> list[str]:
        return [readable(self.model.run_color(r)) for r in self.model.runs]

    def _labels(self) -> list[str]:
        return [self.model.run_label(r) for r in self.model.runs]

    def _badge_text(self, with_step: bool = False) -> str:
        """The divergence badge; on the saddle (no minimum) leaving the map is the point."""
        escaped = self.model.surface is not None and not self.model.surface.minima
        if with_step:
            return (self.tr("left the map at step %1") if escaped
                    else self.tr("diverged at step %1"))
        return self.tr("left the map") if escaped else self.tr("diverged")

    def _has_minimum(self) -> bool:
        return self.model.surface is not None and bool(self.model.surface.minima)

    def _on_surface_changed(self) -> None:
        surface = self.model.surface
        self.map.set_surface(surface)
        self.loss_plot.set_log(self._has_minimum())
        self._retitle()
        if surface.is_data:
            self.data_plot.set_problem(surface.source)
        if self.gl is not None:
            self.gl.set_surface(surface)
        self._set_axis_labels()
        self._on_display_changed()

    def _set_axis_labels(self) -> None:
        surface = self.model.surface
        if surface is not None and surface.is_data:
            self.map.set_axis_labels(self.tr("weight w"), self.tr("bias b"))
            self.data_plot.getPlotItem().setLabel("bottom", "x")
            self.data_plot.getPlotItem().setLabel(
                "left", "y" if surface.key.endswith("line_fit") else self.tr("class t"))
        else:
            self.map.set_axis_labels("x", "y")

    def _on_runs_changed(self) -> None:
        colors = self._colors()
        self.legend.set_runs(self._labels(), colors)
        self.map.set_colors(colors)
        self.loss_plot.set_colors(colors)
        self.data_plot.set_colors(colors)
        self._on_trajectory_changed()

    def _on_trajectory_changed(self) -> None:
        m = self.model
        colors = self._colors()
        badge = self._badge_text()
        self.map.update_runs(m, colors, badge)
        self.legend.refresh(m, self._badge_text(with_step=True))
        self.loss_plot.refresh(m)
        if self.model.show_accumulator:
            self.acc_plot.refresh(m, colors, [names.optimizer_label(r.optimizer_name)
                                              for r in m.runs],
                                  self.tr("No adaptive optimizer in this run"))
        if m.surface.is_data:
            self.data_plot.refresh(m)
        if self.gl is not None and self.gl.isVisible():
            self.gl.refresh(m, colors)
        self.timeline.blockSignals(True)
        self.timeline.setRange(0, max(1, m.computed))
        self.timeline.setValue(m.cursor)
        self.timeline.blockSignals(False)
        self.step_label.setText(self.tr("step %1 of %2").replace("%1", str(m.cursor))
                                .replace("%2", str(m.computed)))
        self.back_button.setEnabled(m.cursor > 0)

    def _on_settings_changed(self) -> None:
        self.controls.refresh()
        self._fit_controls()
        i = self.speed_box.findData(self.model.speed)
        if i >= 0:
            self.speed_box.setCurrentIndex(i)

    def _on_display_changed(self) -> None:
        m = self.model
        self.controls.refresh()
        self._fit_controls()
        self.panels[2].setVisible(m.show_accumulator)
        self.panels[3].setVisible(m.surface is not None and m.surface.is_data)
        want_3d = m.show_3d and self.controls.gl_available
        if want_3d and self.gl is None:
            self.gl = create_surface_view()
            if self.gl is None:
                self.controls.gl_available = False
                self.controls.refresh()
            else:
                self.map_split.addWidget(self.gl)
                self.gl.apply_style()
                self.gl.set_surface(m.surface)
        if self.gl is not None:
            self.gl.setVisible(want_3d)
        self._on_trajectory_changed()

    def _on_running_changed(self, running: bool) -> None:
        self.play_button.setText(self.tr("Pause") if running else self.tr("Play"))

    # --- widgets -> model -----------------------------------------------------------------
    def _on_map_clicked(self, x: float, y: float) -> None:
        try:
            self.model.set_start(x, y)
        except ValueError:
            pass

    def _on_timeline(self, value: int) -> None:
        self.model.pause()
        self.model.seek(value)

    # --- shell hooks ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.controls.retranslate()
        self.legend_title.setText(self.tr("The race"))
        self.legend.set_runs(self._labels(), self._colors())
        self._retitle()
        self.loss_plot.getPlotItem().setLabel("bottom", self.tr("step"))
        self.acc_title.setText(self.tr("√(accumulated g²): solid x, pale y"))
        self.acc_title.setToolTip(self.tr("A taller bar means a smaller step along that axis."))
        self.data_title.setText(self.tr("Data and each ball's model"))
        self.data_title.setToolTip(self.tr("Ringed: the samples of the next mini-batch"))
        self.back_button.setText(self.tr("◀ Back"))
        self.step_button.setText(self.tr("Step ▶"))
        self.reset_button.setText(self.tr("Reset"))
        self.speed_label.setText(self.tr("Speed"))
        self.speed_box.setToolTip(self.tr("Steps per animation frame"))
        self.timeline.setToolTip(self.tr("Drag to replay the runs backwards and forwards"))
        self._on_running_changed(self.model.running)
        self._set_axis_labels()
        style.style_plot(self.loss_plot)
        self._fit_panels()
        self._on_trajectory_changed()

    def _fit_controls(self) -> int:
        """Give the control panel the width its widest visible control needs, so nothing in
        it is ever cut off (it only scrolls vertically). Returns that width."""
        return self._controls_fitter.fit()

    def _fit_panels(self) -> None:
        """Tell the plot panels how narrow the right column can really get (the legend's
        width). Their wrapping titles are measured at their minimum width: at the few
        dozen pixels a plot alone allows, a title would claim a line per word and make the
        column, and so the window, taller than the screen."""
        width = self.legend.minimumSizeHint().width()
        for title in (self.loss_title, self.acc_title, self.data_title):
            if title.minimumWidth() != width:
                title.setMinimumWidth(width)

    def _retitle(self) -> None:
        """Titles that depend on whether the surface has a known minimum."""
        self.hint.setText(self.tr("Click the map to move the start ✕.") + (
            " " + self.tr("★ marks the minimum.") if self._has_minimum() else ""))
        if self._has_minimum():
            self.loss_title.setText(self.tr("Loss − min (log scale)"))
            self.legend.retranslate(self.tr("optimizer"), self.tr("loss − min"))
        else:
            self.loss_title.setText(self.tr("Loss (no known minimum)"))
            self.legend.retranslate(self.tr("optimizer"), self.tr("loss"))

    def apply_style(self) -> None:
        self.controls.apply_style()
        colors = self._colors()
        self.legend.apply_style()
        self.legend.set_runs(self._labels(), colors)
        self.map.apply_style(colors)
        self.loss_plot.apply_style()
        self.loss_plot.set_colors(colors)
        self.acc_plot.apply_style()
        self.data_plot.apply_style()
        self.data_plot.set_colors(colors)
        self.legend_title.setFont(style.font(1.1, bold=True))
        for title in (self.loss_title, self.acc_title, self.data_title):
            title.setFont(style.font(0.95, bold=True))
        self.hint.setFont(style.font(0.9))
        self.hint.setStyleSheet(f"color: {style.muted}")
        for w in (self.back_button, self.play_button, self.step_button, self.reset_button,
                  self.speed_box, self.speed_label):
            w.setFont(style.font(1.0, bold=w is self.play_button))
        self.step_label.setFont(style.font(1.1, bold=True))
        if self.gl is not None:
            self.gl.apply_style()
        left = self._fit_controls()
        self._fit_panels()
        total = max(self.width(), 1024)
        right = max(self.right.minimumSizeHint().width(), int(0.27 * total))
        self.split.setSizes([left, max(300, total - left - right), right])
        self._on_trajectory_changed()

    def monkey_actions(self) -> list:
        m = self.model
        keys = surfaces.surface_keys()

        def rand_start():
            (x0, x1), (y0, y1) = m.surface.domain
            m.set_start(random.uniform(x0, x1), random.uniform(y0, y1))

        return [
            self.step_button.click, self.back_button.click, self.play_button.click,
            self.reset_button.click,
            lambda: m.tick(),
            lambda: m.set_surface(random.choice(keys)),
            lambda: m.set_lesson(random.choice(state.LESSONS)),
            lambda: m.apply_preset(random.choice(m.presets)["id"]),
            rand_start,
            lambda: m.set_custom_expression(random.choice(
                ["x^2 + y^2", "sin(x) * cos(y)", "x^2 - ", "__import__('os')", "log(x)"])),
            lambda: m.set_speed(random.choice(state.SPEEDS)),
            lambda: m.seek(random.randint(0, max(0, m.computed))),
            lambda: m.set_show(random.choice(["gradient", "velocity", "accumulator"]),
                               random.random() < 0.5),
            lambda: m.set_rate_mode(random.choice(state.RATE_MODES)),
            lambda: m.set_optimizer_enabled(random.choice(list(state.OPTIMIZER_NAMES)),
                                            random.random() < 0.6),
            lambda: self.controls.opt_checks["adam"].click(),
        ]
