"""Translations of the English texts in core's registries (core never imports Qt).

core.activations and core.losses describe each function in English (label, saturation,
"when to use", ...). lupdate needs literal strings, so the ones shown to a class are listed
here once, in the context "CoreTexts"; ``tr_core(text)`` translates at run time and falls
back to the English text when a record's wording changes (a test flags that).
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CORE_TEXTS = [
    QT_TRANSLATE_NOOP("CoreTexts", 'Linear'),
    QT_TRANSLATE_NOOP("CoreTexts", 'never'),
    QT_TRANSLATE_NOOP("CoreTexts", 'Regression outputs; a network of only linear layers is still one linear map.'),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreTexts", 'Step'),
    QT_TRANSLATE_NOOP("CoreTexts", 'g(z) = 1 if z ≥ 0, else 0'),
    QT_TRANSLATE_NOOP("CoreTexts", 'g′(z) = 0 (undefined at z = 0)'),
    QT_TRANSLATE_NOOP("CoreTexts", 'everywhere: the gradient is 0'),
    QT_TRANSLATE_NOOP("CoreTexts", 'The classic perceptron; no gradient, so it cannot be trained by backpropagation.'),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreTexts", 'Sigmoid'),
    QT_TRANSLATE_NOOP("CoreTexts", 'both sides (|z| ≳ 5)'),
    QT_TRANSLATE_NOOP("CoreTexts", 'Output of a binary classifier (a probability); avoid in deep hidden layers.'),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreTexts", 'Tanh'),
    QT_TRANSLATE_NOOP("CoreTexts", 'both sides (|z| ≳ 3)'),
    QT_TRANSLATE_NOOP("CoreTexts", "Small networks and ±1 targets (TensorFlow Playground's default); zero-centred."),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreTexts", 'ReLU'),
    QT_TRANSLATE_NOOP("CoreTexts", 'ReLU′(z) = 1 if z > 0, else 0'),
    QT_TRANSLATE_NOOP("CoreTexts", 'for z < 0 (units can die)'),
    QT_TRANSLATE_NOOP("CoreTexts", 'The default for hidden layers of deep networks: cheap, no vanishing for z > 0.'),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreTexts", 'Leaky ReLU'),
    QT_TRANSLATE_NOOP("CoreTexts", 'g(z) = z if z > 0, else α · z'),
    QT_TRANSLATE_NOOP("CoreTexts", 'g′(z) = 1 if z > 0, else α'),
    QT_TRANSLATE_NOOP("CoreTexts", 'never (slope α for z < 0)'),
    QT_TRANSLATE_NOOP("CoreTexts", 'Like ReLU, but a small slope α keeps units from dying.'),
    QT_TRANSLATE_NOOP("CoreTexts", 'ELU'),
    QT_TRANSLATE_NOOP("CoreTexts", 'g(z) = z if z > 0, else α · (e<sup>z</sup> − 1)'),
    QT_TRANSLATE_NOOP("CoreTexts", 'g′(z) = 1 if z > 0, else α · e<sup>z</sup>'),
    QT_TRANSLATE_NOOP("CoreTexts", 'for z ≪ 0 (towards −α)'),
    QT_TRANSLATE_NOOP("CoreTexts", 'Smooth ReLU alternative whose mean output is closer to 0; a little more costly.'),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreTexts", 'Softplus'),
    QT_TRANSLATE_NOOP("CoreTexts", 'for z ≪ 0'),
    QT_TRANSLATE_NOOP("CoreTexts", 'A smooth ReLU; useful where a positive output (a scale, a rate) is needed.'),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreTexts", 'GELU'),
    QT_TRANSLATE_NOOP("CoreTexts", 'Hidden layers of Transformers (BERT, GPT); a smooth, slightly non-monotonic ReLU.'),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreTexts", 'Swish'),
    QT_TRANSLATE_NOOP("CoreTexts", 'Deep CNNs (EfficientNet; also called SiLU); smooth and non-monotonic near 0.'),  # noqa: E501
    QT_TRANSLATE_NOOP("CoreTexts", 'Mean squared error'),
    QT_TRANSLATE_NOOP("CoreTexts", 'regression'),
    QT_TRANSLATE_NOOP("CoreTexts", 'Binary cross-entropy'),
    QT_TRANSLATE_NOOP("CoreTexts", 'binary classification'),
    QT_TRANSLATE_NOOP("CoreTexts", 'Cross-entropy'),
    QT_TRANSLATE_NOOP("CoreTexts", 'multi-class classification'),
]


def tr_core(text: str) -> str:
    """core's English text in the current language."""
    return QCoreApplication.translate("CoreTexts", text)


def texts_needing_translation() -> list[str]:
    """Every registry text the tab shows that contains words (not just symbols)."""
    import re

    from core.activations import ACTIVATIONS
    from core.losses import LOSSES

    out = []
    for a in ACTIVATIONS.values():
        out += [a.label, a.saturates, a.when_to_use]
        out += [f for f in (a.formula, a.derivative_formula)
                if re.search(r"\b(if|else|undefined)\b", f)]
    for loss in LOSSES.values():
        out += [loss.label, loss.use_for]
    return out
