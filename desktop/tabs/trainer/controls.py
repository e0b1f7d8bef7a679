"""The left column: data and training controls (the playground's, and what its users asked).

Every widget writes through a model setter and is re-read from the model in ``sync()``; no
widget here takes keyboard focus, so Space and the arrows always reach the shell.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QPointF,
    QSignalBlocker,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QLinearGradient, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core import activations as core_activations
from core import optimizers as core_optimizers
from desktop.tabs.trainer import data
from desktop.tabs.trainer.images import to_rgba
from desktop.tabs.trainer.names import translated
from desktop.tabs.trainer.state import DROPOUTS, LEARNING_RATES, REG_RATES, SPEEDS
from desktop.theme import CLASS_COLORS, NEUTRAL, style
from desktop.widgets import ScrollWidthFitter

BATCH_SIZES = (1, 2, 5, 10, 20, 30, 50, 100, data.MAX_POINTS)
STOP_LOSSES = (0.0, 0.1, 0.05, 0.02, 0.01, 0.005, 0.001)
STOP_EPOCHS = (0, 100, 300, 1000, 3000, 10000, 100000)


def dataset_icon(dataset_id: str, size: int, dark: bool) -> QIcon:
    """A small picture of a dataset's points (drawn once per style)."""
    pts = data.generate(dataset_id, 0.0, 0, 1.0)
    pix = QPixmap(size, size)
    pix.fill(QColor("#2a2d31" if dark else NEUTRAL))
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    r = max(1.2, size / 36)
    lut = style.lut()
    rng = np.random.default_rng(0)
    idx = rng.permutation(len(pts.X))[:160]
    for i in idx:
        x, y = pts.X[i]
        if pts.kind == data.CLASSIFICATION:
            color = QColor(CLASS_COLORS[int(pts.y[i])])
        else:
            c = to_rgba(np.array([np.clip(pts.y[i], -1, 1)]), lut)[0]
            color = QColor(int(c[0]), int(c[1]), int(c[2]))
        p.setBrush(color)
        p.drawEllipse(QPointF((x + 6) / 12 * size, (6 - y) / 12 * size), r, r)
    p.end()
    return QIcon(pix)


def _combo() -> QComboBox:
    c = QComboBox()
    c.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    c.setMinimumContentsLength(6)
    c.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return c


def _fill(combo: QComboBox, items) -> None:
    """Replace a combo's items [(text, value), ...], keeping the selection's value."""
    with QSignalBlocker(combo):
        current = combo.currentData()
        combo.clear()
        for text, value in items:
            combo.addItem(text, value)
        if current is not None:
            _select(combo, current)


def _select(combo: QComboBox, value, text: str | None = None) -> None:
    with QSignalBlocker(combo):
        for i in range(combo.count()):
            d = combo.itemData(i)
            if d == value or (isinstance(d, float) and isinstance(value, float)
                              and abs(d - value) <= 1e-12 * max(1.0, abs(value))):
                combo.setCurrentIndex(i)
                return
        if text is None:
            text = f"{value:g}" if isinstance(value, float) else str(value)
        combo.addItem(text, value)
        combo.setCurrentIndex(combo.count() - 1)


