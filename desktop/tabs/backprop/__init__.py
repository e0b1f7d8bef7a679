"""The backpropagation tab: the chain rule on a computational graph, forwards and backwards,
stage by stage, and a small network trained on one example iteration by iteration."""
from __future__ import annotations

from desktop.tabs.backprop.model import BackpropModel
from desktop.tabs.backprop.view import BackpropView

__all__ = ["BackpropModel", "BackpropView", "create"]


def create(parent=None) -> BackpropView:
    return BackpropView(BackpropModel(), parent)
