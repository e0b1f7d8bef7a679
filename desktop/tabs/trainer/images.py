"""Turning neuron outputs into colours: the diverging orange-grey-blue map (numpy only).

Values on [-1, 1] index ``style.lut()`` (orange -1, grey 0, blue +1). Softmax outputs use one
ramp per class, from the neutral grey (probability 0) to the class colour (probability 1).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from desktop.theme import CLASS_COLORS, NEUTRAL


def thumbnails(values: np.ndarray, out_n: int) -> np.ndarray:
    """Grid values (G * G, U) with rows y ascending -> (U, out_n, out_n) samples, row 0 at the
    top (+y) as images are drawn. ``values`` column-major (each unit's map contiguous, as
    ``MLP.neuron_outputs`` returns it) makes this a strided view, not a copy."""
    values = np.asarray(values)
    g = int(round(np.sqrt(values.shape[0])))
    f = max(1, g // out_n)
    maps = values.T.reshape(values.shape[1], g, g)
    return maps[:, ::-1][:, f // 2::f, f // 2::f]


def pool(values: np.ndarray, out_n: int) -> np.ndarray:
    """Grid values (G * G,) with rows y ascending -> (out_n, out_n) block averages, row 0 at
    the top (+y)."""
    values = np.asarray(values)
    g = int(round(np.sqrt(values.shape[0])))
    f = max(1, g // out_n)
    grid = values.reshape(g, g)[::-1]
    return grid[:f * out_n, :f * out_n].reshape(out_n, f, out_n, f).mean(axis=(1, 3))


def lut32(lut: np.ndarray) -> np.ndarray:
    """A (n, 4) uint8 RGBA table as (n,) uint32 words, so one gather colours a pixel."""
    return np.ascontiguousarray(lut, dtype=np.uint8).view(np.uint32).ravel()


def to_indices(values: np.ndarray, n: int = 256) -> np.ndarray:
    """Values on [-1, 1] -> LUT indices 0..n-1 (NaN -> the middle)."""
    half = 0.5 * (n - 1)
    clipped = np.clip(np.nan_to_num(values), -1.0, 1.0)  # first: huge values would overflow
    return (clipped * half + (half + 0.5)).astype(np.intp)


def to_rgba(values: np.ndarray, lut: np.ndarray) -> np.ndarray:
    """(...) values on [-1, 1] -> (..., 4) uint8 C-contiguous colours from ``lut``."""
    return np.ascontiguousarray(lut[to_indices(values, len(lut))])


def class_luts(dark: bool = False, n: int = 256) -> list[np.ndarray]:
    """One (n, 4) LUT per class colour: index 0 (p = 0) neutral, index n-1 (p = 1) the class."""
    mid = np.array(QColor("#3a3f44" if dark else NEUTRAL).getRgb()[:3], float)
    out = []
    for c in CLASS_COLORS:
        top = np.array(QColor(c).getRgb()[:3], float)
        t = np.linspace(0.0, 1.0, n)[:, None]
        lut = np.empty((n, 4), np.uint8)
        lut[:, :3] = np.round(mid + (top - mid) * t).astype(np.uint8)
        lut[:, 3] = 255
        out.append(lut)
    return out


def class_map(probs: np.ndarray, dark: bool = False, discretize: bool = False) -> np.ndarray:
    """(H, W, K) class probabilities -> (H, W, 4) uint8: the most probable class's colour,
    faded towards neutral as the probability falls to 1/K (hard colours when discretized)."""
    k = probs.shape[-1]
    mid = np.array(QColor("#3a3f44" if dark else NEUTRAL).getRgb()[:3], float)
    cols = np.array([QColor(c).getRgb()[:3] for c in CLASS_COLORS[:k]], float)
    best = np.argmax(probs, axis=-1)
    p = np.take_along_axis(probs, best[..., None], axis=-1)[..., 0]
    t = np.ones_like(p) if discretize else np.clip((p - 1.0 / k) / (1.0 - 1.0 / k), 0, 1)
    rgb = mid + (cols[best] - mid) * t[..., None]
    out = np.empty((*p.shape, 4), np.uint8)
    out[..., :3] = np.round(rgb).astype(np.uint8)
    out[..., 3] = 255
    return out


#: how strongly the large output map is coloured: a paler map keeps the (fully coloured)
#: points readable on top of it, as in the playground
MAP_STRENGTH = 0.7


def soften(rgba: np.ndarray, dark: bool = False, strength: float = MAP_STRENGTH) -> np.ndarray:
    """Colours (..., 4) uint8 moved towards the neutral grey: neutral + strength * (c - neutral)."""
    mid = np.array(QColor("#3a3f44" if dark else NEUTRAL).getRgb()[:3], float)
    out = np.array(rgba, copy=True)
    out[..., :3] = np.round(mid + strength * (rgba[..., :3].astype(float) - mid)).astype(np.uint8)
    return out
