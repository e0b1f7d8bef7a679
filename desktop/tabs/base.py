"""What every tab shares: a model base class with the shell's keyboard verbs and a live timer.

A tab is a package ``desktop/tabs/<topic>/`` with ``model.py`` (a ``TabModel`` subclass that
owns all state and emits ``<noun>_changed`` signals) and ``view.py`` (a ``TabView`` subclass
that renders the model and writes back only through the model's setters).

The shell talks to tabs only through this interface:

* ``model.step()`` (Right), ``model.step_back()`` (Left), ``model.toggle_play()`` (Space),
  ``model.reset()`` (R). Each returns nothing; tabs that cannot step back leave
  ``can_step_back`` False.
* ``model.to_state()`` / ``model.from_state(d)``: the tab's part of a session file, JSON-safe
  plain data. ``from_state`` validates everything and raises ``ValueError`` with a clear
  message *before* changing anything.
* ``model.status_text()``: one short line for the status bar ("training - 12,400 steps/s").
* ``view.retranslate()``: re-read every user-visible string (called on language change).
* ``view.apply_style()``: re-read ``desktop.theme.style`` (projector mode, dark/light).
* ``view.monkey_actions()``: a list of zero-argument callables that a random-action test
  may call in any order (click a control, change a value, ...). Each must be safe at any time.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class TabModel(QObject):
    """Base model: play/pause with a single-shot timer, status, and session state.

    Subclasses override ``tick()`` (advance the animation by about one frame's worth of work,
    then emit their own change signals once) and the verbs they support.
    """

    running_changed = Signal(bool)
    status_changed = Signal(str)

    #: milliseconds between the end of one tick and the start of the next (about 60 fps).
    frame_ms = 15
    #: whether ``step_back`` does anything in this tab.
    can_step_back = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)
        self._fps = 0.0
        self._last_tick = 0.0

    # --- the shell's verbs -------------------------------------------------------------
    def step(self) -> None:
        """One step forwards (Right arrow). Default: one tick."""
        self.tick()

    def step_back(self) -> None:
        """One step backwards (Left arrow), where the tab supports it."""

    def reset(self) -> None:
        """Back to the start (R)."""
        self.pause()

    def toggle_play(self) -> None:
        if self._running:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        if self._running or not self.can_play():
            return
        self._running = True
        self._last_tick = time.perf_counter()
        self._timer.start(0)
        self.running_changed.emit(True)
        self.status_changed.emit(self.status_text())

    def pause(self) -> None:
        if not self._running:
            return
        self._running = False
        self._timer.stop()
        self.running_changed.emit(False)
        self.status_changed.emit(self.status_text())

    @property
    def running(self) -> bool:
        return self._running

    @property
    def fps(self) -> float:
        """Ticks per second while running (an exponential moving average)."""
        return self._fps if self._running else 0.0

    def can_play(self) -> bool:
        """Whether Play may start now (e.g. False after divergence)."""
        return True

    # --- overridden by subclasses -----------------------------------------------------
    def tick(self) -> None:
        """Advance one animation frame and emit change signals once."""

    def status_text(self) -> str:
        return ""

    def to_state(self) -> dict:
        return {}

    def from_state(self, state: dict) -> None:
        if not isinstance(state, dict):
            raise ValueError("tab state must be a JSON object")

    # --- timer --------------------------------------------------------------------------
    def _on_timer(self) -> None:
        if not self._running:
            return
        now = time.perf_counter()
        dt = now - self._last_tick
        self._last_tick = now
        if dt > 0:
            self._fps = 1.0 / dt if self._fps == 0.0 else 0.9 * self._fps + 0.1 / dt
        try:
            self.tick()
        except Exception:
            self.pause()
            raise
        if self._running:
            self._timer.start(self.frame_ms)


class TabView(QWidget):
    """Base view: holds ``self.model``; re-translates on language change."""

    def __init__(self, model: TabModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def retranslate(self) -> None:
        """Re-read every user-visible string. Called on QEvent.LanguageChange."""

    def apply_style(self) -> None:
        """Re-read ``desktop.theme.style`` (fonts, pens, colours)."""

    def monkey_actions(self) -> list:
        """Zero-argument callables a random-action test may call in any order."""
        return []

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
