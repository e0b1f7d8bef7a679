"""The live MLP trainer: TensorFlow Playground's experiment, and what its users asked for."""
from __future__ import annotations


def create(parent=None):
    from desktop.tabs.trainer.model import TrainerModel
    from desktop.tabs.trainer.view import TrainerView

    return TrainerView(TrainerModel(), parent)
