"""The perceptron tab's view: neuron diagram, input plane, arithmetic, and the control panels.

Layout (splitters and wrapping bars, so it fits 1024x768 in projector mode):

    [Gate: AND OR NAND NOR XOR Custom · g = step / g = σ]
    [banner: converged / not linearly separable + "Solve with two layers"]
    +-------------------+-------------------+  +-----------------+
    | neuron diagram    | input plane       |  | truth table     |
    | z = ..., y = ...  | (+ hidden plane)  |  | errors / epoch  |
    +-------------------+-------------------+  | w1, w2, b       |
    | last update: w ← w + η (t − y) x      |  | η, speed, x     |
    +---------------------------------------+  +-----------------+
    [Back  Step  Epoch  Play  Reset  Random start  Presets]

Everything shown is read from the model; every edit goes through a model setter.
"""
from __future__ import annotations

import random

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop.tabs.base import TabView
from desktop.tabs.perceptron import diagram, text
from desktop.tabs.perceptron.model import CUSTOM, PerceptronModel
from desktop.tabs.perceptron.panels import BottomBar, SidePanel, TopBar
from desktop.tabs.perceptron.widgets import Banner, TruthTable, set_spin
from desktop.tabs.perceptron.workarea import WorkArea
from desktop.theme import FORWARD, RIGHT, WRONG, style

BASE_RANGE = (-0.5, 1.5)  # the unit square with room for the points' ✓/✗ marks
LINE_REACH = 2.5  # the plane widens to show the line when it is this close to the centre


