"""The tab registry: the one list of Neuralab's tabs, in the order they appear.

Each entry names a package ``desktop.tabs.<id>`` whose ``create(parent=None)`` returns a
``TabView`` with ``.model``. Titles are translated in the "tabs" context.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class TabSpec:
    id: str
    title: str

    @property
    def module(self) -> str:
        return f"desktop.tabs.{self.id}"

    def translated_title(self) -> str:
        return QCoreApplication.translate("tabs", self.title)

    def create(self, parent=None):
        return importlib.import_module(self.module).create(parent)


TABS: list[TabSpec] = [
    # Each tab issue adds its own line here, in lecture order.
]


def tab_ids() -> list[str]:
    return [spec.id for spec in TABS]


def spec_for(tab_id: str) -> TabSpec:
    for spec in TABS:
        if spec.id == tab_id:
            return spec
    raise KeyError(f"unknown tab {tab_id!r}; known tabs: {', '.join(tab_ids())}")


_ = QT_TRANSLATE_NOOP  # keeps the marker importable for tab titles above
