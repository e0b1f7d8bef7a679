"""The descent tab's control panel: lesson, surface, presets, optimizers, rates, aids.

Writes only through the model's setters; ``refresh`` re-reads the model into the widgets
with their signals blocked, so a model change never echoes back as an edit.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

import core.optimizers as optimizers
from desktop.tabs.descent import names, state, surfaces
from desktop.tabs.descent.widgets import (
    NumberBox,
    WrapLabel,
    no_keyboard,
    readable,
)
from desktop.theme import SERIES_COLORS, style
from desktop.widgets import ElidingComboBox

OPT_NAMES = list(optimizers.OPTIMIZERS)
HYPER_KEYS = ("learning_rate", "momentum", "rho", "alpha", "beta1", "beta2", "eps")
HYPER_RANGES = {"learning_rate": (1e-6, 1e4, 10 ** 0.25, 0.0), "momentum": (0.0, 0.999, None,
                0.05), "rho": (0.0, 1.0, None, 0.01), "alpha": (0.0, 1.0, None, 0.01),
                "beta1": (0.0, 0.999, None, 0.01), "beta2": (0.0, 0.9999, None, 0.001),
                "eps": (1e-12, 1.0, 10.0, 0.0)}


def _combo() -> ElidingComboBox:
    box = ElidingComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    no_keyboard(box)
    return box


class Section(QFrame):
    """A titled block of controls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 6, 0, 6)
        self.body.setSpacing(4)
        self.body.addWidget(self.title)

    def apply_style(self) -> None:
        self.title.setFont(style.font(1.0, bold=True))