class PerceptronView(TabView):
    """Builds the tab from a ``PerceptronModel`` and keeps it in step with the model."""

    def __init__(self, model: PerceptronModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.model: PerceptronModel = model
        self._build()
        self._connect()
        self.retranslate()
        self.apply_style()
        style.changed.connect(self.apply_style)

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.top_bar = TopBar()
        self.banner = Banner()
        self.banner.setVisible(False)
        self._build_work_area()
        self.side = SidePanel()
        self.bottom_bar = BottomBar()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.work)
        split.addWidget(self.side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.splitterMoved.connect(self.work.keep_user_sizes)
        self.split = split
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.top_bar)
        lay.addWidget(self.banner)
        lay.addWidget(split, 1)
        lay.addWidget(self.bottom_bar)
        # short names for the controls the view wires up (and the tests click)
        self.gate_buttons, self.act_buttons = self.top_bar.gate_buttons, self.top_bar.act_buttons
        bar = self.bottom_bar
        self.back_button, self.step_button, self.epoch_button = (
            bar.back_button, bar.step_button, bar.epoch_button)
        self.play_button, self.reset_button, self.random_button = (
            bar.play_button, bar.reset_button, bar.random_button)
        self.preset_combo = bar.preset_combo
        side = self.side
        self.table, self.weight_rows, self.calc_spins = (
            side.table, side.weight_rows, side.calc_spins)
        self.eta_spin, self.speed_spin, self.counter_label = (
            side.eta_spin, side.speed_spin, side.counter_label)

    def _build_work_area(self) -> None:
        self.work = work = WorkArea()
        self.diagram, self.forward_label = work.diagram, work.forward_label
        self.net_diagram, self.net_label = work.net_diagram, work.net_label
        self.left_stack, self.top_split = work.left_stack, work.top_split
        self.plane, self.hidden_plane = work.plane, work.hidden_plane
        self.update_title, self.update_label = work.update_title, work.update_label
        self.update_box = work.update_box

    # --- wiring --------------------------------------------------------------------------
    def _connect(self) -> None:
        m = self.model
        for name, b in self.gate_buttons.items():
            b.clicked.connect(lambda _c=False, n=name: m.set_gate(n))
        for name, b in self.act_buttons.items():
            b.clicked.connect(lambda _c=False, n=name: m.set_activation(n))
        self.preset_combo.activated.connect(self._on_preset_chosen)
        for i, row in enumerate(self.weight_rows):
            row.value_edited.connect(lambda v, i=i: m.set_weight(i, v))
        self.eta_spin.valueChanged.connect(m.set_learning_rate)
        self.speed_spin.valueChanged.connect(m.set_speed)
        for spin in self.calc_spins:
            spin.valueChanged.connect(
                lambda _v: m.set_probe(self.calc_spins[0].value(), self.calc_spins[1].value()))
        self.table.row_clicked.connect(self._on_table_clicked)
        self.plane.point_clicked.connect(m.select_sample)
        self.plane.line_moved.connect(m.move_line_through)
        self.plane.line_turned.connect(m.set_line_through)
        self.plane.view_changed.connect(self._show_plane_view)
        self.plane.resized.connect(self._show_view_range)
        self.hidden_plane.resized.connect(self._show_hidden_plane)
        self.hidden_plane.point_clicked.connect(self._on_hidden_point_clicked)
        self.back_button.clicked.connect(m.step_back)
        self.step_button.clicked.connect(m.step)
        self.epoch_button.clicked.connect(m.step_epoch)
        self.play_button.clicked.connect(m.toggle_play)
        self.reset_button.clicked.connect(m.reset)
        self.random_button.clicked.connect(lambda: m.randomize())
        self.banner.button.clicked.connect(lambda: m.set_two_layer(not m.two_layer))

        m.weights_changed.connect(self._on_weights_changed)
        m.targets_changed.connect(self._on_targets_changed)
        m.settings_changed.connect(self._on_settings_changed)
        m.training_changed.connect(self._on_training_changed)
        m.probe_changed.connect(self._on_probe_changed)
        m.two_layer_changed.connect(self._on_two_layer_changed)
        m.running_changed.connect(self._on_running_changed)

    def _on_preset_chosen(self, index: int) -> None:
        if index > 0:
            self.model.apply_preset(self.model.preset_ids()[index - 1])
        self.preset_combo.setCurrentIndex(0)

    def _on_table_clicked(self, row: int, column: int) -> None:
        if column == TruthTable.COL_T and self.model.gate == CUSTOM:
            self.model.toggle_target(row)
        else:
            self.model.select_sample(row)

    def _on_hidden_point_clicked(self, index: int) -> None:
        H = self.model.network_forward()[0]
        hit = [i for i in range(4) if tuple(H[i]) == tuple(H[index])]
        self.model.select_sample(hit[(hit.index(self.model.probe_index) + 1) % len(hit)]
                                 if self.model.probe_index in hit else hit[0])

    # --- model -> view --------------------------------------------------------------------
    def _on_weights_changed(self) -> None:
        self._show_weights()
        self._show_view_range()
        self._show_outputs()
        self._show_shading()

    def _on_targets_changed(self) -> None:
        self._show_gate()
        self._show_outputs()
        self._show_hidden_plane()

    def _on_settings_changed(self) -> None:
        self._show_settings()
        self._show_outputs()
        self._show_shading()

    def _on_training_changed(self) -> None:
        self._show_training()
        self._show_table()

    def _on_probe_changed(self) -> None:
        self._show_probe()
        self._show_view_range()
        self._show_diagram()
        self._show_table()

    def _on_two_layer_changed(self, on: bool) -> None:
        self._show_mode()

    def _on_running_changed(self, running: bool) -> None:
        self.bottom_bar.show_running(running)

    def refresh(self) -> None:
        """Redraw everything from the model."""
        self._show_gate()
        self._show_settings()
        self._show_weights()
        self._show_mode()
        self._show_view_range()
        self._show_outputs()
        self._show_plane_view()
        self._show_probe()
        self._show_training()

    def _show_gate(self) -> None:
        self.gate_buttons[self.model.gate].setChecked(True)
        # The custom gate's instruction stays in sight; the general one is a tooltip, so
        # that the errors plot below the table fits 1024x768 in projector mode.
        custom = self.model.gate == CUSTOM
        self.side.table_hint.setText(self.tr("Custom gate: click a t cell to flip it."))
        self.side.table_hint.setVisible(custom)
        self.table.setToolTip(self.tr("Click a row or a point: the neuron shows it."))

    def _show_settings(self) -> None:
        m = self.model
        self.act_buttons[m.activation].setChecked(True)
        set_spin(self.eta_spin, m.learning_rate)
        set_spin(self.speed_spin, m.speed)

    def _show_weights(self) -> None:
        m = self.model
        for row, v in zip(self.weight_rows, (*m.weights, m.bias)):
            row.set_value(v)

    def _show_outputs(self) -> None:
        """Everything that depends on the weights and targets: table, points, line, diagram."""
        self._show_table()
        self._show_points()
        self._show_line()
        self._show_diagram()
        self._show_banner()

    def _gate_outputs(self) -> tuple[np.ndarray, np.ndarray]:
        """(outputs, correct) for the four inputs: the neuron's, or the network's."""
        m = self.model
        if m.two_layer:
            y = m.network_forward()[1]
            return y, y == m.targets
        return m.outputs(), m.correct()

    def _show_table(self) -> None:
        m = self.model
        outputs, correct = self._gate_outputs()
        act = "step" if m.two_layer else m.activation
        next_row = -1 if m.two_layer else m.sample_index
        self.table.show_rows(m.inputs, m.targets, outputs, correct, act, next_row,
                             m.probe_index, m.gate == CUSTOM)

    def _show_points(self) -> None:
        _, correct = self._gate_outputs()
        self.plane.set_points(self.model.inputs, self.model.targets, correct)

    def _show_line(self) -> None:
        m = self.model
        self.plane.set_line(m.weights, m.bias, visible=not m.two_layer)
        units = m.network.hidden if m.two_layer else ()
        self.plane.set_hidden_lines(units, ["h₁ = NAND", "h₂ = OR"])

    def _show_view_range(self) -> None:
        """The unit square with a margin, stretched to take in the calculator input and
        (if it is not too far) the decision line."""
        if self.plane.dragging():
            return  # never move the axes under the user's mouse
        m = self.model
        lo, hi = BASE_RANGE
        pts = [m.probe]
        w = np.array(m.weights)
        if not m.two_layer and w.any():
            c = np.array([0.5, 0.5])
            near = c - (w @ c + m.bias) / (w @ w) * w
            if np.max(np.abs(near - c)) <= LINE_REACH:
                pts.append((float(near[0]), float(near[1])))
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        self.plane.set_view((min(lo, min(xs) - 0.4), max(hi, max(xs) + 0.4)),
                            (min(lo, min(ys) - 0.4), max(hi, max(ys) + 0.4)),
                            keep_visible=[*self.plane.marks, self.plane.probe_label])

    def _show_plane_view(self) -> None:
        """The plane's visible area changed (resize, range): shading and line follow."""
        self._show_shading()
        self._show_line()

    def _show_shading(self) -> None:
        # The step map is vectorised in core (classify) and needs sharp edges; the sigmoid
        # map and the two-layer network go point by point in core, and a coarser grid of a
        # smooth map looks the same.
        smooth = self.model.two_layer or self.model.activation == "sigmoid"
        xs, ys, rect = self.plane.grid(max_cells=110 if smooth else 320)
        self.plane.set_shading(self.model.grid_outputs(xs, ys), rect)

    def _show_probe(self) -> None:
        m = self.model
        on_point = m.probe_index is not None
        label = "" if on_point else f"x = {text.sample_text(m.probe)}"
        self.plane.set_probe(m.probe, on_point, label)
        for spin, v in zip(self.calc_spins, m.probe):
            set_spin(spin, v)
        if m.two_layer:
            h, _ = m.network_probe()
            self.hidden_plane.set_probe(h, True)

    def _show_diagram(self) -> None:
        m = self.model
        fg = style.foreground
        target = m.probe_target()
        if m.two_layer:
            h, y = m.network_probe()
            correct = None if target is None else y == target
            nodes, edges = diagram.network_graph(m.network, m.probe, h, y, target, correct,
                                                 self.tr("bias"))
            self.net_diagram.set_graph(nodes, edges)
            self.net_label.setText(text.network_html(m.network, m.probe, fg))
            return
        z, y = m.probe_net(), m.probe_output()
        correct = None if target is None else bool(m.correct()[m.probe_index])
        nodes, edges = diagram.neuron_graph(m.weights, m.bias, m.probe, z, y, m.activation,
                                            target, correct, self.tr("bias"))
        self.diagram.set_graph(nodes, edges)
        self.forward_label.setText(text.forward_html(m.weights, m.bias, m.probe, z, y,
                                                     m.activation, fg))

    def _show_hidden_plane(self) -> None:
        m = self.model
        if not m.two_layer:
            return
        hp = self.hidden_plane
        H, y = m.network_forward()
        hp.set_points(H, m.targets, y == m.targets, marks=False)
        groups: dict[tuple[float, float], list[str]] = {}
        for x, hrow in zip(m.inputs, H):
            groups.setdefault((float(hrow[0]), float(hrow[1])), []).append(text.sample_text(x))
        hp.set_point_names([(pos, "\n".join(v)) for pos, v in groups.items()])
        hp.set_view(BASE_RANGE, BASE_RANGE, keep_visible=hp.names)
        out = m.network.output
        hp.set_line(out.weights, out.bias)
        xs, ys, rect = hp.grid(max_cells=160)
        gx, gy = np.meshgrid(xs, ys)
        grid = out.classify(np.column_stack([gx.ravel(), gy.ravel()])).reshape(len(ys), len(xs))
        hp.set_shading(grid, rect)
        h, _ = m.network_probe()
        hp.set_probe(h, True)

    def _show_mode(self) -> None:
        on = self.model.two_layer
        self.work.show_two_layer(on)
        self.side.setVisible(not on)
        self.epoch_button.setEnabled(not on)
        self.random_button.setEnabled(not on)
        for row in self.weight_rows:
            row.setEnabled(not on)
        self._size_splitters()
        self._show_hidden_plane()
        self._show_outputs()
        self._show_shading()
        self._show_probe()

    def _show_training(self) -> None:
        m = self.model
        if m.last_update is None:
            self.update_label.setText(self.tr("Press Step (→) to train on one sample."))
        else:
            self.update_label.setText(text.update_html(m.last_update, style.foreground))
        def num(n: int) -> str:
            return f"<b>{n}</b>"

        lines = [self.tr("Epoch %1, sample %2 of 4").replace("%1", num(m.epoch + 1))
                 .replace("%2", num(m.sample_index + 1)),
                 self.tr("Errors this epoch: %1").replace("%1", num(m.epoch_errors))]
        self.side.show_errors(m.errors_history, lines)
        self.back_button.setEnabled(m.can_go_back)
        self._show_banner()

    def _show_banner(self) -> None:
        m = self.model
        if m.two_layer:
            self.banner.show_message(
                self.tr("Two layers solve XOR: h₁ = NAND(x₁, x₂) and h₂ = OR(x₁, x₂) move the "
                        "points so that one line, y = AND(h₁, h₂), splits them."),
                FORWARD, self.tr("Back to one neuron"))
        elif m.stuck:
            head = (self.tr("XOR is not linearly separable: no single line splits these points")
                    if m.gate == "XOR" else
                    self.tr("These targets are not linearly separable: no single line splits "
                            "these points"))
            fit = m.fit_result
            if m.cycled and fit is not None:
                before = fit.epochs - fit.cycle_length
                detail = (self.tr("After epoch %1 the weights are back where they started: "
                                  "training goes round in circles.").replace("%1", str(fit.epochs))
                          if before == 0 else
                          self.tr("After epoch %1 the weights are back where they were after "
                                  "epoch %2: training goes round in circles.")
                          .replace("%1", str(fit.epochs)).replace("%2", str(before)))
            else:
                detail = self.tr("%1 epochs and still no epoch without errors.").replace(
                    "%1", str(m.epoch))
            small = f'<br><span style="font-weight:normal; font-size:small">{detail}</span>'
            button = self.tr("Solve with two layers") if m.gate == "XOR" else None
            self.banner.show_message(head + small, WRONG, button)
        elif m.converged:
            self.banner.show_message(
                self.tr("Converged after %1 epochs: every point is on the correct side of the "
                        "line.").replace("%1", str(m.converged_at)), RIGHT, None)
        else:
            self.banner.setVisible(False)

    # --- TabView --------------------------------------------------------------------------
    def retranslate(self) -> None:
        m = self.model
        self.top_bar.retranslate(m.gate_label)
        self.bottom_bar.retranslate([m.preset_name(p) for p in m.preset_ids()], m.running)
        self.side.retranslate()
        self.update_title.setText(self.tr("Last update:") + "  w ← w + η (t − y) x")
        self.work.plane_title.setText(self.tr("Input space (x₁, x₂)"))
        self.work.hidden_title.setText(self.tr("Hidden space (h₁, h₂)"))
        self.refresh()

    def apply_style(self) -> None:
        self.work.apply_style()
        self.top_bar.apply_style()
        self.bottom_bar.apply_style()
        self.side.apply_style()
        self.banner.apply_style()
        self.plane.apply_style()
        self.hidden_plane.apply_style()
        self._size_splitters()
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Size the splitters for the real window when the tab is shown."""
        super().showEvent(event)
        self._size_splitters()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._size_splitters()

    def _size_splitters(self) -> None:
        """The side panel as wide as its controls need (a little more on wide windows); the
        work area sizes its own splitters (``WorkArea.fit``). Once the teacher drags a
        border, Qt's stretch factors take over."""
        if not self.isVisible() or self.work.user_sized:
            return
        if not self.model.two_layer:
            total = self.split.width()
            side = max(self.side.minimumWidth(), min(int(300 * style.scale ** 0.5),
                                                     int(total * 0.31)))
            self.split.setSizes([total - side - self.split.handleWidth(), side])
        self.work.fit()

    def monkey_actions(self) -> list:
        m = self.model

        def rnd(lo, hi):
            return round(random.uniform(lo, hi), 2)

        acts = [self.step_button.click, self.epoch_button.click, self.back_button.click,
                self.play_button.click, self.reset_button.click, self.random_button.click,
                lambda: random.choice(list(self.gate_buttons.values())).click(),
                lambda: random.choice(list(self.act_buttons.values())).click(),
                lambda: random.choice(self.weight_rows).slider.setValue(random.randint(-500,
                                                                                       500)),
                lambda: random.choice(self.weight_rows).spin.setValue(rnd(-8, 8)),
                lambda: self.eta_spin.setValue(rnd(0.01, 3)),
                lambda: self.speed_spin.setValue(rnd(0.5, 30)),
                lambda: random.choice(self.calc_spins).setValue(rnd(-3, 3)),
                lambda: self.table.cellClicked.emit(random.randrange(4), random.randrange(5)),
                lambda: self.preset_combo.activated.emit(
                    random.randrange(self.preset_combo.count())),
                lambda: self.banner.button.click() if self.banner.button.isVisible() else None,
                lambda: self.plane.handles[random.randrange(2)].setPos(rnd(-0.4, 1.4),
                                                                       rnd(-0.4, 1.4)),
                lambda: (self.plane.line.setPos((rnd(-0.4, 1.4), rnd(-0.4, 1.4))),
                         self.plane.line.sigDragged.emit(self.plane.line)),
                lambda: self.plane.point_clicked.emit(random.randrange(4)),
                lambda: m.set_two_layer(not m.two_layer)]
        return acts
