"""The tab registry: the one list of Neuralab's tabs, in the order they appear.

Each entry names a package ``desktop.tabs.<id>`` whose ``create(parent=None)`` returns a
``TabView`` with ``.model``. Titles are translated in the "tabs" context.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class TabSpec:
    id: str
    title: str
    #: the package that provides ``create``; ``desktop.tabs.<id>`` unless given.
    package: str = ""
    #: the modules of ``core.warmup.MODULES`` whose compiled kernels the tab calls: it is
    #: built as soon as they are warm (None: it waits for all of them). A test checks,
    #: tab by tab, that nothing else gets compiled or loaded on the GUI thread.
    core: tuple[str, ...] | None = None

    @property
    def module(self) -> str:
        return self.package or f"desktop.tabs.{self.id}"

    def translated_title(self) -> str:
        return QCoreApplication.translate("tabs", self.title)

    def create(self, parent=None):
        return importlib.import_module(self.module).create(parent)


TABS: list[TabSpec] = [
    # In lecture order; keys 1-9 switch to them.
    TabSpec("perceptron", QT_TRANSLATE_NOOP("tabs", "Perceptron"), core=()),
    TabSpec("activations", QT_TRANSLATE_NOOP("tabs", "Activations & losses"),
            core=("core.activations", "core.losses")),  # its Why-non-linear part waits
    TabSpec("descent", QT_TRANSLATE_NOOP("tabs", "Gradient descent"),
            core=("core.optimizers",)),
    TabSpec("backprop", QT_TRANSLATE_NOOP("tabs", "Backpropagation"), core=()),
    TabSpec("trainer", QT_TRANSLATE_NOOP("tabs", "MLP trainer")),
]


def tab_ids() -> list[str]:
    return [spec.id for spec in TABS]


def spec_for(tab_id: str) -> TabSpec:
    for spec in TABS:
        if spec.id == tab_id:
            return spec
    raise KeyError(f"unknown tab {tab_id!r}; known tabs: {', '.join(tab_ids())}")

