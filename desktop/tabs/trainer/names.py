"""Strings of the trainer that lupdate must see outside a ``self.tr`` call: dataset labels,
the trainability messages, and the presets' names and descriptions (which live in
assets/presets/trainer.json). All in the "TrainerModel" context; ``translated`` looks them up.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CTX = "TrainerModel"
# Names that lupdate must see; translated at run time with QCoreApplication.translate(CTX, ..).
_NOOP = (
    QT_TRANSLATE_NOOP("TrainerModel", "Circle"),
    QT_TRANSLATE_NOOP("TrainerModel", "Exclusive or"),
    QT_TRANSLATE_NOOP("TrainerModel", "Gaussian"),
    QT_TRANSLATE_NOOP("TrainerModel", "Spiral"),
    QT_TRANSLATE_NOOP("TrainerModel", "Moons"),
    QT_TRANSLATE_NOOP("TrainerModel", "3-arm spiral"),
    QT_TRANSLATE_NOOP("TrainerModel", "4-arm spiral"),
    QT_TRANSLATE_NOOP("TrainerModel", "3 blobs"),
    QT_TRANSLATE_NOOP("TrainerModel", "4 blobs"),
    QT_TRANSLATE_NOOP("TrainerModel", "Plane"),
    QT_TRANSLATE_NOOP("TrainerModel", "Multi-Gaussian"),
    QT_TRANSLATE_NOOP("TrainerModel", "Your own points"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "There are no training points: pick a dataset or click the output map "
                      "to add some."),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "All training points are of one class: add points of another class."),
)

# Preset names and descriptions (assets/presets/trainer.json), marked for lupdate.
_PRESET_NOOP = (
    QT_TRANSLATE_NOOP("TrainerModel", "Circle: the playground's default network"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "Two hidden layers of tanh neurons learn a round boundary from x1 and "
                      "x2."),
    QT_TRANSLATE_NOOP("TrainerModel", "Circle without hidden layers"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "One neuron draws one straight line: it cannot cut a circle out of the "
                      "plane."),
    QT_TRANSLATE_NOOP("TrainerModel", "Circle with the features x1² and x2²"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "With squared inputs the circle becomes a straight line: no hidden "
                      "layer needed."),
    QT_TRANSLATE_NOOP("TrainerModel", "XOR without hidden layers"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "No straight line separates XOR: a single neuron stays near chance."),
    QT_TRANSLATE_NOOP("TrainerModel", "XOR with the feature x1·x2"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "The product x1·x2 has the sign of XOR: one neuron is enough."),
    QT_TRANSLATE_NOOP("TrainerModel", "XOR with one hidden layer"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "Hidden neurons combine straight lines into the XOR pattern."),
    QT_TRANSLATE_NOOP("TrainerModel", "Spiral with one small layer"),
    QT_TRANSLATE_NOOP("TrainerModel", "Three neurons are far too few for two interleaved spirals."),
    QT_TRANSLATE_NOOP("TrainerModel", "Spiral needs depth"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "Several layers of neurons unroll the spirals (this takes a few "
                      "thousand epochs)."),
    QT_TRANSLATE_NOOP("TrainerModel", "Learning rate too large: it diverges"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "Each step overshoots the minimum further: the loss grows about "
                      "sevenfold every epoch until the numbers blow up. The last finite "
                      "weights are kept."),
    QT_TRANSLATE_NOOP("TrainerModel", "Learning rate too large: it bounces"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "Steps of 3 jump across the valley of the loss again and again: the "
                      "boundary never settles."),
    QT_TRANSLATE_NOOP("TrainerModel", "Learning rate too small: it crawls"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "Tiny steps: after hundreds of epochs the loss has hardly moved."),
    QT_TRANSLATE_NOOP("TrainerModel", "Overfitting lab"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "Few noisy points and a big network: the training loss falls while the "
                      "test loss rises."),
    QT_TRANSLATE_NOOP("TrainerModel", "Overfitting lab with L2"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "L2 keeps the weights small: a smoother boundary and a smaller gap "
                      "between training and test loss."),
    QT_TRANSLATE_NOOP("TrainerModel", "Overfitting lab with dropout"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "Dropout switches random neurons off while training, so no neuron can "
                      "memorise the points."),
    QT_TRANSLATE_NOOP("TrainerModel", "L1 switches useless inputs off"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "With every feature on, L1 drives the weights of the inputs that do not "
                      "help to exactly zero."),
    QT_TRANSLATE_NOOP("TrainerModel", "Vanishing gradients: six sigmoid layers"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "Each sigmoid layer shrinks the gradient: the first layers barely learn "
                      "(see Gradients)."),
    QT_TRANSLATE_NOOP("TrainerModel", "Six ReLU layers: the gradient gets through"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "ReLU passes gradients unchanged where it is active: compare the "
                      "gradient bars with the sigmoid network."),
    QT_TRANSLATE_NOOP("TrainerModel", "Three-class spiral (softmax and cross-entropy)"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "Three output neurons with softmax give each class a probability."),
    QT_TRANSLATE_NOOP("TrainerModel", "Four blobs (softmax and cross-entropy)"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "Four classes, four output neurons: read the confusion matrix under "
                      "Metrics."),
    QT_TRANSLATE_NOOP("TrainerModel", "Regression: multi-Gaussian"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "A linear output fits a surface of bumps; R² says how much of it is "
                      "explained."),
    QT_TRANSLATE_NOOP("TrainerModel", "Draw your own data"),
    QT_TRANSLATE_NOOP("TrainerModel",
                      "An empty plane: click to add orange points, Shift+click for blue, then "
                      "press Play."),
)


def translated(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP in the TrainerModel context, translated."""
    return QCoreApplication.translate(CTX, text)


def load_presets() -> list[dict]:
    from desktop.paths import asset

    path = asset("presets", "trainer.json")
    try:
        presets = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [p for p in presets if isinstance(p, dict) and {"id", "name", "state"} <= set(p)]
