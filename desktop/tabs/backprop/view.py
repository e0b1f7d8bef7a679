"""The backpropagation tab: a graph (or a small network) whose numbers fill in stage by stage.

Left: the graph/preset chooser, the formula, editable inputs, network and playback settings,
the stage slider and the colour legend. Right: the canvas, and under it a big caption with
the arithmetic of the current stage (plus the loss per iteration for networks).
"""
from __future__ import annotations

import html
import math
import random

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
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

from desktop.tabs.backprop.canvas import GraphCanvas, math_font, role_color
from desktop.tabs.backprop.caption import FormulaArea, arrange_lines, font_steps
from desktop.tabs.backprop.graphs import ACTIVATION_LABELS, ACTIVATION_NAMES
from desktop.tabs.backprop.model import INPUT_LIMIT, INTERVAL_RANGE, LEARNING_RATE_RANGE, PACES
from desktop.tabs.base import TabView
from desktop.theme import YELLOW, style
from desktop.widgets import ElidingComboBox


def _no_focus(*widgets) -> None:
    for w in widgets:
        w.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class BackpropView(TabView):
    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.input_labels: dict[str, QLabel] = {}
        self.input_spins: dict[str, QDoubleSpinBox] = {}
        self._split_target = 0  # the caption's height last given to it by the splitter
        self._need_cache: dict = {}
        self._font_cache: dict = {}
        self._build()
        model.graph_changed.connect(self._on_graph_changed)
        model.inputs_changed.connect(self._on_inputs_changed)
        model.stage_changed.connect(self._on_stage_changed)
        model.settings_changed.connect(self._on_settings_changed)
        model.running_changed.connect(self._on_running_changed)
        style.changed.connect(self.apply_style)
        self._on_graph_changed()
        self._on_settings_changed()
        self.retranslate()
        self.apply_style()

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        panel = QWidget()
        side = QVBoxLayout(panel)
        self.preset_label = QLabel()
        self.preset_combo = ElidingComboBox()
        self.preset_combo.activated.connect(self._on_preset_chosen)
        self.formula_label = QLabel()
        self.formula_label.setWordWrap(True)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        for w in (self.preset_label, self.preset_combo, self.formula_label, self.note_label):
            side.addWidget(w)

        self.inputs_box = QGroupBox()
        self.inputs_grid = QGridLayout(self.inputs_box)
        side.addWidget(self.inputs_box)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self._on_restore)
        side.addWidget(self.restore_button)

        self.network_box = QGroupBox()
        form = QFormLayout(self.network_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.lr_label = QLabel()
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setRange(*LEARNING_RATE_RANGE)
        self.lr_spin.setDecimals(3)
        self.lr_spin.setSingleStep(0.1)
        self.lr_spin.setKeyboardTracking(False)
        self.lr_spin.valueChanged.connect(self._on_lr_edited)
        self.lr_spin.editingFinished.connect(self.setFocus)
        self.act_label = QLabel()
        self.act_combo = ElidingComboBox()
        self.act_combo.activated.connect(lambda _i: self._on_act_chosen(self.act_combo, False))
        self.out_label = QLabel()
        self.out_combo = ElidingComboBox()
        self.out_combo.activated.connect(lambda _i: self._on_act_chosen(self.out_combo, True))
        for name in ACTIVATION_NAMES:
            self.act_combo.addItem("", name)
            self.out_combo.addItem("", name)
        form.addRow(self.lr_label, self.lr_spin)
        form.addRow(self.act_label, self.act_combo)
        form.addRow(self.out_label, self.out_combo)
        side.addWidget(self.network_box)

        self.play_box = QGroupBox()
        pform = QFormLayout(self.play_box)
        pform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        pform.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.pace_label = QLabel()
        self.pace_combo = ElidingComboBox()
        for pace in PACES:
            self.pace_combo.addItem("", pace)
        self.pace_combo.activated.connect(self._on_pace_chosen)
        self.interval_label = QLabel()
        self.interval_spin = QDoubleSpinBox()
        self.interval_spin.setRange(*INTERVAL_RANGE)
        self.interval_spin.setDecimals(2)
        self.interval_spin.setSingleStep(0.1)
        self.interval_spin.setKeyboardTracking(False)
        self.interval_spin.valueChanged.connect(self.model.set_interval)
        self.interval_spin.editingFinished.connect(self.setFocus)
        pform.addRow(self.pace_label, self.pace_combo)
        pform.addRow(self.interval_label, self.interval_spin)
        self.stage_label = QLabel()
        self.stage_label.setWordWrap(True)
        pform.addRow(self.stage_label)
        self.stage_slider = QSlider(Qt.Orientation.Horizontal)
        self.stage_slider.valueChanged.connect(self._on_slider_moved)
        pform.addRow(self.stage_slider)
        buttons = QHBoxLayout()
        self.back_button = QPushButton("◀")
        self.back_button.clicked.connect(self.model.step_back)
        self.play_button = QPushButton()
        self.play_button.clicked.connect(self.model.toggle_play)
        self.step_button = QPushButton("▶")
        self.step_button.clicked.connect(self.model.step)
        for b in (self.back_button, self.play_button, self.step_button):
            buttons.addWidget(b)
        pform.addRow(buttons)
        side.addWidget(self.play_box)

        side.addStretch(1)
        # the colour key sits under the scrolled panel, so it never scrolls out of sight
        self.legend_label = QLabel()
        self.legend_label.setWordWrap(True)
        _no_focus(self.stage_slider, self.back_button, self.play_button, self.step_button,
                  self.restore_button)
        for combo in (self.preset_combo, self.act_combo, self.out_combo, self.pace_combo):
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        # wrapped texts take the panel's width instead of asking for their own
        for label in (self.formula_label, self.note_label, self.legend_label, self.stage_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.scroll = QScrollArea()
        self.scroll.setWidget(panel)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.panel = panel
        self.left = QWidget()
        left = QVBoxLayout(self.left)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.scroll, 1)
        left.addWidget(self.legend_label)
        self.legend_label.setContentsMargins(6, 2, 6, 2)

        self.canvas = GraphCanvas(self.model)
        self.bottom = bottom = QWidget()
        bl = QHBoxLayout(bottom)
        bl.setContentsMargins(8, 4, 8, 4)
        self.caption = QWidget()
        caption = QVBoxLayout(self.caption)
        caption.setContentsMargins(0, 0, 0, 0)
        self.heading_label = QLabel()
        self.hint_label = QLabel()
        for label in (self.heading_label, self.hint_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.lines_area = FormulaArea()
        caption.addWidget(self.heading_label)
        caption.addWidget(self.lines_area, 1)
        caption.addWidget(self.hint_label)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bl.addWidget(self.caption, 5)
        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setMenuEnabled(False)
        self.loss_plot.setMouseEnabled(False, False)
        self.loss_plot.hideButtons()
        self.loss_curve = self.loss_plot.plot([], [])
        for axis in ("left", "bottom"):
            self.loss_plot.getAxis(axis).enableAutoSIPrefix(False)
        self.loss_plot.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        bl.addWidget(self.loss_plot, 2)

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.canvas)
        self.right.addWidget(bottom)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.right.setChildrenCollapsible(False)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.left)
        self.split.addWidget(self.right)
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 1)
        # the teacher may drag the panel shut to give a wide graph the whole screen
        self.split.setCollapsible(0, True)
        self.split.setCollapsible(1, False)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.split)

    def _rebuild_inputs(self) -> None:
        for w in (*self.input_labels.values(), *self.input_spins.values()):
            self.inputs_grid.removeWidget(w)
            w.hide()
            w.setParent(None)
            w.deleteLater()
        self.input_labels.clear()
        self.input_spins.clear()
        d = self.model.definition
        for inp in d.inputs:
            label = QLabel(inp.label)
            spin = QDoubleSpinBox()
            spin.setRange(-INPUT_LIMIT, INPUT_LIMIT)
            spin.setDecimals(3)
            spin.setSingleStep(0.1)
            spin.setKeyboardTracking(False)
            if len(d.inputs) > 6:
                spin.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
            # the spin box's own size hint allows for "−100.000" and makes the panel wide
            spin.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            spin.valueChanged.connect(lambda v, k=inp.key: self._on_input_edited(k, v))
            spin.editingFinished.connect(self.setFocus)
            self.input_labels[inp.key] = label
            self.input_spins[inp.key] = spin
        self._arrange_inputs()

    def _arrange_inputs(self) -> None:
        """Inputs in two columns when there are many and the fonts are normal, else one."""
        pairs = 2 if len(self.input_spins) > 6 and not style.projector else 1
        for n, key in enumerate(self.input_spins):
            row, col = divmod(n, pairs)
            self.inputs_grid.addWidget(self.input_labels[key], row, 2 * col)
            self.inputs_grid.addWidget(self.input_spins[key], row, 2 * col + 1)

    # --- model -> view ----------------------------------------------------------------------
    def _on_graph_changed(self) -> None:
        self._rebuild_inputs()
        d = self.model.definition
        self.formula_label.setText(html.escape(d.formula))
        self.network_box.setVisible(bool(d.activations))
        network = self.model.is_network
        for w in (self.lr_label, self.lr_spin, self.out_label, self.out_combo):
            w.setVisible(network)
        self.pace_label.setVisible(network)
        self.pace_combo.setVisible(network)
        self.loss_plot.setVisible(network)
        self._show_preset()
        self.retranslate()
        self.apply_style()
        self._on_inputs_changed()

    def _show_preset(self) -> None:
        ids = [p["id"] for p in self.model.presets]
        with QSignalBlocker(self.preset_combo):
            if self.model.preset_id in ids:
                self.preset_combo.setCurrentIndex(ids.index(self.model.preset_id))
        self.preset_combo.setToolTip(self.preset_combo.currentText())  # its name in full

    def _on_inputs_changed(self) -> None:
        values = self.model.inputs
        for key, spin in self.input_spins.items():
            with QSignalBlocker(spin):
                spin.setValue(values[key])
        with QSignalBlocker(self.lr_spin):
            self.lr_spin.setValue(self.model.learning_rate)
        for combo, name in ((self.act_combo, self.model.activation),
                            (self.out_combo, self.model.output_activation)):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(ACTIVATION_NAMES.index(name))
        self._show_preset()
        self._on_stage_changed()

    def _on_settings_changed(self) -> None:
        with QSignalBlocker(self.pace_combo):
            self.pace_combo.setCurrentIndex(PACES.index(self.model.pace))
        with QSignalBlocker(self.interval_spin):
            self.interval_spin.setValue(self.model.interval)

    def _on_running_changed(self, _running: bool = False) -> None:
        self.play_button.setText(self.tr("⏸ Pause") if self.model.running else self.tr("▶ Play"))

    def _on_stage_changed(self, _position: int = 0) -> None:
        m = self.model
        walk = m.walkthrough
        with QSignalBlocker(self.stage_slider):
            if walk is not None:
                it, s = walk.locate(m.position)
                self.stage_slider.setRange(0, walk.per_iteration - 1)
                self.stage_slider.setValue(s)
            else:
                self.stage_slider.setRange(0, m.last_position)
                self.stage_slider.setValue(m.position)
        self.back_button.setEnabled(m.position > 0)
        self.step_button.setEnabled(m.position < m.last_position)
        self._update_stage_label()
        self._update_caption()
        self._fit_split()
        if walk is not None:
            losses = m.losses()
            self.loss_curve.setData(list(range(1, len(losses) + 1)), losses)
            top = float(losses.max()) * 1.1 if len(losses) else 1.0
            self.loss_plot.setXRange(0.5, max(10, len(losses)) + 0.5, padding=0)
            self.loss_plot.setYRange(0.0, top if top > 0 else 1.0, padding=0)
        self.canvas.update()

    def _update_stage_label(self) -> None:
        m = self.model
        if m.walkthrough is not None:
            it, s = m.walkthrough.locate(m.position)
            text = (self.tr("Iteration %1, step %2 of %3").replace("%1", str(it + 1))
                    .replace("%2", str(s)).replace("%3", str(m.walkthrough.per_iteration - 1)))
        else:
            text = (self.tr("Step %1 of %2").replace("%1", str(m.position))
                    .replace("%2", str(m.last_position)))
        self.stage_label.setText(text)

    def _update_caption(self) -> None:
        scene = self.model.scene()
        self.heading_label.setText(self._heading(scene))
        color = role_color(scene.role if scene.role != "neutral" else "param")
        self.lines_area.set_lines(scene.lines, self._line_fonts(scene), color,
                                  self._lead(scene))
        hint = self._hint(scene)
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))

    def _line_fonts(self, scene) -> list:
        """The caption's fonts, biggest first: a few lines get bigger type; on a projector
        they may shrink to fit, but never below the size they have without projector mode."""
        few = len(scene.lines) <= 3
        key = (few, style.projector, style.point_size)
        if key not in self._font_cache:
            if style.projector:
                factor = 1.15 if few else 1.0
            else:
                factor = 1.45 if few else 1.2
            smallest = 1.2 / (style.scale / style.zoom)
            self._font_cache[key] = font_steps(math_font(style.font(factor, bold=True)),
                                               math_font(style.font(smallest, bold=True)))
        return self._font_cache[key]

    def _lead(self, scene) -> int:
        """How many first lines span every column: the update rule w ← w − η·∂J/∂w."""
        return 1 if scene.kind == "update" and self.model.walkthrough is not None else 0

    def _caption_need(self, width: int) -> int:
        """The bottom's height (px) that shows every stage of this graph (this iteration)
        in one column, with the biggest font that keeps each formula on one line (the
        smallest font, formulas broken at "=", when none does)."""
        key = (self.model.graph_id, self.model.fit_key, width)
        if key in self._need_cache:
            return self._need_cache[key]
        lay = self.caption.layout()
        margins = self.bottom.layout().contentsMargins()
        frame = margins.top() + margins.bottom() + 2
        spacing = lay.spacing()

        def text_height(label, text):
            if not text:
                return 0
            flags = Qt.TextFlag.TextWordWrap
            return label.fontMetrics().boundingRect(0, 0, width, 100000, flags, text).height()

        need = 0
        for scene in self.model.stage_scenes():
            fonts = self._line_fonts(scene)
            lines = arrange_lines(scene.lines, fonts, width, 1e9, self._lead(scene))
            hint = self._hint(scene)
            h = (frame + text_height(self.heading_label, self._heading(scene)) + spacing
                 + math.ceil(lines.height)
                 + (spacing + text_height(self.hint_label, hint) if hint else 0))
            need = max(need, h)
        self._need_cache = {key: need}
        return need

    def _fit_split(self) -> None:
        """Give the caption the height its longest stage needs (at least a third of the
        column for a network's loss plot), but keep the canvas at least 55 % of it; set
        only when that height changes, so a teacher's drag holds while stepping."""
        total = sum(self.right.sizes())
        self.bottom.layout().activate()
        width = self.caption.width()
        if total <= 0 or width <= 0:
            return
        floor = 0.34 if self.model.is_network else 0.2
        target = int(min(max(self._caption_need(width), floor * total), 0.45 * total))
        if target != self._split_target:
            self._split_target = target
            self.right.setSizes([total - target, target])

    def _heading(self, scene) -> str:
        a = scene.args
        k = scene.kind
        if self.model.walkthrough is None:
            if k == "start":
                return self.tr("The inputs. Press → to compute the forward pass.")
            if k == "forward":
                return (self.tr("Forward pass, step %1 of %2: compute %3")
                        .replace("%1", str(a["step"])).replace("%2", str(a["count"]))
                        .replace("%3", a["name"]))
            if k == "seed":
                return self.tr("Backward pass: start at the output, its gradient is 1")
            if k == "backward":
                return (self.tr("Backward pass, step %1 of %2: the gradient flows from %3 "
                                "into %4").replace("%1", str(a["step"]))
                        .replace("%2", str(a["count"])).replace("%3", a["parent"])
                        .replace("%4", a["name"]))
            return self.tr("Done: the gradient of the output with respect to every input")
        it = str(a["iteration"])
        if k == "start":
            text = self.tr("Iteration %1: the network with its current weights")
        elif k == "forward":
            text = self.tr("Iteration %1, forward pass: neuron %2")
        elif k == "loss":
            text = self.tr("Iteration %1: the loss J")
        elif k == "delta":
            text = (self.tr("Iteration %1, backward pass: the delta of hidden neuron %2")
                    if a["hidden"] else
                    self.tr("Iteration %1, backward pass: the delta of output neuron %2"))
        elif k == "grads":
            text = self.tr("Iteration %1: the gradients of the weights into %2")
        elif a["hidden"]:
            text = self.tr("Iteration %1: update the hidden layer")
        else:
            text = self.tr("Iteration %1: update the output layer")
        return text.replace("%1", it).replace("%2", a.get("name", ""))

    def _hint(self, scene) -> str:
        a = scene.args
        if self.model.walkthrough is not None:
            if scene.kind == "loss" and "previous_loss" in a:
                down = float(a["loss"].replace("−", "-")) <= float(
                    a["previous_loss"].replace("−", "-"))
                text = (self.tr("The loss went down: %1 before the update, %2 now") if down
                        else self.tr("The loss went up: %1 before the update, %2 now"))
                return text.replace("%1", a["previous_loss"]).replace("%2", a["loss"])
            if scene.kind == "delta" and a.get("hidden"):
                return self.tr("The deltas of the next layer flow back through the weights "
                               "that have not been updated yet.")
            if scene.kind == "update":
                return self.tr("All gradients were computed first; now every weight moves "
                               "against its gradient.")
            return ""
        if scene.kind != "backward":
            return ""
        op = a.get("op", "")
        notes = {
            "+": self.tr("Add gate: distributes the gradient unchanged to its inputs."),
            "-": self.tr("Subtract gate: passes the gradient on, negated for the second "
                         "input."),
            "*": self.tr("Multiply gate: swaps the inputs: each input's local gradient is "
                         "the other input."),
            "max": self.tr("Max gate: routes the whole gradient to the larger input; the "
                           "other gets 0."),
            "sigmoid": self.tr("Sigmoid gate: local gradient σ(1 − σ), at most 0.25."),
            "tanh": self.tr("Tanh gate: local gradient 1 − tanh², at most 1."),
            "relu": self.tr("ReLU gate: passes the gradient where its input is positive, "
                            "else 0."),
            "exp": self.tr("Exp gate: the local gradient is its own output."),
            "square": self.tr("Square gate: local gradient 2x."),
            "**": self.tr("1/x gate: local gradient −1/x²."),
            "sqerr": self.tr("Squared error: local gradient ŷ − y."),
        }
        return notes.get(op, "")

    # --- view -> model ------------------------------------------------------------------------
    def _on_preset_chosen(self, index: int) -> None:
        self.model.apply_preset(self.model.presets[index]["id"])
        self.setFocus()

    def _on_input_edited(self, key: str, value: float) -> None:
        try:
            self.model.set_input(key, value)
        except ValueError:
            self._on_inputs_changed()  # show the model's value again

    def _on_lr_edited(self, value: float) -> None:
        self.model.set_learning_rate(value)

    def _on_act_chosen(self, combo: QComboBox, output: bool) -> None:
        name = combo.currentData()
        if output:
            self.model.set_output_activation(name)
        else:
            self.model.set_activation(name)
        self.setFocus()

    def _on_pace_chosen(self, index: int) -> None:
        self.model.set_pace(PACES[index])
        self.setFocus()

    def _on_restore(self) -> None:
        self.model.restore_inputs()

    def _on_slider_moved(self, value: int) -> None:
        walk = self.model.walkthrough
        if walk is not None:
            it, _s = walk.locate(self.model.position)
            value = it * walk.per_iteration + value
        self.model.set_position(value)

    # --- strings and style -------------------------------------------------------------------
    def retranslate(self) -> None:
        self.preset_label.setText(self.tr("Graph"))
        with QSignalBlocker(self.preset_combo):
            names = [QCoreApplication.translate("BackpropModel", p["name"])
                     for p in self.model.presets]
            if self.preset_combo.count() != len(names):
                self.preset_combo.clear()
                self.preset_combo.addItems(names)
            else:
                for i, name in enumerate(names):
                    self.preset_combo.setItemText(i, name)
        self._show_preset()
        self.note_label.setText(QCoreApplication.translate("BackpropModel",
                                                           self.model.definition.note))
        self.inputs_box.setTitle(self.tr("Inputs (edit them)"))
        self.restore_button.setText(self.tr("Lecture values"))
        self.network_box.setTitle(self.tr("Network"))
        self.lr_label.setText(self.tr("Learning rate η"))
        self.act_label.setText(self.tr("Hidden activation g"))
        self.out_label.setText(self.tr("Output activation"))
        for combo in (self.act_combo, self.out_combo):
            for i, name in enumerate(ACTIVATION_NAMES):
                combo.setItemText(i, QCoreApplication.translate("BackpropModel",
                                                                ACTIVATION_LABELS[name]))
        self.play_box.setTitle(self.tr("Steps"))
        self.pace_label.setText(self.tr("Play"))
        self.pace_combo.setItemText(0, self.tr("one step at a time"))
        self.pace_combo.setItemText(1, self.tr("whole iterations"))
        self.interval_label.setText(self.tr("Seconds per step"))
        self.back_button.setToolTip(self.tr("Step back (Left arrow)"))
        self.step_button.setToolTip(self.tr("Step forward (Right arrow)"))
        self._on_running_changed()
        self.loss_plot.setLabel("left", self.tr("loss J"))
        self.loss_plot.setLabel("bottom", self.tr("iteration"))
        self._update_legend()
        self._update_stage_label()
        self._update_caption()
        self._refit_split()

    def _update_legend(self) -> None:
        fwd = role_color("forward").name()
        bwd = role_color("backward").name()
        self.legend_label.setText(
            f"<span style='color:{fwd}'>■</span> " + html.escape(self.tr("value (forward)"))
            + f"<br><span style='color:{bwd}'>■</span> "
            + html.escape(self.tr("gradient (backward)"))
            + f"<br><span style='color:{YELLOW}'>■</span> "
            + html.escape(self.tr("being computed")))

    def apply_style(self) -> None:
        self.formula_label.setFont(
            math_font(style.font(1.0 if style.projector else 1.25, bold=True)))
        self.heading_label.setFont(style.font(1.0 if style.projector else 1.05, bold=True))
        self.hint_label.setFont(style.font(0.9 if style.projector else 1.0))
        self.note_label.setFont(style.font(0.85 if style.projector else 0.95))
        muted = f"color: {style.muted}"
        self.hint_label.setStyleSheet(muted + "; font-style: italic")
        self.note_label.setStyleSheet(muted)
        for w in (*self.input_labels.values(), *self.input_spins.values()):
            w.setFont(style.font(1.1, bold=isinstance(w, QLabel)))
        for spin in self.input_spins.values():
            extra = 8 if spin.buttonSymbols() == QDoubleSpinBox.ButtonSymbols.NoButtons else 30
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("−0.000") + extra)
        self._arrange_inputs()
        style.style_plot(self.loss_plot)
        self.loss_plot.getPlotItem().showGrid(x=True, y=True, alpha=style.grid_alpha)
        self.loss_curve.setPen(style.pen(role_color("forward").name()))
        self.loss_curve.setSymbol("o")
        self.loss_curve.setSymbolSize(style.marker_size * 0.7)
        self.loss_curve.setSymbolBrush(role_color("forward"))
        self.loss_curve.setSymbolPen(None)
        self._fit_panel()
        self._update_legend()
        self._font_cache.clear()
        self._update_caption()
        self._refit_split()
        self.canvas.update()

    def _refit_split(self) -> None:
        """Fonts or words changed: measure the caption again."""
        self._need_cache.clear()
        self._split_target = 0
        self._fit_split()

    def _fit_panel(self) -> None:
        """The side panel as wide as its contents want, but at most 36 % of the tab."""
        self.panel.adjustSize()
        bar = self.scroll.verticalScrollBar().sizeHint().width() + 4
        want = self.panel.sizeHint().width() + bar
        need = self.panel.minimumSizeHint().width() + bar
        limit = int((0.26 if style.projector else 0.3) * max(self.width(), 800))
        self.scroll.setMinimumWidth(max(need, min(want, limit)))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_panel()
        self._split_target = 0
        self._fit_split()

    # --- random-action test ----------------------------------------------------------------------
    def monkey_actions(self) -> list:
        def preset():
            self.preset_combo.setCurrentIndex(random.randrange(self.preset_combo.count()))
            self.preset_combo.activated.emit(self.preset_combo.currentIndex())

        def edit_input():
            if self.input_spins:
                spin = random.choice(list(self.input_spins.values()))
                spin.setValue(round(random.uniform(-5, 5), 2))

        def activation():
            combo = random.choice([self.act_combo, self.out_combo])
            combo.setCurrentIndex(random.randrange(combo.count()))
            combo.activated.emit(combo.currentIndex())

        def pace():
            self.pace_combo.setCurrentIndex(1 - self.pace_combo.currentIndex())
            self.pace_combo.activated.emit(self.pace_combo.currentIndex())

        return [
            preset, edit_input, activation, pace,
            lambda: self.step_button.click(),
            lambda: self.back_button.click(),
            lambda: self.play_button.click(),
            lambda: self.restore_button.click(),
            lambda: self.stage_slider.setValue(random.randrange(self.stage_slider.maximum() + 1)),
            lambda: self.lr_spin.setValue(random.choice([0.05, 0.5, 2.0])),
            lambda: self.interval_spin.setValue(random.choice([0.05, 0.5, 1.0])),
        ]
