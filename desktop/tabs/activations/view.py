"""The activations & losses tab: a sidebar of sections and presets, one page per section."""
from __future__ import annotations

import random

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.tabs.activations.model import SECTIONS, ActivationsModel
from desktop.tabs.activations.page_activations import ActivationsPage
from desktop.tabs.activations.page_losses import LossesPage
from desktop.tabs.activations.page_maxout import MaxoutPage
from desktop.tabs.activations.page_nonlinear import NonlinearPage
from desktop.tabs.activations.page_softmax import SoftmaxPage
from desktop.tabs.activations.page_vanishing import VanishingPage
from desktop.tabs.base import TabView
from desktop.theme import style
from desktop.widgets import ElidingComboBox

PAGES = {
    "activations": ActivationsPage,
    "softmax": SoftmaxPage,
    "maxout": MaxoutPage,
    "vanishing": VanishingPage,
    "nonlinear": NonlinearPage,
    "losses": LossesPage,
}


class ActivationsView(TabView):
    """Sidebar (presets, sections) | the current section's page."""

    def __init__(self, model: ActivationsModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.sidebar = QFrame()
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        side = QVBoxLayout(self.sidebar)
        side.setContentsMargins(0, 0, 6, 0)
        self.preset_label = QLabel()
        self.preset_combo = ElidingComboBox()
        self.preset_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # as wide as the sidebar: a long preset name is elided here, whole in the list
        self.preset_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preset_combo.setMinimumContentsLength(4)
        self.preset_combo.activated.connect(self._on_preset_chosen)
        self.section_label = QLabel()
        self.sections = QListWidget()
        self.sections.addItems([""] * len(SECTIONS))
        self.sections.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the shell
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.currentRowChanged.connect(self._on_section_row)
        self.keys_hint = QLabel()
        self.keys_hint.setWordWrap(True)
        side.addWidget(self.preset_label)
        side.addWidget(self.preset_combo)
        side.addSpacing(8)
        side.addWidget(self.section_label)
        side.addWidget(self.sections)
        side.addWidget(self.keys_hint)
        side.addStretch(1)
        self.stack = QStackedWidget()
        self.pages = {}
        for sec in SECTIONS:
            page = PAGES[sec](model)
            self.pages[sec] = page
            self.stack.addWidget(page)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.sidebar)
        lay.addWidget(self.stack, 1)
        # Page Up / Page Down walk through the sections (arrows and Space are the shell's).
        for key, delta in ((QKeySequence.StandardKey.MoveToPreviousPage, -1),
                           (QKeySequence.StandardKey.MoveToNextPage, 1)):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda d=delta: self.move_section(d))
        model.section_changed.connect(self._on_section_changed)
        model.preset_changed.connect(self._on_preset_changed)
        style.changed.connect(self.apply_style)
        self.retranslate()
        self.apply_style()
        self._on_section_changed(model.section)

    # --- model -> view ----------------------------------------------------------------
    def _on_section_changed(self, section: str) -> None:
        i = SECTIONS.index(section)
        with QSignalBlocker(self.sections):
            self.sections.setCurrentRow(i)
        # a stack is as wide as its widest page: let only the page on show count
        for sec, page in self.pages.items():
            policy = (QSizePolicy.Policy.Preferred if sec == section
                      else QSizePolicy.Policy.Ignored)
            page.setSizePolicy(policy, policy)
        self.stack.setCurrentIndex(i)

    def _on_preset_changed(self, preset_id: str) -> None:
        ids = [self.preset_combo.itemData(i) for i in range(self.preset_combo.count())]
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.setCurrentIndex(ids.index(preset_id) if preset_id in ids else 0)
        self.preset_combo.setToolTip(self.preset_combo.currentText())  # when elided

    # --- view -> model ----------------------------------------------------------------
    def _on_section_row(self, row: int) -> None:
        if 0 <= row < len(SECTIONS):
            self.model.set_section(SECTIONS[row])

    def _on_preset_chosen(self, index: int) -> None:
        preset_id = self.preset_combo.itemData(index)
        if preset_id:
            self.model.apply_preset(preset_id)

    def move_section(self, delta: int) -> None:
        i = (SECTIONS.index(self.model.section) + delta) % len(SECTIONS)
        self.model.set_section(SECTIONS[i])

    # --- shell hooks ------------------------------------------------------------------
    def section_titles(self) -> list[str]:
        return [self.tr("Activations"), self.tr("Softmax"), self.tr("Maxout"),
                self.tr("Vanishing gradients"), self.tr("Why non-linear?"), self.tr("Losses")]

    def retranslate(self) -> None:
        self.preset_label.setText(self.tr("Lecture presets"))
        self.section_label.setText(self.tr("Sections"))
        self.keys_hint.setText(self.tr("→ ← step · Space play · R reset · PgUp/PgDn section"))
        for i, title in enumerate(self.section_titles()):
            self.sections.item(i).setText(title)
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.clear()
            self.preset_combo.addItem(self.tr("Choose a preset…"), "")
            for pid, name in self.model.preset_names():
                self.preset_combo.addItem(name, pid)
        self._on_preset_changed(self.model.preset)
        self._fit_sidebar()
        for page in self.pages.values():
            page.retranslate()

    def apply_style(self) -> None:
        # the class reads the section names too: the sidebar follows the projector font
        for lab in (self.preset_label, self.section_label):
            lab.setFont(style.font(1.0, bold=True))
        self.preset_combo.setFont(style.font(1.0))
        self.sections.setFont(style.font(1.0))
        self.keys_hint.setFont(style.font(0.8))
        self.keys_hint.setStyleSheet(f"color: {style.muted}")
        self._fit_sidebar()
        for page in self.pages.values():
            page.apply_style()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the language set another family
            self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        """As wide as the longest section name (no eliding, no horizontal scroll) and as
        tall as its rows (Hangul rows are taller than Latin ones: measure every row)."""
        self.sections.doItemsLayout()
        frame = 2 * self.sections.frameWidth()
        rows = sum(self.sections.sizeHintForRow(i) for i in range(self.sections.count()))
        self.sections.setFixedHeight(rows + frame + 4)
        fm = self.sections.fontMetrics()
        names = max(fm.horizontalAdvance(self.sections.item(i).text())
                    for i in range(self.sections.count()))
        # the combo is as wide as the sidebar, never too narrow for "Choose a preset…"; its
        # list opens as wide as the longest preset (ElidingComboBox)
        self.preset_combo.set_min_text(self.preset_combo.itemText(0))
        width = max(names + frame + 16, self.preset_combo.minimumSizeHint().width())
        margins = self.sidebar.layout().contentsMargins()
        self.sidebar.setFixedWidth(width + margins.left() + margins.right())

    def monkey_actions(self) -> list:
        n_presets = self.preset_combo.count()
        acts = [
            lambda: self.sections.setCurrentRow(random.randrange(len(SECTIONS))),
            lambda: self._on_preset_chosen(random.randrange(n_presets)),
            lambda: self.move_section(random.choice([-1, 1])),
        ]
        for page in self.pages.values():
            acts += page.monkey_actions()
        return acts
