"""Warm the compiled core in a background thread while the window is already on screen."""
from __future__ import annotations

import threading
import time
import traceback

from PySide6.QtCore import QObject, Signal


class CoreWarmup(QObject):
    """Runs ``core.warmup.warm_all`` in a daemon thread; reports through queued signals.

    ``ready`` (seconds) is emitted once every kernel is compiled or loaded from the cache;
    ``failed`` (traceback text) if anything went wrong; ``progress`` (fraction, module name);
    ``module_ready`` (module name) as each core module of ``core.warmup.MODULES`` is warm.
    Nothing on the GUI thread may call a kernel of a module that is not warm yet: a tab says
    which modules it calls (``TabSpec.core``) and is built once ``is_warm`` of them.
    """

    ready = Signal(float)
    failed = Signal(str)
    progress = Signal(float, str)
    module_ready = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.is_ready = False
        self.seconds = 0.0
        #: the core modules already warm (updated on the GUI thread)
        self.warm_modules: set[str] = set()
        self._thread: threading.Thread | None = None
        self.ready.connect(self._on_ready)
        self.module_ready.connect(self.warm_modules.add)

    def is_warm(self, modules=None) -> bool:
        """Whether every module in ``modules`` may be called (None: all of them)."""
        return self.is_ready or (modules is not None and set(modules) <= self.warm_modules)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="core-warmup", daemon=True)
        self._thread.start()

    def run_here(self) -> float:
        """Warm synchronously (command-line modes that have nothing to show meanwhile)."""
        from core.warmup import warm_all

        start = time.perf_counter()
        warm_all(done=self.warm_modules.add)
        self.seconds = time.perf_counter() - start
        self.is_ready = True
        return self.seconds

    def _run(self) -> None:
        start = time.perf_counter()
        try:
            from core.warmup import warm_all

            def progress(i, n, name):
                self.progress.emit(i / max(1, n), name)

            warm_all(progress, self.module_ready.emit)
            self.progress.emit(1.0, "")
        except Exception:  # reported on the GUI thread, never lost
            self.failed.emit(traceback.format_exc())
            return
        self.ready.emit(time.perf_counter() - start)

    def _on_ready(self, seconds: float) -> None:
        self.seconds = seconds
        self.is_ready = True
