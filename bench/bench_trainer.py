"""The live MLP trainer: epochs per second of the default problem while every frame redraws.

Opens the trainer tab offscreen at 1280x800 (Qt's software raster), warms the compiled core,
presses Play with the speed set to "as fast as possible" and lets the tab's own timer run
for a few seconds: each frame trains within its time budget in compiled code, evaluates,
redraws every neuron thumbnail, the edges, the output heat map, the loss curves and the
hidden space, and Qt paints. We count epochs and frames over wall time.

The default problem is TensorFlow Playground's: circle, 500 points (250 for training),
features x1 and x2, hidden layers [4, 2] of tanh, batch 10, learning rate 0.03.
"""
from __future__ import annotations

import os
import time

SECONDS = 4.0


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")
    return app


def measure(state: dict | None = None, speed: int = 0, seconds: float = SECONDS,
            size=(1280, 800)) -> dict:
    """Play the trainer for ``seconds``; returns epochs/s, frames/s and ms per frame."""
    app = _app()
    from core.warmup import warm_all
    from desktop.app import apply_app_style
    from desktop.tabs.trainer import create

    warm_all()
    apply_app_style(app)
    view = create()
    model = view.model
    if state:
        model.from_state(state)
    model.set_speed(speed)
    view.resize(*size)
    view.show()
    for _ in range(5):
        app.processEvents()
    frames = [0]
    model.weights_changed.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    model.play()
    start = time.perf_counter()
    epoch0 = model.epoch
    while time.perf_counter() - start < seconds and model.running:
        app.processEvents()
    elapsed = time.perf_counter() - start
    model.pause()
    epochs = model.epoch - epoch0
    result = {"epochs_per_s": epochs / elapsed, "fps": frames[0] / elapsed,
              "ms_per_frame": 1000 * elapsed / max(1, frames[0]),
              "status": model.status_text()}
    view.close()
    view.deleteLater()
    app.processEvents()
    return result


def run() -> list[dict]:
    default = measure()
    paced = measure(speed=600)
    big = measure({"settings": {"hidden": [8] * 6, "activations": ["tanh"] * 6,
                                "features": ["x1", "x2", "x1sq", "x2sq", "x1x2", "sin1",
                                             "sin2"]}})
    return [
        {"name": "trainer: epochs/s, default 500-point problem, every frame redrawn "
                 "(1280x800, offscreen)",
         "value": round(default["epochs_per_s"]), "unit": "epochs/s", "target": ">= 600",
         "ok": default["epochs_per_s"] >= 600},
        {"name": "trainer: frames/s while training as fast as possible",
         "value": round(default["fps"], 1), "unit": "fps", "target": ">= 57 (60 Hz)",
         "ok": default["fps"] >= 57},
        {"name": "trainer: frames/s at the default 600 epochs/s",
         "value": round(paced["fps"], 1), "unit": "fps", "target": ">= 57 (60 Hz)",
         "ok": paced["fps"] >= 57},
        {"name": "trainer: epochs/s, 7 features and 6 x 8 hidden neurons (informative)",
         "value": round(big["epochs_per_s"]), "unit": "epochs/s",
         "target": f"(at {big['fps']:.0f} fps)", "ok": True},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