class ControlPanel(QWidget):
    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(2)
        self.sections: list[Section] = []

        # lesson, surface, preset
        self.sec_setup = self._section(lay)
        self.lesson_box = _combo()
        self.surface_box = _combo()
        self.preset_box = _combo()
        self.lesson_label, self.surface_label, self.preset_label = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.preset_label, self.preset_box)
        form.addRow(self.lesson_label, self.lesson_box)
        form.addRow(self.surface_label, self.surface_box)
        self.sec_setup.body.addLayout(form)
        self.formula = WrapLabel()
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.sec_setup.body.addWidget(self.formula)
        # custom function
        self.custom = QWidget()
        cl = QGridLayout(self.custom)
        cl.setContentsMargins(0, 0, 0, 0)
        self.custom_label = QLabel("f(x, y) =")
        self.custom_edit = QLineEdit()
        self.custom_edit.setMaxLength(state.MAX_EXPRESSION)
        self.custom_button = QPushButton()
        no_keyboard(self.custom_button)
        self.range_label = QLabel()
        self.range_box = NumberBox(0.1, 1000.0, log_step=None, linear_step=0.5)
        self.custom_error = WrapLabel()
        cl.addWidget(self.custom_label, 0, 0)
        cl.addWidget(self.custom_edit, 0, 1, 1, 2)
        cl.addWidget(self.range_label, 1, 0)
        cl.addWidget(self.range_box, 1, 1)
        cl.addWidget(self.custom_button, 1, 2)
        cl.addWidget(self.custom_error, 2, 0, 1, 3)
        cl.setColumnStretch(1, 1)
        self.custom_help = WrapLabel()
        cl.addWidget(self.custom_help, 3, 0, 1, 3)
        self.sec_setup.body.addWidget(self.custom)

        # optimizers
        self.sec_opts = self._section(lay)
        self.opt_checks = {}
        self.opt_layout = QGridLayout()
        self.opt_layout.setContentsMargins(0, 0, 0, 0)
        for name in OPT_NAMES:
            box = QCheckBox()
            no_keyboard(box)
            box.toggled.connect(lambda on, n=name: self.model.set_optimizer_enabled(n, on))
            self.opt_checks[name] = box
        self._place_optimizer_checks(2)
        self.opt_grid = QWidget()
        self.opt_grid.setLayout(self.opt_layout)
        self.sec_opts.body.addWidget(self.opt_grid)
        self.lesson_opt_box = _combo()
        self.sec_opts.body.addWidget(self.lesson_opt_box)

        # learning rates and hyper-parameters
        self.sec_rates = self._section(lay)
        self.rate_tuned = QRadioButton()
        self.rate_shared = QRadioButton()
        no_keyboard(self.rate_tuned, self.rate_shared)
        self.rate_group = QButtonGroup(self)
        self.rate_group.addButton(self.rate_tuned)
        self.rate_group.addButton(self.rate_shared)
        self.sec_rates.body.addWidget(self.rate_tuned)
        self.sec_rates.body.addWidget(self.rate_shared)
        self.rate_caption = WrapLabel()
        self.sec_rates.body.addWidget(self.rate_caption)
        self.restore_button = QPushButton()
        no_keyboard(self.restore_button)
        self.sec_rates.body.addWidget(self.restore_button)
        self.edit_row = QHBoxLayout()
        self.edit_label = QLabel()
        self.edit_box = _combo()
        self.edit_row.addWidget(self.edit_label)
        self.edit_row.addWidget(self.edit_box, 1)
        self.sec_rates.body.addLayout(self.edit_row)
        self.hyper_form = QFormLayout()
        self.hyper_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.hyper_labels, self.hyper_boxes = {}, {}
        for key in HYPER_KEYS:
            lo, hi, log_step, lin = HYPER_RANGES[key]
            box = NumberBox(lo, hi, log_step=log_step, linear_step=lin)
            box.value_committed.connect(lambda v, k=key: self._on_hyper(k, v))
            self.hyper_labels[key] = QLabel()
            self.hyper_boxes[key] = box
            self.hyper_form.addRow(self.hyper_labels[key], box)
        self.sec_rates.body.addLayout(self.hyper_form)
        self.formula_opt = WrapLabel()
        self.formula_opt.setTextFormat(Qt.TextFormat.RichText)
        self.sec_rates.body.addWidget(self.formula_opt)

        # the learning-rate lesson's three rates
        self.sec_lesson = self._section(lay)
        lesson_form = QFormLayout()
        lesson_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.lesson_labels, self.lesson_boxes = [], []
        for i in range(3):
            box = NumberBox(1e-6, 1e4)
            box.value_committed.connect(lambda v, i=i: self._guard(self.model.set_lesson_rate,
                                                                   i, v))
            self.lesson_labels.append(QLabel())
            self.lesson_boxes.append(box)
            lesson_form.addRow(self.lesson_labels[i], box)
        self.sec_lesson.body.addLayout(lesson_form)

        # batches (data surfaces)
        self.sec_batch = self._section(lay)
        batch_form = QFormLayout()
        batch_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.k_label, self.k_box = QLabel(), QSpinBox()
        self.k_box.setRange(1, 10_000)
        self.k_box.setKeyboardTracking(False)
        self.k_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.race_batch_label, self.race_batch_box = QLabel(), _combo()
        batch_form.addRow(self.k_label, self.k_box)
        batch_form.addRow(self.race_batch_label, self.race_batch_box)
        self.sec_batch.body.addLayout(batch_form)
        self.batch_caption = WrapLabel()
        self.sec_batch.body.addWidget(self.batch_caption)

        # visual aids
        self.sec_show = self._section(lay)
        self.show_checks = {}
        for flag in ("gradient", "velocity", "accumulator", "3d"):
            box = QCheckBox()
            no_keyboard(box)
            box.toggled.connect(lambda on, f=flag: self.model.set_show(f, on))
            self.show_checks[flag] = box
            self.sec_show.body.addWidget(box)
        self.show_caption = WrapLabel()
        self.sec_show.body.addWidget(self.show_caption)
        lay.addStretch(1)

        self.lesson_box.activated.connect(
            lambda i: self.model.set_lesson(self.lesson_box.itemData(i)))
        self.surface_box.activated.connect(self._on_surface)
        self.preset_box.activated.connect(self._on_preset)
        self.custom_edit.returnPressed.connect(self._on_custom)
        self.custom_button.clicked.connect(self._on_custom)
        self.range_box.value_committed.connect(lambda _v: self._on_custom())
        self.lesson_opt_box.activated.connect(
            lambda i: self.model.set_lesson_optimizer(self.lesson_opt_box.itemData(i)))
        self.rate_tuned.toggled.connect(
            lambda on: on and self.model.set_rate_mode("tuned"))
        self.rate_shared.toggled.connect(
            lambda on: on and self.model.set_rate_mode("shared"))
        self.restore_button.clicked.connect(self.model.restore_tuned_rates)
        self.edit_box.activated.connect(
            lambda i: self.model.set_edited_optimizer(self.edit_box.itemData(i)))
        self.k_box.valueChanged.connect(lambda k: self._guard(self.model.set_batch_size, k))
        self.k_box.editingFinished.connect(self.k_box.clearFocus)
        self.race_batch_box.activated.connect(
            lambda i: self.model.set_race_batch(self.race_batch_box.itemData(i)))
        self.gl_available = True

    def _place_optimizer_checks(self, columns: int) -> None:
        for i, box in enumerate(self.opt_checks.values()):
            self.opt_layout.addWidget(box, i // columns, i % columns)

    def _section(self, lay) -> Section:
        sec = Section()
        lay.addWidget(sec)
        self.sections.append(sec)
        return sec

    # --- writes -------------------------------------------------------------------------
    def _guard(self, fn, *args) -> None:
        """Call a setter; a value the model refuses snaps the widgets back."""
        try:
            fn(*args)
        except ValueError:
            self.refresh()

    def _on_hyper(self, key: str, value: float) -> None:
        self._guard(self.model.set_hyper, self.model.edited_optimizer, key, value)

    def _on_surface(self, index: int) -> None:
        self.model.set_surface(self.surface_box.itemData(index))
        if self.model.surface_key == surfaces.CUSTOM:
            self.custom_edit.setFocus()

    def _on_preset(self, index: int) -> None:
        preset_id = self.preset_box.itemData(index)
        if preset_id:
            self.model.apply_preset(preset_id)

    def _on_custom(self) -> None:
        self.model.set_custom_expression(self.custom_edit.text(), self.range_box.value())
        if not self.model.custom_error:
            self.custom_edit.clearFocus()

    # --- reads ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.sec_setup.title.setText(self.tr("What to show"))
        self.preset_label.setText(self.tr("Preset"))
        self.lesson_label.setText(self.tr("Lesson"))
        self.surface_label.setText(self.tr("Surface"))
        self.custom_button.setText(self.tr("Plot"))
        self.range_label.setText(self.tr("Range ±"))
        self.custom_edit.setPlaceholderText(self.tr("e.g. x^2 + 3*y^2 + sin(2*x)"))
        self.custom_help.setText(self.tr("Use x, y, numbers, + − * / ^, parentheses and sin, cos, "
                                    "exp, log, sqrt, abs. Press Enter to plot."))
        self.sec_opts.title.setText(self.tr("Optimizers"))
        self.sec_rates.title.setText(self.tr("Learning rates"))
        self.rate_tuned.setText(self.tr("Each its own tuned rate"))
        self.rate_shared.setText(self.tr("The same rate for all"))
        self.restore_button.setText(self.tr("Restore tuned rates"))
        self.edit_label.setText(self.tr("Edit"))
        for key in HYPER_KEYS:
            self.hyper_labels[key].setText(names.tr_name(names.HYPER_NAMES[key]))
        self.sec_lesson.title.setText(self.tr("Three learning rates"))
        for label, role in zip(self.lesson_labels, ("small", "good", "large")):
            label.setText(names.tr_name(names.ROLE_NAMES[role]))
        self.sec_batch.title.setText(self.tr("Batches"))
        self.k_label.setText(self.tr("Mini-batch size k"))
        self.race_batch_label.setText(self.tr("Gradients from"))
        self.sec_show.title.setText(self.tr("Show"))
        self.show_checks["gradient"].setText(self.tr("Gradient arrows"))
        self.show_checks["velocity"].setText(self.tr("Velocity arrows"))
        self.show_checks["accumulator"].setText(self.tr("Per-axis step sizes"))
        self.show_checks["3d"].setText(self.tr("3-D surface"))
        self.show_caption.setText(self.tr(
            "Thin arrow: −gradient, the steepest way down. Thick coloured arrow: the velocity "
            "(momentum) or Adam's average gradient m. Dashed box: how far an adaptive "
            "optimizer steps along x and along y. Bars: the taller √(accumulated g²), the "
            "smaller the step along that axis."))
        self.refresh()

    def refresh(self) -> None:
        """Re-read the whole model into the widgets (signals blocked)."""
        m = self.model
        widgets = [self.lesson_box, self.surface_box, self.preset_box, self.lesson_opt_box,
                   self.edit_box, self.race_batch_box, self.k_box, self.rate_tuned,
                   self.rate_shared, *self.opt_checks.values(), *self.show_checks.values()]
        for w in widgets:
            w.blockSignals(True)
        try:
            self._fill(self.lesson_box, [(k, names.tr_name(v))
                                         for k, v in names.LESSON_NAMES.items()], m.lesson)
            self._fill(self.surface_box, [(k, m.surface_label(k))
                                          for k in surfaces.surface_keys()], m.surface_key)
            choose = self.tr("Choose a preset…")
            self.preset_box.set_min_text(choose)
            self._fill(self.preset_box, [("", choose)] + [
                (p["id"], m.preset_label(p)) for p in m.presets], m.preset_id)
            opts = [(n, names.optimizer_label(n)) for n in OPT_NAMES]
            self._fill(self.lesson_opt_box, opts, m.lesson_optimizer)
            self._fill(self.edit_box, opts, m.edited_optimizer)
            self._fill(self.race_batch_box, [(k, names.tr_name(v)) for k, v in
                                             names.RACE_BATCH_NAMES.items()], m.race_batch)
            self._refresh_values()
        finally:
            for w in widgets:
                w.blockSignals(False)

    def _refresh_values(self) -> None:
        m = self.model
        race = m.lesson == "race"
        custom = m.surface_key == surfaces.CUSTOM
        self.custom.setVisible(custom)
        if custom:
            if not self.custom_edit.hasFocus() and self.custom_edit.text() != m.custom_draft:
                self.custom_edit.setText(m.custom_draft)
            self.range_box.set_value_quietly(m.custom_range)
        self._refresh_error()
        formula = m.surface.formula if m.surface is not None else ""
        self.formula.setText(f"<span style='color:{style.muted}'>{formula}</span>")
        self.formula.setVisible(True)
        for i, (name, box) in enumerate(self.opt_checks.items()):
            box.setChecked(name in m.selected_optimizers)
            box.setText(names.optimizer_label(name))
            _set_sheet(box, style.indicator_sheet(
                "QCheckBox", f"color: {readable(SERIES_COLORS[i])}; font-weight: bold;"))
        self.opt_grid.setVisible(race)
        self.lesson_opt_box.setVisible(not race)
        self.sec_opts.title.setText(self.tr("Optimizers") if race else self.tr("Optimizer"))
        self.sec_rates.title.setText(self.tr("Learning rates") if m.lesson != "learning_rate"
                                     else self.tr("Update rule"))
        shared = m.rate_mode == "shared"
        self.rate_tuned.setChecked(not shared)
        self.rate_shared.setChecked(shared)
        self.rate_caption.setText(
            self.tr("One learning rate for all: a fair test of the update rules, but a rate "
                    "that suits SGD is far too small for Adagrad or Adadelta.") if shared else
            self.tr("Each optimizer uses a rate tuned for this surface: the race compares "
                    "each method at its best, not the rules at the same rate."))
        self.rate_caption.setStyleSheet(f"color: {style.muted}")
        for w in (self.rate_tuned, self.rate_shared, self.rate_caption, self.restore_button):
            w.setVisible(m.lesson != "learning_rate")
        name = m.lesson_optimizer if not race else m.edited_optimizer
        self.edit_label.setVisible(race)
        self.edit_box.setVisible(race)
        info = optimizers.OPTIMIZERS[name]
        hyper = m.hyper(name)
        for key in HYPER_KEYS:
            used = key in info.hyper_names and not (key == "learning_rate" and
                                                   m.lesson == "learning_rate")
            self.hyper_labels[key].setVisible(used)
            self.hyper_boxes[key].setVisible(used)
            if used:
                self.hyper_boxes[key].set_value_quietly(hyper[key])
        self.formula_opt.setText(f"<span style='color:{style.muted}'>{info.formula}</span>")
        self.sec_lesson.setVisible(m.lesson == "learning_rate")
        for box, lr in zip(self.lesson_boxes, m.lesson_rates):
            box.set_value_quietly(lr)
        data = m.surface is not None and m.surface.is_data
        self.sec_batch.setVisible(data)
        if data:
            self.k_box.setRange(1, max(1, m.n_samples - 1))
            self.k_box.setValue(m.mini_batch_size)
            self.k_box.setSuffix(f" / N = {m.n_samples}")
            self.race_batch_label.setVisible(m.lesson != "batch")
            self.race_batch_box.setVisible(m.lesson != "batch")
            self.batch_caption.setText(self.tr(
                "The contour is the loss on all N samples. A ball that sees only k samples "
                "per step follows a noisy estimate of its gradient: cheaper steps, a "
                "wobbly path. Averaged over an epoch, the noise cancels."))
            self.batch_caption.setStyleSheet(f"color: {style.muted}")
        for flag, box in self.show_checks.items():
            box.setChecked(getattr(m, f"show_{flag}"))
        gl = self.show_checks["3d"]
        gl.setEnabled(self.gl_available)
        gl.setToolTip("" if self.gl_available else self.tr(
            "OpenGL is not available here: the 3-D view is off, the map shows everything."))

    def _refresh_error(self) -> None:
        m = self.model
        if m.custom_error:
            where = ""
            if m.custom_error_position >= 0:
                where = self.tr(" (at character %1)").replace(
                    "%1", str(m.custom_error_position + 1))
            self.custom_error.setText(self.tr("Cannot plot this: %1").replace(
                "%1", m.custom_error) + where)
            self.custom_error.setStyleSheet("color: #d55e00; font-weight: bold;")
            self.custom_error.show()
            if m.custom_error_position >= 0:
                self.custom_edit.setCursorPosition(m.custom_error_position)
        else:
            self.custom_error.hide()

    @staticmethod
    def _fill(box: QComboBox, items: list[tuple[str, str]], current) -> None:
        """Set a combo's items (only when they changed) and select ``current``."""
        existing = [(box.itemData(i), box.itemText(i)) for i in range(box.count())]
        if existing != items:
            box.clear()
            for key, text in items:
                box.addItem(text, key)
        for i, (key, _) in enumerate(items):
            if key == current:
                box.setCurrentIndex(i)
                break

    def apply_style(self) -> None:
        # two columns of optimizers fit a normal screen; one column in projector mode
        self._place_optimizer_checks(1 if style.scale > 1.3 else 2)
        for sec in self.sections:
            sec.apply_style()
        self.custom_error.setFont(style.font(1.0, bold=True))
        for label in (self.show_caption, self.custom_help):
            label.setFont(style.font(0.85))
            label.setStyleSheet(f"color: {style.muted}")
        self.custom_edit.setFont(style.font(1.1))
        for box in self.show_checks.values():
            _set_sheet(box, style.indicator_sheet("QCheckBox"))
        for button in (self.rate_tuned, self.rate_shared):
            _set_sheet(button, style.indicator_sheet("QRadioButton"))
        self.refresh()


def _set_sheet(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only when it changed (each change re-polishes the widget)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
