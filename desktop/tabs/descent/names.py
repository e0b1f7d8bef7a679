"""Translatable names shown by the descent tab (surfaces, optimizers, lessons, run roles).

The English text is marked with ``QT_TRANSLATE_NOOP`` so lupdate extracts it; ``tr_name``
translates it at run time, so switching language re-labels everything.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "DescentModel"

SURFACE_NAMES = {
    "bowl": QT_TRANSLATE_NOOP("DescentModel", "Convex bowl"),
    "valley": QT_TRANSLATE_NOOP("DescentModel", "Ill-conditioned valley"),
    "rosenbrock": QT_TRANSLATE_NOOP("DescentModel", "Rosenbrock"),
    "beale": QT_TRANSLATE_NOOP("DescentModel", "Beale"),
    "himmelblau": QT_TRANSLATE_NOOP("DescentModel", "Himmelblau"),
    "saddle": QT_TRANSLATE_NOOP("DescentModel", "Saddle point"),
    "six_hump_camel": QT_TRANSLATE_NOOP("DescentModel", "Six-hump camel"),
    "rastrigin": QT_TRANSLATE_NOOP("DescentModel", "Rastrigin"),
    "many_minima": QT_TRANSLATE_NOOP("DescentModel", "Four minima (Styblinski–Tang)"),
    "data:line_fit": QT_TRANSLATE_NOOP("DescentModel", "Data: line fit y = w·x + b"),
    "data:sigmoid_neuron": QT_TRANSLATE_NOOP("DescentModel",
                                             "Data: sigmoid neuron, cross-entropy"),
    "custom": QT_TRANSLATE_NOOP("DescentModel", "Custom function f(x, y)"),
}

OPTIMIZER_NAMES = {
    "sgd": QT_TRANSLATE_NOOP("DescentModel", "SGD"),
    "momentum": QT_TRANSLATE_NOOP("DescentModel", "Momentum"),
    "nesterov": QT_TRANSLATE_NOOP("DescentModel", "Nesterov"),
    "adagrad": QT_TRANSLATE_NOOP("DescentModel", "Adagrad"),
    "adadelta": QT_TRANSLATE_NOOP("DescentModel", "Adadelta"),
    "rmsprop": QT_TRANSLATE_NOOP("DescentModel", "RMSprop"),
    "adam": QT_TRANSLATE_NOOP("DescentModel", "Adam"),
}

LESSON_NAMES = {
    "race": QT_TRANSLATE_NOOP("DescentModel", "Optimizer race"),
    "learning_rate": QT_TRANSLATE_NOOP("DescentModel", "Learning rate: small, good, large"),
    "batch": QT_TRANSLATE_NOOP("DescentModel", "Batch vs mini-batch vs stochastic"),
}

ROLE_NAMES = {
    "small": QT_TRANSLATE_NOOP("DescentModel", "too small"),
    "good": QT_TRANSLATE_NOOP("DescentModel", "good"),
    "large": QT_TRANSLATE_NOOP("DescentModel", "too large"),
    "full": QT_TRANSLATE_NOOP("DescentModel", "Full batch"),
    "mini": QT_TRANSLATE_NOOP("DescentModel", "Mini-batch"),
    "single": QT_TRANSLATE_NOOP("DescentModel", "Stochastic"),
}

RACE_BATCH_NAMES = {
    "full": QT_TRANSLATE_NOOP("DescentModel", "the full batch (all N samples)"),
    "mini": QT_TRANSLATE_NOOP("DescentModel", "mini-batches of k samples"),
    "single": QT_TRANSLATE_NOOP("DescentModel", "single samples (stochastic)"),
}

HYPER_NAMES = {
    "learning_rate": QT_TRANSLATE_NOOP("DescentModel", "learning rate η"),
    "momentum": QT_TRANSLATE_NOOP("DescentModel", "momentum μ"),
    "rho": QT_TRANSLATE_NOOP("DescentModel", "decay ρ"),
    "alpha": QT_TRANSLATE_NOOP("DescentModel", "decay α"),
    "beta1": QT_TRANSLATE_NOOP("DescentModel", "β₁ (first moment)"),
    "beta2": QT_TRANSLATE_NOOP("DescentModel", "β₂ (second moment)"),
    "eps": QT_TRANSLATE_NOOP("DescentModel", "ε"),
}

# The presets' English names (assets/presets/descent.json); a test checks they match.
PRESET_NAMES = [
    QT_TRANSLATE_NOOP("DescentModel", "Momentum overshoots on Beale"),
    QT_TRANSLATE_NOOP("DescentModel", "Adam vs SGD on Rosenbrock"),
    QT_TRANSLATE_NOOP("DescentModel", "Saddle point escape"),
    QT_TRANSLATE_NOOP("DescentModel", "Learning rate too large"),
    QT_TRANSLATE_NOOP("DescentModel", "Bowl: all seven optimizers"),
    QT_TRANSLATE_NOOP("DescentModel", "Valley: why adaptive steps differ per axis"),
    QT_TRANSLATE_NOOP("DescentModel", "Rosenbrock: the long curved valley"),
    QT_TRANSLATE_NOOP("DescentModel", "Beale: flat plateaus, steep walls"),
    QT_TRANSLATE_NOOP("DescentModel", "Himmelblau: the start decides the minimum"),
    QT_TRANSLATE_NOOP("DescentModel", "Six-hump camel: two global minima"),
    QT_TRANSLATE_NOOP("DescentModel", "Rastrigin: trapped in a local minimum"),
    QT_TRANSLATE_NOOP("DescentModel", "Four minima: momentum rolls further"),
    QT_TRANSLATE_NOOP("DescentModel", "Line fit: batch vs mini-batch vs stochastic"),
    QT_TRANSLATE_NOOP("DescentModel", "Sigmoid neuron: noisy stochastic steps"),
    QT_TRANSLATE_NOOP("DescentModel", "Adam vs SGD with stochastic gradients"),
    QT_TRANSLATE_NOOP("DescentModel", "Custom: an elongated bowl"),
]


def tr_name(text: str) -> str:
    """The translation of one of the names above (context ``DescentModel``)."""
    return QCoreApplication.translate(CONTEXT, text)


def surface_label(key: str) -> str:
    if key in SURFACE_NAMES:
        return tr_name(SURFACE_NAMES[key])
    try:
        import core.landscapes as landscapes

        return landscapes.get(key).label
    except (ImportError, ValueError, KeyError):
        return key


def optimizer_label(name: str) -> str:
    return tr_name(OPTIMIZER_NAMES.get(name, name))
