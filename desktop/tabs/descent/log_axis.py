"""A pyqtgraph axis for data already in log10 units: decade labels that never overlap.

pyqtgraph's own log mode labels every minor tick (2..9 of each decade) and only thins them
by a text-fill heuristic, so on a short projector plot "9", "8", "7" ... pile up on each
other. Here the labels are chosen from the pixels a decade gets: every k-th decade
(k = 1, 2, 5, 10 ...), then 2 and 5 (a 1-2-5 scale), then every digit, each only when
neighbouring labels stay at least ``min_gap`` pixels apart.
"""
from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
#: decade strides tried in order: the first whose labels are far enough apart wins.
_STRIDES = (1, 2, 3, 5, 10, 20, 50, 100)
_ONE_TWO_FIVE = (2.0, 5.0)
_DIGITS = (3.0, 4.0, 6.0, 7.0, 8.0, 9.0)


def power_label(exponent: int) -> str:
    """``10ⁿ`` with a superscript exponent ("1" for 10⁰)."""
    return "1" if exponent == 0 else "10" + str(int(exponent)).translate(_SUPERSCRIPT)


def tick_label(log_value: float) -> str:
    """The label of a tick at log10(v) = ``log_value``: "10³", "5·10⁻²", plain "2" for 2."""
    exponent = math.floor(log_value + 1e-9)
    mantissa = round(10 ** (log_value - exponent))
    if mantissa >= 10:  # rounding at the top of a decade
        exponent, mantissa = exponent + 1, 1
    if mantissa == 1:
        return power_label(exponent)
    if exponent == 0:
        return str(mantissa)
    return f"{mantissa}·{power_label(exponent)}"


def _in_range(values, lo: float, hi: float) -> list[float]:
    eps = 1e-9 * max(1.0, hi - lo)
    return [v for v in values if lo - eps <= v <= hi + eps]


def log_tick_levels(lo: float, hi: float, pixels: float,
                    min_gap: float) -> list[tuple[float, list[float]]]:
    """Tick levels ``[(spacing, values), ...]`` (log10 units) for an axis showing
    log10(v) from ``lo`` to ``hi`` over ``pixels`` pixels.

    Level 0 holds decades (every k-th, k the smallest stride that keeps ``min_gap`` pixels
    between labels); level 1 the 2s and 5s when a decade is tall enough for them (the
    closest pair, 1 and 2 or 5 and 10, is log10 2 ≈ 0.3 decade apart); level 2 the other
    digits when even 9 and 10 (0.046 decade) stay ``min_gap`` apart.
    """
    lo, hi = sorted((float(lo), float(hi)))
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi - lo <= 0 or pixels <= 0:
        return []
    per_decade = pixels / (hi - lo)
    stride = next((k for k in _STRIDES if k * per_decade >= min_gap), None)
    if stride is None:  # hundreds of decades on a few pixels
        stride = int(math.ceil(min_gap / per_decade))
    # only multiples of the stride are visited: at most pixels / min_gap of them
    first, last = math.floor(lo), math.ceil(hi)
    decades = [float(n) for n in range(-(-first // stride) * stride, last + 1, stride)]
    levels = [(float(stride), _in_range(decades, lo, hi))]
    if stride == 1 and math.log10(2.0) * per_decade >= min_gap:
        mids = [n + math.log10(m) for n in range(first, last + 1) for m in _ONE_TWO_FIVE]
        levels.append((math.log10(2.0), _in_range(mids, lo, hi)))
        if math.log10(10.0 / 9.0) * per_decade >= min_gap:
            rest = [n + math.log10(m) for n in range(first, last + 1) for m in _DIGITS]
            levels.append((math.log10(10.0 / 9.0), _in_range(rest, lo, hi)))
    return levels


def linear_ticks_in_log(lo: float, hi: float, pixels: float,
                        min_gap: float) -> tuple[list[float], float]:
    """Evenly spaced round values v (1-2-5 steps) with 10**lo <= v <= 10**hi, returned as
    log10(v), at least ``min_gap`` pixels apart; and their spacing in v. For a log axis
    spanning less than a decade, where decades and digits give fewer than two labels."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo or pixels <= 0:
        return [], 0.0
    v_lo, v_hi = 10.0 ** lo, 10.0 ** hi
    # the tightest spot of a log axis is its top: a step dv there covers the fewest pixels
    px_per_unit = pixels / (hi - lo) / (v_hi * math.log(10.0))
    raw = max(min_gap / px_per_unit, 1e-300)
    power = 10.0 ** math.floor(math.log10(raw))
    spacing = next(m * power for m in (1, 2, 5, 10) if m * power >= raw * (1 - 1e-9))
    start = math.ceil(v_lo / spacing - 1e-9)
    values = []
    k = start
    while k * spacing <= v_hi * (1 + 1e-12) and len(values) < 100:
        if k > 0:
            values.append(math.log10(k * spacing))
        k += 1
    return values, spacing


class DecadeAxis(pg.AxisItem):
    """An axis whose values are log10 of the quantity when ``decades`` is on (labels
    10ⁿ / 2·10ⁿ / 5·10ⁿ that never overlap), a plain linear axis when it is off.

    Not pyqtgraph's ``setLogMode``: that would also switch the linked view box to log
    mode, while the plots here take the log themselves."""

    def __init__(self, orientation: str = "left", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self._linear_spacing: float | None = None
        self._fill_limits = list(self.style["textFillLimits"])  # pyqtgraph's, for linear
        self.set_decades(True)

    def set_decades(self, on: bool) -> None:
        self.decades = bool(on)
        # in decades the spacing is guaranteed here, and pyqtgraph's crowding heuristic
        # must not drop the 2s and 5s it was handed; a linear axis keeps that heuristic
        self.setStyle(textFillLimits=[(0, 0.95)] if self.decades else self._fill_limits)
        self.picture = None
        self.update()

    def min_label_gap(self) -> float:
        """Pixels between the centres of two neighbouring labels: a label and some air."""
        metrics = QFontMetricsF(self.style["tickFont"] or self.font())
        if self.orientation in ("left", "right"):
            return 1.35 * metrics.height()
        return metrics.horizontalAdvance(" 5·10⁻¹⁰ ")

    def tickValues(self, minVal, maxVal, size):  # noqa: N802 (pyqtgraph override)
        self._linear_spacing = None
        if not self.decades:
            return super().tickValues(minVal, maxVal, size)
        gap = self.min_label_gap()
        levels = log_tick_levels(minVal, maxVal, size, gap)
        if sum(len(values) for _, values in levels) >= 2:
            return levels
        # less than a decade with hardly a digit in it (a flat curve): plain numbers
        lo, hi = sorted((minVal, maxVal))
        values, spacing = linear_ticks_in_log(lo, hi, size, gap)
        self._linear_spacing = spacing
        return [(spacing, values)] if values else levels

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        if not self.decades:
            return super().tickStrings(values, scale, spacing)
        if self._linear_spacing:
            places = max(0, math.ceil(-math.log10(self._linear_spacing)))
            return [f"{10 ** v:.{places}f}" for v in values]
        return [tick_label(v) for v in values]
