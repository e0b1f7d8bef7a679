"""The perceptron and logic-gates tab (lecture 1): one neuron, AND/OR/NAND/NOR, why XOR
needs two layers, and the forward-propagation worked example."""
from __future__ import annotations


def create(parent=None):
    """Build the model and its view; the view has ``.model``."""
    from desktop.tabs.perceptron.model import PerceptronModel
    from desktop.tabs.perceptron.view import PerceptronView

    model = PerceptronModel()
    view = PerceptronView(model, parent)
    model.setParent(view)
    return view
