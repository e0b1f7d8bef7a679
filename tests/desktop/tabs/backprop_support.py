"""Shared by the backprop tab's layout and caption tests."""
from PySide6.QtWidgets import QApplication


def settle(qtbot, view, size):
    """Resize the view and let the posted layout requests run."""
    view.resize(*size)
    qtbot.wait(1)
    for _ in range(3):
        QApplication.processEvents()


def stages(model):
    """Every stage of a graph; the first iteration of a network."""
    if model.walkthrough is not None:
        return range(model.walkthrough.per_iteration)
    return range(model.stage_count)
