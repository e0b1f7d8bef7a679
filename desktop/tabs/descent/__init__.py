"""The gradient-descent landscape tab: an optimizer race on loss surfaces, the learning-rate
lesson, batch vs mini-batch vs stochastic gradients, and a safe custom function."""
from __future__ import annotations


def create(parent=None):
    from desktop.tabs.descent.model import DescentModel
    from desktop.tabs.descent.view import DescentView

    return DescentView(DescentModel(), parent)
