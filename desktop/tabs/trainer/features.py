"""The seven input features of TensorFlow Playground, computed from the 2-D points.

Qt-free. A feature is a column computed from the point (x1, x2); the network sees only the
features switched on, in this fixed order, without normalisation (as the playground does):

    x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Feature:
    name: str      #: identifier used in session files: "x1", "x1sq", ...
    html: str      #: the label drawn on the input node (rich text)
    text: str      #: the same as plain text (tooltips, status)


FEATURES: tuple[Feature, ...] = (
    Feature("x1", "X<sub>1</sub>", "x1"),
    Feature("x2", "X<sub>2</sub>", "x2"),
    Feature("x1sq", "X<sub>1</sub><sup>2</sup>", "x1²"),
    Feature("x2sq", "X<sub>2</sub><sup>2</sup>", "x2²"),
    Feature("x1x2", "X<sub>1</sub>X<sub>2</sub>", "x1·x2"),
    Feature("sin1", "sin(X<sub>1</sub>)", "sin(x1)"),
    Feature("sin2", "sin(X<sub>2</sub>)", "sin(x2)"),
)
NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)
DEFAULT: tuple[str, ...] = ("x1", "x2")


def all_features(X: np.ndarray) -> np.ndarray:
    """(N, 2) points -> (N, 7) float64 matrix of every feature, in ``FEATURES`` order."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"points must have shape (N, 2), got {X.shape}")
    x1, x2 = X[:, 0], X[:, 1]
    return np.column_stack((x1, x2, x1 * x1, x2 * x2, x1 * x2, np.sin(x1), np.sin(x2)))


def feature_matrix(X: np.ndarray, names) -> np.ndarray:
    """(N, 2) points -> (N, k) C-contiguous float64 matrix of the chosen features, in the
    fixed order of ``FEATURES`` (whatever the order of ``names``)."""
    cols = columns(names)
    return np.ascontiguousarray(all_features(X)[:, cols])


def columns(names) -> list[int]:
    """Indices into ``FEATURES`` of the chosen names, sorted; ValueError on unknown names."""
    names = list(names)
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        raise ValueError(f"unknown feature(s) {unknown}; known: {', '.join(NAMES)}")
    if not names:
        raise ValueError("at least one input feature is needed")
    return sorted({NAMES.index(n) for n in names})


def normalise(names) -> tuple[str, ...]:
    """The chosen names in canonical order, validated."""
    return tuple(NAMES[i] for i in columns(names))
