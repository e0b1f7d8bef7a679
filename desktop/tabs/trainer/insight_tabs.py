"""The tab widget under the network (Hidden space, Gradients, Weights, Metrics) whose titles
always all show: on a narrow centre column (a 1024x768 projector) the tabs get less padding
and a smaller font, down to a floor, and only below that are the titles elided. Never the
scroll arrows that hide tabs."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QProxyStyle, QStyle, QTabWidget

from desktop.theme import style

#: the tab titles' font, relative to the text, largest first (projector; desktop)
PROJECTOR_FACTORS = (0.8, 0.75, 0.7, 0.65)
DESKTOP_FACTORS = (0.95, 0.9, 0.85, 0.8)


class _TightTabs(QProxyStyle):
    """Fusion with a settable horizontal padding inside each tab (Fusion's is 24 px)."""

    def __init__(self) -> None:
        super().__init__("Fusion")
        self.h_space = 24

    def pixelMetric(self, metric, option=None, widget=None):  # noqa: N802
        if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
            return self.h_space
        return super().pixelMetric(metric, option, widget)


class InsightTabs(QTabWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.TextElideMode.ElideRight)
        self._tab_style = _TightTabs()  # held here: setStyle does not take ownership
        self.tabBar().setStyle(self._tab_style)

    def titles_width(self, factor: float, h_space: int) -> int:
        """Width the tab titles need at ``factor`` times the text size."""
        fm = QFontMetrics(style.font(factor))
        return sum(fm.horizontalAdvance(self.tabText(i)) + h_space + 2
                   for i in range(self.count()))

    def fit_titles(self) -> None:
        """The largest title font and padding with which every title fits the width."""
        room = self.width() - 4
        factors = PROJECTOR_FACTORS if style.scale > 1.2 else DESKTOP_FACTORS
        spaces = (24, round(10 * style.scale), round(6 * style.scale))
        # the font matters more than the padding: the largest font first, then less padding
        factor, h_space = next(((f, h) for f in factors for h in spaces
                                if self.titles_width(f, h) <= room), (factors[-1], spaces[-1]))
        self._tab_style.h_space = h_space
        self.tabBar().setFont(style.font(factor))
        self.tabBar().setElideMode(Qt.TextElideMode.ElideRight)  # re-measures the tabs

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self.fit_titles()
