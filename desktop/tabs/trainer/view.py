"""TrainerView: the playground's layout -- controls left, the network in the centre, the
output and its losses on the right -- plus the panels that look inside the network.

    +-------------------------------------------------------------------------------+
    | Play  Step  Reset  New weights   Epoch 1,234        Presets v     Export v     |
    +-------------+------------------------------------+----------------------------+
    | DATA        |  + -  Hidden layers: 2             | OUTPUT   Training   Test   |
    | datasets    |  input   layer 1   layer 2  output | Loss / Accuracy            |
    | sliders     |  [maps, weighted edges ...]        | +------------------------+ |
    | TRAINING    |                                    | |  output heat map       | |
    | combos      +------------------------------------+ +------------------------+ |
    | (scrolls)   | Hidden space | Gradients | Weights | [ ] test data [ ] discrete |
    |             | Metrics                            | loss curves (>= 30%)       |
    +-------------+------------------------------------+----------------------------+
"""
from __future__ import annotations

import random

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.tabs.base import TabView
from desktop.tabs.trainer import data, features
from desktop.tabs.trainer.controls import ControlPanel
from desktop.tabs.trainer.diagram import NetworkDiagram
from desktop.tabs.trainer.hidden_space import HiddenSpacePanel
from desktop.tabs.trainer.insight_tabs import InsightTabs
from desktop.tabs.trainer.insights import GradientPanel, MetricsPanel, WeightPanel
from desktop.tabs.trainer.plots import LossPlot, OutputPlot, test_color, train_color
from desktop.tabs.trainer.state import LEARNING_RATES, MAX_LAYERS, SPEEDS
from desktop.theme import WRONG, style

#: stretch of the output heat map and of the loss curves in the right column
OUTPUT_SHARE, LOSS_SHARE = 3, 2


def _fmt(v: float) -> str:
    if v != v:  # NaN: no points
        return "–"
    return f"{v:.3f}" if 0.001 <= abs(v) < 1000 else f"{v:.2e}"


