"""Quality measures shown beside the loss: accuracy, confusion matrix, R^2 and RMSE.

Qt-free, plain numpy. Class labels are integers 0..K-1 (class 0 is orange, class 1 blue).
"""
from __future__ import annotations

import numpy as np


def predicted_classes(output: np.ndarray, output_activation: str) -> np.ndarray:
    """Network outputs (N, K) -> predicted class ids (N,).

    One output unit: tanh/linear outputs are split at 0, sigmoid outputs at 0.5 (so class 1
    is predicted where the unit says "+1" / "probability > 1/2"). Several units (softmax):
    the most probable class.
    """
    output = np.asarray(output, dtype=np.float64)
    if output.ndim != 2:
        raise ValueError(f"outputs must have shape (N, K), got {output.shape}")
    if output.shape[1] == 1:
        threshold = 0.5 if output_activation == "sigmoid" else 0.0
        return (output[:, 0] >= threshold).astype(np.int64)
    return np.argmax(output, axis=1).astype(np.int64)


def accuracy(true: np.ndarray, pred: np.ndarray) -> float:
    """Fraction of rows where ``pred == true``; NaN for no rows."""
    true = np.asarray(true)
    pred = np.asarray(pred)
    if true.shape != pred.shape:
        raise ValueError(f"labels and predictions differ in shape: {true.shape} vs {pred.shape}")
    if true.size == 0:
        return float("nan")
    return float(np.mean(true == pred))


def confusion_matrix(true: np.ndarray, pred: np.ndarray, k: int) -> np.ndarray:
    """(k, k) int matrix: entry [i, j] counts rows of true class i predicted as class j."""
    true = np.asarray(true, dtype=np.int64)
    pred = np.asarray(pred, dtype=np.int64)
    if true.shape != pred.shape:
        raise ValueError(f"labels and predictions differ in shape: {true.shape} vs {pred.shape}")
    if k < 1:
        raise ValueError("k must be at least 1")
    if true.size and (true.min() < 0 or true.max() >= k or pred.min() < 0 or pred.max() >= k):
        raise ValueError(f"class ids must lie in 0..{k - 1}")
    m = np.zeros((k, k), dtype=np.int64)
    np.add.at(m, (true, pred), 1)
    return m


def rmse(target: np.ndarray, output: np.ndarray) -> float:
    """Root of the mean squared error sqrt(mean((o - t)^2)); NaN for no rows."""
    target = np.asarray(target, dtype=np.float64).ravel()
    output = np.asarray(output, dtype=np.float64).ravel()
    if target.shape != output.shape:
        raise ValueError("targets and outputs differ in size")
    if target.size == 0:
        return float("nan")
    return float(np.sqrt(np.mean((output - target) ** 2)))


def r_squared(target: np.ndarray, output: np.ndarray) -> float:
    """Coefficient of determination R^2 = 1 - SS_res / SS_tot.

    SS_res = sum (t - o)^2, SS_tot = sum (t - mean t)^2. NaN for no rows or constant targets
    (R^2 is undefined there).
    """
    target = np.asarray(target, dtype=np.float64).ravel()
    output = np.asarray(output, dtype=np.float64).ravel()
    if target.shape != output.shape:
        raise ValueError("targets and outputs differ in size")
    if target.size == 0:
        return float("nan")
    ss_tot = float(np.sum((target - target.mean()) ** 2))
    if ss_tot == 0.0:
        return float("nan")
    return 1.0 - float(np.sum((target - output) ** 2)) / ss_tot
