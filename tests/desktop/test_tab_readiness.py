"""Tabs are built as soon as the core modules they call are warm, not after all of them."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _early_tabs():
    from desktop.tabs import TABS

    return [spec.id for spec in TABS if spec.core is not None]


def test_tabs_that_declare_their_modules_exist():
    # the first tab, which a class sees while the kernels compile, needs none of them
    from core.warmup import MODULES
    from desktop.tabs import TABS

    assert TABS[0].core == ()
    assert {"perceptron", "descent", "backprop"} <= set(_early_tabs())
    for spec in TABS:
        assert spec.core is None or set(spec.core) <= set(MODULES)


def test_no_tab_calls_a_kernel_outside_its_declared_modules():
    # one fresh process per tab (a process remembers the kernels it has loaded), all at once
    probes = {tab_id: subprocess.Popen(
        [sys.executable, "-m", "tests.desktop.tab_core_probe", tab_id], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for tab_id in _early_tabs()}
    for tab_id, probe in probes.items():
        out, err = probe.communicate(timeout=600)
        assert probe.returncode == 0, err[-3000:]
        lines = out.split()
        assert lines[-1] == "done", out
        assert lines[:-1] == [], f"the {tab_id} tab compiled or loaded on the GUI thread: {lines}"


def test_a_tab_is_built_when_its_modules_are_warm(qtbot, fake_tabs, monkeypatch):
    import core.warmup
    import desktop.main_window
    import desktop.tabs as tabs
    from desktop.main_window import MainWindow
    from desktop.warmup import CoreWarmup

    specs = [tabs.TabSpec("alpha", "Alpha", "tests.desktop.fake_tab", core=("core.a",)),
             tabs.TabSpec("beta", "Beta", "tests.desktop.fake_tab")]
    monkeypatch.setattr(desktop.main_window, "TABS", specs)
    monkeypatch.setattr(core.warmup, "MODULES", ("core.a", "core.b"))
    warm = CoreWarmup()
    win = MainWindow(warm, None)
    qtbot.addWidget(win)
    assert win.ensure_view("alpha") is None
    assert not win.act_play.isEnabled()
    warm.module_ready.emit("core.a")  # the shell builds the current tab at once
    assert "alpha" in win.views and win.pages["alpha"].currentWidget() is win.views["alpha"]
    assert win.act_play.isEnabled() and win.act_step.isEnabled()  # the shell's verbs reach it
    assert win.status_label.text() == "value 0"
    assert win.ensure_view("beta") is None  # beta waits for every module
    warm.module_ready.emit("core.b")
    assert win.ensure_view("beta") is None
    warm.ready.emit(1.0)
    assert win.ensure_view("beta") is not None
