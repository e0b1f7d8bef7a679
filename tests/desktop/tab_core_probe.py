"""Run in a fresh process: build one tab with only its ``TabSpec.core`` modules warm, use
it, and print every numba kernel that the GUI thread compiled or loaded meanwhile.

``python -m tests.desktop.tab_core_probe <tab id>`` prints one line per such kernel, then
"done". The shell builds a tab as soon as its declared modules are warm, while the warm-up
thread is still compiling the others: a kernel reached from the tab outside those modules
would be compiled on the GUI thread (seconds of frozen window).
"""
from __future__ import annotations

import importlib
import os
import random
import sys
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from numba.core import dispatcher  # noqa: E402  (before any kernel is defined)

reached: list[str] = []
_compile = dispatcher.Dispatcher.compile


def _recording_compile(self, sig):
    if threading.current_thread() is threading.main_thread():
        reached.append(f"{self.py_func.__module__}.{self.py_func.__name__}")
    return _compile(self, sig)


dispatcher.Dispatcher.compile = _recording_compile


def _preset_ids(model) -> list[str]:
    presets = getattr(model, "presets", None)
    if presets is None:
        module = sys.modules[type(model).__module__]
        presets = module.load_presets() if hasattr(module, "load_presets") else []
    return [p["id"] for p in presets]


def main(tab_id: str) -> int:
    from PySide6.QtWidgets import QApplication

    from core import warmup
    from desktop.tabs import spec_for

    spec = spec_for(tab_id)
    if spec.core is None:
        print(f"{tab_id} waits for every core module", file=sys.stderr)
        return 2
    warm = threading.Thread(target=lambda: [importlib.import_module(m).warmup()
                                            for m in spec.core
                                            if hasattr(importlib.import_module(m), "warmup")])
    warm.start()  # as the shell does: off the GUI thread
    warm.join()
    warmup._pending.update(set(warmup.MODULES) - set(spec.core))  # the rest still warming
    app = QApplication.instance() or QApplication([])
    view = spec.create()
    view.resize(1024, 768)
    view.show()
    model = view.model
    for _ in range(3):
        model.step()
        app.processEvents()
    model.play()
    end = time.perf_counter() + 1.0
    while time.perf_counter() < end:
        app.processEvents()
    model.pause()
    rng = random.Random(0)
    actions = view.monkey_actions()  # every control the tab offers, at random
    for _ in range(120 if actions else 0):
        rng.choice(actions)()
        app.processEvents()
    model.pause()
    model.reset()
    for preset_id in _preset_ids(model):  # every lesson preset, a few steps each
        model.apply_preset(preset_id)
        for _ in range(3):
            model.step()
        app.processEvents()
    for name in reached:
        print(name)
    print("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
