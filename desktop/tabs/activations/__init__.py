"""Activation functions and loss functions (issue 5): curves and derivatives, softmax,
maxout, vanishing gradients, why non-linearity matters, and which loss for which problem."""
from __future__ import annotations


def create(parent=None):
    """Build the model and its view; the view has ``.model``."""
    from desktop.tabs.activations.model import ActivationsModel
    from desktop.tabs.activations.view import ActivationsView

    return ActivationsView(ActivationsModel(), parent)