class ControlPanel(QScrollArea):
    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        inner = QWidget()
        self.setWidget(inner)
        self._fitter = ScrollWidthFitter(self, slack=2, after=self._after_fit)
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(6, 4, 10, 4)
        lay.setSpacing(3)
        self.labels: dict[str, QLabel] = {}
        self.headers: dict[str, QLabel] = {}

        # --- data -------------------------------------------------------------------------
        self.headers["data"] = self._header(lay)
        self.dataset_buttons: dict[str, QToolButton] = {}
        self.dataset_group = QButtonGroup(self)
        self.dataset_group.setExclusive(True)
        self.dataset_grid = QGridLayout()
        self.dataset_grid.setSpacing(3)
        for i, c in enumerate(data.CHOICES):
            b = QToolButton()
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setAutoRaise(False)
            b.clicked.connect(lambda _c=False, d=c.id: model.set_dataset(d))
            self.dataset_group.addButton(b)
            self.dataset_buttons[c.id] = b
            self.dataset_grid.addWidget(b, i // 4, i % 4)
        lay.addLayout(self.dataset_grid)
        self.dataset_name = QLabel()
        lay.addWidget(self.dataset_name)
        self.ratio = self._slider(lay, "ratio", 10, 90, 10, model.set_train_ratio)
        self.noise = self._slider(lay, "noise", 0, 50, 5, model.set_noise)
        self.batch = self._combo_row(lay, "batch", model.set_batch_size)
        self.regenerate = self._button(model.regenerate)
        lay.addWidget(self.regenerate)

        # --- your own points ----------------------------------------------------------------
        self.headers["own"] = self._header(lay)
        row = QHBoxLayout()
        self.class_buttons = []
        self.class_group = QButtonGroup(self)
        for k, color in enumerate(CLASS_COLORS):
            b = QToolButton()
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _c=False, k=k: model.set_add_class(k))
            self.class_group.addButton(b)
            self.class_buttons.append(b)
            row.addWidget(b)
            b.setProperty("color", color)
        row.addStretch(1)
        self.clear = self._button(model.clear_points)
        row.addWidget(self.clear)
        lay.addLayout(row)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)
        row = self.csv_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.load = self._button(self.load_csv_dialog)
        self.save = self._button(self.save_csv_dialog)
        for b in (self.load, self.save):
            row.addWidget(b)
        lay.addLayout(row)

        # --- training ------------------------------------------------------------------------
        self.headers["train"] = self._header(lay)
        self.problem = self._combo_row(lay, "problem", model.set_problem)
        self.loss = self._combo_row(lay, "loss", model.set_loss)
        self.lr = self._combo_row(lay, "lr", model.set_learning_rate)
        self.optimizer = self._combo_row(lay, "optimizer", model.set_optimizer)
        self.activation = self._combo_row(lay, "activation", self._on_activation)
        self.reg = self._combo_row(lay, "reg", model.set_regularization)
        self.reg_rate = self._combo_row(lay, "reg_rate", model.set_reg_rate)
        self.dropout = self._combo_row(lay, "dropout", model.set_dropout)
        self.headers["run"] = self._header(lay)
        self.speed = self._combo_row(lay, "speed", model.set_speed)
        self.stop_loss = self._combo_row(lay, "stop_loss", model.set_stop_loss)
        self.stop_epochs = self._combo_row(lay, "stop_epochs", model.set_stop_epochs)
        lay.addStretch(1)
        # the column scrolls on a small screen: its bottom edge fades out while there is more
        self.fade = _Fade(self)
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._place_fade)
        bar.rangeChanged.connect(self._place_fade)

        for sig in (model.settings_changed, model.data_changed, model.network_changed,
                    model.display_changed):
            sig.connect(self.sync)
        self._icons_for = None
        self.retranslate()

    # ---- building helpers ----------------------------------------------------------------------
    def _header(self, lay) -> QLabel:
        label = QLabel()
        lay.addSpacing(6)
        lay.addWidget(label)
        return label

    def _label(self, lay, key) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        self.labels[key] = label
        lay.addWidget(label)
        return label

    def _slider(self, lay, key, lo, hi, step, setter) -> QSlider:
        self._label(lay, key)
        s = QSlider(Qt.Orientation.Horizontal)
        s.setRange(lo, hi)
        s.setSingleStep(step)
        s.setPageStep(step)
        s.setTickInterval(step)
        s.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        s.valueChanged.connect(lambda v, st=step, f=setter, w=s: self._on_slider(w, v, st, f))
        lay.addWidget(s)
        return s

    def _on_slider(self, slider, value, step, setter) -> None:
        snapped = int(round(value / step) * step)
        if snapped != value:
            slider.setValue(snapped)
            return
        setter(snapped)
        self._update_slider_labels()

    def _combo_row(self, lay, key, setter) -> QComboBox:
        self._label(lay, key)
        c = _combo()
        c.activated.connect(lambda i, w=c, f=setter: f(w.itemData(i)))
        lay.addWidget(c)
        return c

    def _button(self, slot) -> QPushButton:
        b = QPushButton()
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.clicked.connect(lambda _c=False: slot())
        return b

    def _place_fade(self) -> None:
        bar = self.verticalScrollBar()
        vp = self.viewport()
        h = int(36 * style.scale)
        self.fade.setGeometry(vp.x(), vp.y() + vp.height() - h, vp.width(), h)
        self.fade.setVisible(bar.value() < bar.maximum())
        self.fade.raise_()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._place_fade()

    def _on_activation(self, name: str) -> None:
        if name:
            self.model.set_activation(name)

    # ---- files ------------------------------------------------------------------------------
    def load_csv_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load points"), "",
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.model.load_csv(path)

    def save_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save points"), "points.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.model.save_csv(path)

    # ---- reading the model ---------------------------------------------------------------------
    def sync(self) -> None:
        m, s = self.model, self.model.s
        for did, b in self.dataset_buttons.items():
            with QSignalBlocker(b):
                b.setChecked(did == s.dataset)
        if s.dataset == data.CUSTOM:
            self.dataset_group.setExclusive(False)
            for b in self.dataset_buttons.values():
                b.setChecked(False)
            self.dataset_group.setExclusive(True)
        self.dataset_name.setText(f"<b>{m.dataset_label()}</b> · " + self.tr(
            "%1 points").replace("%1", str(len(m.points.X))))
        for slider, value in ((self.ratio, s.train_ratio), (self.noise, s.noise)):
            with QSignalBlocker(slider):
                slider.setValue(value)
        self.noise.setEnabled(s.dataset != data.CUSTOM)
        self.regenerate.setEnabled(s.dataset != data.CUSTOM)
        self._update_slider_labels()
        _select(self.batch, s.batch_size)
        classification = m.kind == data.CLASSIFICATION
        for k, b in enumerate(self.class_buttons):
            with QSignalBlocker(b):
                b.setChecked(k == s.add_class)
            b.setVisible(classification or k < 2)
        _select(self.problem, m.kind)
        _select(self.loss, "cross_entropy" if m.spec.loss in ("bce", "cross_entropy") else "mse")
        self.loss.setEnabled(classification and m.n_classes == 2)
        _select(self.lr, s.learning_rate)
        _select(self.optimizer, s.optimizer)
        acts = set(s.activations)
        if len(acts) == 1:
            _select(self.activation, s.activations[0])
        else:
            _select(self.activation, "", self.tr("per layer") if acts else self.tr("none"))
        self.activation.setEnabled(bool(s.hidden))
        _select(self.reg, s.regularization)
        _select(self.reg_rate, s.reg_rate)
        self.reg_rate.setEnabled(s.regularization != "none")
        _select(self.dropout, s.dropout)
        self.dropout.setEnabled(bool(s.hidden))
        _select(self.speed, s.speed)
        _select(self.stop_loss, s.stop_loss)
        _select(self.stop_epochs, s.stop_epochs)

    def _update_slider_labels(self) -> None:
        s = self.model.s
        self.labels["ratio"].setText(self.tr("Training data: %1 %").replace(
            "%1", str(s.train_ratio)))
        self.labels["noise"].setText(self.tr("Noise: %1").replace("%1", str(s.noise)))

    def retranslate(self) -> None:
        heads = {"data": self.tr("Data"), "own": self.tr("Your own points"),
                 "train": self.tr("Training"), "run": self.tr("Running")}
        for k, text in heads.items():
            self.headers[k].setText(text.upper())
        texts = {"batch": self.tr("Batch size"), "problem": self.tr("Problem type"),
                 "loss": self.tr("Loss"), "lr": self.tr("Learning rate"),
                 "optimizer": self.tr("Optimizer"), "activation": self.tr("Activation"),
                 "reg": self.tr("Regularization"), "reg_rate": self.tr("Regularization rate"),
                 "dropout": self.tr("Dropout"), "speed": self.tr("Speed"),
                 "stop_loss": self.tr("Stop at training loss"),
                 "stop_epochs": self.tr("Stop after")}
        for k, text in texts.items():
            self.labels[k].setText(text)
        for c in data.CHOICES:
            self.dataset_buttons[c.id].setToolTip(translated(c.label))
        self.regenerate.setText(self.tr("Regenerate"))
        self.regenerate.setToolTip(self.tr("New points of the same dataset (a new seed)"))
        self.hint.setText(self.tr("Click the output map to add a point of the chosen class; "
                                  "Shift+click adds the other class; right-click deletes."))
        names = (self.tr("orange"), self.tr("blue"), self.tr("green"), self.tr("purple"))
        for b, name in zip(self.class_buttons, names):
            b.setToolTip(self.tr("Add points of the %1 class").replace("%1", name))
        self.clear.setText(self.tr("Clear"))
        self.clear.setToolTip(self.tr("Remove every point, to draw your own"))
        self.load.setText(self.tr("Load CSV…"))
        self.save.setText(self.tr("Save CSV…"))
        _fill(self.batch, [(str(b) if b < data.MAX_POINTS else self.tr("all (full batch)"), b)
                           for b in BATCH_SIZES])
        _fill(self.problem, [(self.tr("Classification"), data.CLASSIFICATION),
                             (self.tr("Regression"), data.REGRESSION)])
        _fill(self.loss, [(self.tr("Squared error ½(o − t)²"), "mse"),
                          (self.tr("Cross-entropy"), "cross_entropy")])
        _fill(self.lr, [(f"{v:g}", v) for v in LEARNING_RATES])
        _fill(self.optimizer, [(r.label, r.name) for r in core_optimizers.OPTIMIZERS.values()])
        _fill(self.activation, [(translated_activation(r.label), r.name)
                                for r in core_activations.ACTIVATIONS.values()])
        _fill(self.reg, [(self.tr("None"), "none"), ("L1", "l1"), ("L2", "l2")])
        _fill(self.reg_rate, [(f"{v:g}", v) for v in REG_RATES])
        _fill(self.dropout, [(f"{v:g}" if v else self.tr("off"), v) for v in DROPOUTS])
        _fill(self.speed, [(self.tr("As fast as possible"), 0)] + [
            (self.tr("%1 epochs/s (the playground's pace)") if v == 60 else
             self.tr("%1 epochs/s"), v) for v in SPEEDS if v])
        for i in range(self.speed.count()):
            self.speed.setItemText(i, self.speed.itemText(i).replace(
                "%1", f"{self.speed.itemData(i):,}"))
        _fill(self.stop_loss, [(self.tr("never") if v == 0 else f"{v:g}", v)
                               for v in STOP_LOSSES])
        _fill(self.stop_epochs, [(self.tr("never") if v == 0 else
                                  self.tr("%1 epochs").replace("%1", f"{v:,}"), v)
                                 for v in STOP_EPOCHS])
        self.sync()

    def apply_style(self) -> None:
        for h in self.headers.values():
            h.setFont(style.font(0.9, bold=True))
            h.setStyleSheet(f"color: {style.muted}; letter-spacing: 1px")
        for label in self.labels.values():
            label.setFont(style.font(0.85))
        self.hint.setFont(style.font(0.8))
        self.hint.setStyleSheet(f"color: {style.muted}")
        self.dataset_name.setFont(style.font(0.95))
        size = int(30 * style.scale)
        key = (size, style.dark)
        if key != self._icons_for:
            self._icons_for = key
            for c in data.CHOICES:
                b = self.dataset_buttons[c.id]
                b.setIcon(dataset_icon(c.id, size, style.dark))
                b.setIconSize(QSize(size, size))
        self.csv_row.setDirection(QBoxLayout.Direction.TopToBottom if style.scale > 1.2
                                  else QBoxLayout.Direction.LeftToRight)
        sw = int(22 * style.scale)
        for b in self.class_buttons:
            color = b.property("color")
            b.setFixedSize(sw + 8, sw + 8)
            b.setStyleSheet(
                f"QToolButton {{ background: {color}; border: 2px solid {style.background};"
                f" border-radius: {(sw + 8) // 2}px; }}"
                f"QToolButton:checked {{ border: 3px solid {style.foreground}; }}")
        # a wide, contrasting scroll bar: on a projector the column must look scrollable
        bar_w = int(8 * style.scale) + 4
        track = "#2a2d31" if style.dark else "#e8eaeb"
        self.verticalScrollBar().setStyleSheet(
            f"QScrollBar:vertical {{ width: {bar_w}px; background: {track}; margin: 0;"
            f" border-radius: {bar_w // 2}px; }}"
            f"QScrollBar::handle:vertical {{ background: {style.muted}; min-height: {bar_w * 3}px;"
            f" border-radius: {bar_w // 2 - 2}px; margin: 2px; }}"
            "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }"
            "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }")
        self.fade.update()
        self._fit_width()

    def _fit_width(self) -> None:
        """As wide as the widest row needs (no clipped button), and a little more at most;
        fonts and texts (a new language, the projector's font) settle in posted layout
        requests after apply_style, and the fitter follows them."""
        self._fitter.fit()

    def _after_fit(self, width: int) -> None:
        self.setMaximumWidth(width - 2 + int(60 * style.scale))
        self._place_fade()