class TrainerView(TabView):
    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self._build_top_bar()
        self.controls = ControlPanel(model)
        self.diagram = NetworkDiagram(model)
        self.insights = InsightTabs()
        self.hidden_space = HiddenSpacePanel(model)
        self.gradients = GradientPanel(model)
        self.weights = WeightPanel(model)
        self.metrics = MetricsPanel(model)
        for w in (self.hidden_space, self.gradients, self.weights, self.metrics):
            # the panels yield height to the network diagram (the splitter decides)
            w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
            self.insights.addTab(w, "")
        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(self.diagram)
        centre.addWidget(self.insights)
        centre.setStretchFactor(0, 3)
        centre.setStretchFactor(1, 2)
        centre.setSizes([650, 350])
        self.centre = centre

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(4, 0, 0, 0)
        rl.setSpacing(2)
        # the "OUTPUT" title heads the stats table: one row less above the plots
        self.stats = QLabel()
        self._title_pt = 10.0
        self.stats.setTextFormat(Qt.TextFormat.RichText)
        self.output = OutputPlot(model)
        self.output.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.banner = QLabel(self.output)
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.hide()
        self.output.installEventFilter(self)
        self.show_test = QCheckBox()
        self.discretize = QCheckBox()
        self.loss_log = QCheckBox()
        for c in (self.show_test, self.discretize, self.loss_log):
            c.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_test.toggled.connect(model.set_show_test)
        self.discretize.toggled.connect(model.set_discretize)
        self.loss_log.toggled.connect(model.set_loss_log)
        checks = self.checks = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        checks.addWidget(self.show_test)
        checks.addWidget(self.discretize)
        checks.addStretch(1)
        self.loss_plot = LossPlot(model)
        self.loss_log.setParent(self.loss_plot)  # drawn in the plot's top-right corner
        self.loss_plot.installEventFilter(self)
        self.right = right
        right.installEventFilter(self)
        rl.addWidget(self.stats)
        rl.addWidget(self.output, OUTPUT_SHARE)
        rl.addLayout(checks)
        rl.addWidget(self.loss_plot, LOSS_SHARE)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.controls)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setCollapsible(0, True)  # the teacher may drag the controls away
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(4)
        lay.addLayout(self.top)
        lay.addWidget(self.splitter, 1)

        model.weights_changed.connect(self._on_weights_changed)
        model.running_changed.connect(self._on_running_changed)
        model.message_changed.connect(self._on_message_changed)
        model.display_changed.connect(self._sync_checks)
        model.settings_changed.connect(self._sync_checks)
        model.network_changed.connect(self._on_weights_changed)
        style.changed.connect(self.apply_style)
        self.retranslate()
        self.apply_style()

    def _build_top_bar(self) -> None:
        m = self.model
        self.top = QHBoxLayout()
        self.play_button = QPushButton()
        self.step_button = QPushButton()
        self.reset_button = QPushButton()
        self.new_weights_button = QPushButton()
        self.play_button.clicked.connect(m.toggle_play)
        self.step_button.clicked.connect(m.step)
        self.reset_button.clicked.connect(m.reset)
        self.new_weights_button.clicked.connect(m.new_weights)
        self.epoch_label = QLabel()
        self.presets = QComboBox()
        self.presets.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.presets.setMinimumContentsLength(12)
        self.presets.activated.connect(self._on_preset)
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.export_button.setMenu(self.export_menu)
        self.export_actions = [self.export_menu.addAction("") for _ in range(3)]
        self.export_actions[0].triggered.connect(lambda: self._export_dialog(self.diagram))
        self.export_actions[1].triggered.connect(lambda: self._export_dialog(self.output))
        self.export_actions[2].triggered.connect(lambda: self._export_dialog(self.hidden_space))
        for w in (self.play_button, self.step_button, self.reset_button,
                  self.new_weights_button, self.presets, self.export_button):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.top.addWidget(w)
            if w is self.new_weights_button:
                self.top.addSpacing(12)
                self.top.addWidget(self.epoch_label)
                self.top.addStretch(1)

    # ---- model -> view ----------------------------------------------------------------------
    def _on_weights_changed(self) -> None:
        m = self.model
        self.epoch_label.setText(self.tr("Epoch %1").replace("%1", f"{m.epoch:,}"))
        mt = m.metrics
        if m.kind == data.CLASSIFICATION:
            name = self.tr("Accuracy")
            tr_v, te_v = _pct(mt["train_accuracy"]), _pct(mt["test_accuracy"])
        else:
            name = "R²"
            tr_v, te_v = _num(mt["train_r2"]), _num(mt["test_r2"])
        muted = style.muted
        training, test = self.tr("Training"), self.tr("Test")
        title = self.tr("OUTPUT")
        title = f"<b style='color:{muted}; font-size:{self._title_pt:.1f}pt'>{title}</b>"
        head = (f"<tr><td>{title}</td><td align=right style='color:{train_color()}'>"
                f"&nbsp;&nbsp;{training}</td>"
                f"<td align=right style='color:{test_color()}'>&nbsp;&nbsp;{test}</td></tr>")
        rows = ((self.tr("Loss"), _fmt(m.train_loss), _fmt(m.test_loss)), (name, tr_v, te_v))
        body = "".join(
            f"<tr><td style='color:{muted}'>{label}</td>"
            f"<td align=right>&nbsp;&nbsp;<b>{a}</b></td>"
            f"<td align=right>&nbsp;&nbsp;<b>{b}</b></td></tr>" for label, a, b in rows)
        self.stats.setText(f"<table cellspacing=0 cellpadding=0>{head}{body}</table>")

    def _on_running_changed(self, running: bool) -> None:
        self.play_button.setText(self.tr("⏸ Pause") if running else self.tr("▶ Play"))

    def _on_message_changed(self, text: str) -> None:
        m = self.model
        if m.diverged:
            text = self.tr("Diverged - lower the learning rate. The last finite weights are "
                           "kept.")
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
        bg = WRONG if m.diverged else ("#2d3135" if style.dark else "#fff4d6")
        fg = "#ffffff" if m.diverged else style.foreground
        self.banner.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 6px;"
                                  f" padding: 6px;")
        self._place_banner()

    def _place_banner(self) -> None:
        w = self.output.width()
        self.banner.setFixedWidth(max(100, w - 40))
        self.banner.adjustSize()
        self.banner.move(20, max(0, self.output.height() - self.banner.height() - 40))
        self.banner.raise_()

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            if obj is self.output:
                self._place_banner()
            elif obj is self.loss_plot:
                self._place_log_box()
            elif obj is self.right:
                self._fit_right()
        return super().eventFilter(obj, event)

    def _place_log_box(self) -> None:
        box = self.loss_log
        box.setStyleSheet(style.indicator_sheet(
            "QCheckBox", f"background: {style.background}; padding: 2px;"))
        box.adjustSize()
        box.move(max(0, self.loss_plot.width() - box.width() - 8), 4)
        box.raise_()

    def _fit_right(self) -> None:
        """Share the right column: the check boxes side by side when they fit, else one
        under the other; the heat map no taller than it is wide (it is square), so any spare
        height goes to the loss curves."""
        gap = int(20 * style.scale)
        need = self.show_test.sizeHint().width() + self.discretize.sizeHint().width() + gap + 8
        side_by_side = need <= self.right.width()
        self.checks.setSpacing(gap if side_by_side else 2)
        self.checks.setDirection(QBoxLayout.Direction.LeftToRight if side_by_side
                                 else QBoxLayout.Direction.TopToBottom)
        bottom = self.output.getAxis("bottom").height()
        left = self.output.getAxis("left").width()
        self.output.setMaximumHeight(max(120, self.right.width() - left + bottom + 8))

    def _sync_checks(self) -> None:
        s = self.model.s
        for box, value in ((self.show_test, s.show_test), (self.discretize, s.discretize),
                           (self.loss_log, s.loss_log)):
            if box.isChecked() != value:
                box.blockSignals(True)
                box.setChecked(value)
                box.blockSignals(False)

    def _on_preset(self, index: int) -> None:
        preset_id = self.presets.itemData(index)
        if preset_id:
            self.model.apply_preset(preset_id)
        self.presets.setCurrentIndex(0)

    # ---- export -----------------------------------------------------------------------------
    def export_widget(self, widget, path) -> None:
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")

    def _export_dialog(self, widget) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export as PNG"), "trainer.png",
                                              self.tr("PNG image (*.png)"))
        if path:
            try:
                self.export_widget(widget, path)
            except OSError as exc:
                self.model._set_message(str(exc))

    # ---- TabView ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._on_running_changed(self.model.running)
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(self.tr("Train one epoch (→)"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to epoch 0 with the same initial weights (R)"))
        self.new_weights_button.setText(self.tr("New weights"))
        self.new_weights_button.setToolTip(self.tr("Back to epoch 0 with new random weights"))
        self.export_button.setText(self.tr("Export"))
        self.export_actions[0].setText(self.tr("Network diagram as PNG…"))
        self.export_actions[1].setText(self.tr("Output map as PNG…"))
        self.export_actions[2].setText(self.tr("Hidden space as PNG…"))
        self.presets.blockSignals(True)
        self.presets.clear()
        self.presets.addItem(self.tr("Lesson presets…"), "")
        for pid, name, description in self.model.preset_names():
            self.presets.addItem(name, pid)
            self.presets.setItemData(self.presets.count() - 1, description,
                                     Qt.ItemDataRole.ToolTipRole)
        self.presets.blockSignals(False)
        # the closed combo is short; its list is as wide as the longest name
        self.presets.view().setMinimumWidth(self.presets.view().sizeHintForColumn(0) + 40)
        for i, text in enumerate((self.tr("Hidden space"), self.tr("Gradients"),
                                  self.tr("Weights"), self.tr("Metrics"))):
            self.insights.setTabText(i, text)
        self.insights.fit_titles()
        self.show_test.setText(self.tr("Show test data"))
        self.discretize.setText(self.tr("Discretize output"))
        self.loss_log.setText(self.tr("Log-scale loss"))
        self.controls.retranslate()
        self.diagram.retranslate()
        self.hidden_space.retranslate()
        self.gradients.retranslate()
        self.weights.retranslate()
        self.metrics.retranslate()
        self.loss_plot.retranslate()
        self._on_weights_changed()
        self._on_message_changed(self.model.message)

    def apply_style(self) -> None:
        big = style.font(1.0, bold=True)
        for w in (self.play_button, self.step_button, self.reset_button,
                  self.new_weights_button, self.presets, self.export_button):
            w.setFont(style.font(1.0))
        self.play_button.setFont(big)
        self.presets.view().setMinimumWidth(self.presets.view().sizeHintForColumn(0) + 40)
        self.epoch_label.setFont(style.font(1.5, bold=True))
        self.stats.setFont(style.font(1.05 if style.scale < 1.2 else 0.95))
        self._title_pt = style.font(0.9).pointSizeF()
        self.banner.setFont(style.font(1.05, bold=True))
        for c in (self.show_test, self.discretize, self.loss_log):
            c.setFont(style.font(0.9))
        for c in (self.show_test, self.discretize):
            c.setStyleSheet(style.indicator_sheet("QCheckBox"))
        self._place_log_box()
        self.insights.setFont(style.font(0.95))
        self.insights.fit_titles()
        self.controls.apply_style()
        self.output.apply_style()
        self.loss_plot.apply_style()
        for p in (self.hidden_space, self.gradients, self.weights, self.metrics):
            p.apply_style()
        self.diagram.apply_style()
        self._fit_right()
        self._on_weights_changed()
        self._on_message_changed(self.model.message)
        # the controls get their minimum width; the network and the output share the rest
        self.splitter.setSizes([self.controls.minimumWidth(), 5000, 4000])
        # on a projector the network gets more of the height (drag the handle for more)
        share = (7, 3) if style.scale > 1.2 else (13, 7)
        self.centre.setStretchFactor(0, share[0])
        self.centre.setStretchFactor(1, share[1])
        self.centre.setSizes([100 * share[0], 100 * share[1]])

    def monkey_actions(self) -> list:
        m = self.model
        rnd = random.random
        acts = [
            m.step, m.reset, m.new_weights, m.regenerate, m.add_layer, m.remove_layer,
            m.next_hidden_layer, m.next_hidden_pair, m.clear_points,
            lambda: self.play_button.click(),
            lambda: m.add_neuron(random.randrange(MAX_LAYERS)),
            lambda: m.remove_neuron(random.randrange(MAX_LAYERS)),
            lambda: m.toggle_feature(random.choice(features.NAMES)),
            lambda: m.set_dataset(random.choice(data.CHOICES).id),
            lambda: m.set_learning_rate(random.choice(LEARNING_RATES)),
            lambda: m.set_optimizer(random.choice(["sgd", "momentum", "adam", "rmsprop"])),
            lambda: m.set_activation(random.choice(["tanh", "relu", "sigmoid", "linear"])),
            lambda: m.set_loss(random.choice(["mse", "cross_entropy"])),
            lambda: m.set_regularization(random.choice(["none", "l1", "l2"])),
            lambda: m.set_reg_rate(random.choice([0.0, 0.001, 0.03])),
            lambda: m.set_dropout(random.choice([0.0, 0.2])),
            lambda: m.set_noise(random.choice([0, 10, 30])),
            lambda: m.set_train_ratio(random.choice([30, 50, 80])),
            lambda: m.set_batch_size(random.choice([1, 10, 30])),
            lambda: m.set_speed(random.choice(SPEEDS)),
            lambda: m.set_show_test(rnd() < 0.5),
            lambda: m.set_discretize(rnd() < 0.5),
            lambda: m.set_loss_log(rnd() < 0.5),
            lambda: m.set_add_class(random.randrange(4)),
            lambda: self.output.click_at(rnd() * 12 - 6, rnd() * 12 - 6,
                                         Qt.MouseButton.LeftButton,
                                         Qt.KeyboardModifier.NoModifier),
            lambda: self.output.click_at(rnd() * 12 - 6, rnd() * 12 - 6,
                                         Qt.MouseButton.RightButton,
                                         Qt.KeyboardModifier.NoModifier),
            lambda: m.set_focus(random.choice([None, (1, 0), (0, 0)])
                                if m.s.hidden else None),
            lambda: m.set_weight(0, 0, 0, rnd() * 4 - 2),
            lambda: self.insights.setCurrentIndex(random.randrange(self.insights.count())),
            lambda: m.apply_preset(random.choice(m.presets)["id"]) if m.presets else None,
            lambda: m.load_csv("/nonexistent/points.csv"),
        ]
        return acts


def _pct(v: float) -> str:
    return "–" if v != v else f"{100 * v:.1f}%"


def _num(v: float) -> str:
    return "–" if v != v else (f"{v:.3f}" if abs(v) < 1000 else f"{v:.2e}")
