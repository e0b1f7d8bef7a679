"""``neuralab --self-test``: open every tab offscreen, run a few steps of each, report."""
from __future__ import annotations

import time
import traceback

from PySide6.QtWidgets import QApplication


def _pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.002)


def run_self_test(window, reporter) -> int:
    """Returns 0 when every tab opened, stepped, played, reset and round-tripped its state."""
    from desktop.i18n import set_language
    from desktop.tabs import TABS
    from desktop.theme import style

    reporter.show_dialogs = False
    failures: list[str] = []
    before = reporter.count
    for i, spec in enumerate(TABS):
        start = time.perf_counter()
        try:
            window.tabs.setCurrentIndex(i)
            view = window.ensure_view(spec.id)
            model = view.model
            for _ in range(3):
                model.step()
            if model.can_step_back:
                model.step_back()
            model.play()
            _pump(0.3)
            model.pause()
            state = model.to_state()
            model.from_state(state)
            model.reset()
            _pump(0.05)
            grab = view.grab()
            if grab.isNull() or grab.width() < 100:
                raise RuntimeError("the tab rendered nothing")
            verdict = "ok"
        except Exception:
            failures.append(f"{spec.id}: {traceback.format_exc()}")
            verdict = "FAILED"
        print(f"self-test: {spec.id:12s} {verdict} ({time.perf_counter() - start:.2f} s)",
              flush=True)
    try:
        for lang in ("ko", "en"):
            set_language(lang)
            _pump(0.02)
        style.set_projector(True)
        _pump(0.05)
        style.set_projector(False)
    except Exception:
        failures.append("shell: " + traceback.format_exc())
    if reporter.count > before:
        failures.append("unexpected errors were reported:\n" + reporter.last_details)
    for f in failures:
        print("self-test FAILED:", f, flush=True)
    print("self-test:", "passed" if not failures else f"{len(failures)} failure(s)", flush=True)
    return 0 if not failures else 1