class _Fade(QWidget):
    """A strip over the bottom of the scrolled column, fading its last line into the
    background: the text there plainly goes on, instead of looking cut off."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event):  # noqa: N802
        bg = self.palette().color(QPalette.ColorRole.Window)
        clear = QColor(bg)
        clear.setAlpha(0)
        grad = QLinearGradient(0, 0, 0, self.height())
        grad.setColorAt(0.0, clear)
        grad.setColorAt(0.85, bg)
        grad.setColorAt(1.0, bg)
        p = QPainter(self)
        p.fillRect(self.rect(), grad)
        p.end()


# The registry's labels, marked for lupdate (nothing else lists them).
_ACTIVATION_NOOP = (
    QT_TRANSLATE_NOOP("ActivationNames", "Linear"),
    QT_TRANSLATE_NOOP("ActivationNames", "Step"),
    QT_TRANSLATE_NOOP("ActivationNames", "Sigmoid"),
    QT_TRANSLATE_NOOP("ActivationNames", "Tanh"),
    QT_TRANSLATE_NOOP("ActivationNames", "ReLU"),
    QT_TRANSLATE_NOOP("ActivationNames", "Leaky ReLU"),
    QT_TRANSLATE_NOOP("ActivationNames", "ELU"),
    QT_TRANSLATE_NOOP("ActivationNames", "Softplus"),
    QT_TRANSLATE_NOOP("ActivationNames", "GELU"),
    QT_TRANSLATE_NOOP("ActivationNames", "Swish"),
)


def translated_activation(label: str) -> str:
    """An activation's display name in the current language."""
    return QCoreApplication.translate("ActivationNames", label)
