"""Neuralab's entry point and command line.

    neuralab [--tab ID] [--lang en|ko] [--projector] [--dark] [--session FILE]
             [--screenshot OUT.png] [--size WxH] [--self-test]

Start-up order, so the window appears at once: QApplication -> settings -> the main window
with placeholder tabs is shown -> the compiled core warms up in a background thread -> the
current tab is built when the core is ready -> the last session is restored.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

T0 = time.perf_counter()

if getattr(sys, "frozen", False):
    # before numba loads: numba's own cache locators fail for frozen modules, so use ours,
    # and the kernels compiled when the app was packaged (``core._kernel_bundle``)
    from pathlib import Path

    from core._kernel_bundle import configure_frozen

    KERNELS = configure_frozen(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
                               / "kernel-cache")


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="neuralab",
                                description="Deep learning's first lectures, live.")
    p.add_argument("--tab",
                   help="open this tab (perceptron, activations, descent, backprop, trainer)")
    p.add_argument("--lang", choices=("en", "ko"), help="interface language")
    p.add_argument("--projector", action="store_true", help="start in projector mode")
    p.add_argument("--dark", action="store_true", help="dark theme")
    p.add_argument("--light", action="store_true", help="light theme")
    p.add_argument("--session", metavar="FILE", help="open this session file")
    p.add_argument("--screenshot", metavar="OUT.png",
                   help="render the chosen tab headlessly to a PNG (or SVG) and exit")
    p.add_argument("--size", default="1280x800", help="window size for --screenshot (WxH)")
    p.add_argument("--self-test", action="store_true",
                   help="open every tab offscreen, run a few steps of each, exit 0 if all is well")
    p.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--no-restore", action="store_true",
                   help="do not restore the last session on start")
    return p.parse_args(argv)


def make_settings():
    from PySide6.QtCore import QSettings

    from desktop.paths import user_data_dir

    return QSettings(str(user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def last_session_path():
    from desktop.paths import user_data_dir

    return user_data_dir() / "last-session.neuralab.json"


def apply_app_style(app) -> None:
    """Palette, font size and pyqtgraph defaults from ``desktop.theme.style``."""
    import pyqtgraph as pg
    from PySide6.QtGui import QColor, QPalette

    from desktop.theme import style

    app.setStyle("Fusion")
    pal = QPalette()
    if style.dark:
        role = QPalette.ColorRole
        for r, c in ((role.Window, "#202326"), (role.WindowText, "#f0f0f0"),
                     (role.Base, "#30353a"), (role.AlternateBase, "#2a2d31"),
                     (role.Text, "#f0f0f0"), (role.Button, "#2d3135"),
                     (role.ButtonText, "#f0f0f0"), (role.ToolTipBase, "#2d3135"),
                     (role.ToolTipText, "#f0f0f0"), (role.Highlight, "#0877bd"),
                     (role.HighlightedText, "#ffffff"), (role.PlaceholderText, "#9aa0a6"),
                     (role.Link, "#56b4e9")):
            pal.setColor(r, QColor(c))
        pal.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#7a7f85"))
        pal.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#7a7f85"))
        pal.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor("#7a7f85"))
    else:
        pal = app.style().standardPalette()
    app.setPalette(pal)
    font = app.font()
    font.setPointSizeF(style.point_size)
    app.setFont(font)
    pg.setConfigOptions(background=style.background, foreground=style.foreground)


def _init_app(args, argv0: str = "neuralab"):
    if (args.screenshot or args.self_test) and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("Neuralab")
    QCoreApplication.setApplicationName("Neuralab")
    app = QApplication.instance() or QApplication([argv0])
    from desktop.paths import asset

    app.setWindowIcon(QIcon(str(asset("icons", "neuralab.svg"))))
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")
    return app


def _configure(args, settings) -> None:
    """Theme, projector mode and language from the settings, then the command line."""
    from desktop.i18n import set_language
    from desktop.theme import style

    def setting(key, default, kind):
        value = settings.value(key, default) if settings is not None else default
        try:
            if kind is bool:
                return value in (True, "true", "1", 1)
            return kind(value)
        except (TypeError, ValueError):
            return default

    style.set_dark(setting("dark", False, bool))
    style.set_zoom(setting("zoom", 1.0, float))
    if args.dark:
        style.set_dark(True)
    if args.light:
        style.set_dark(False)
    lang = args.lang or setting("language", "en", str)
    set_language(lang if lang in ("en", "ko") else "en")


def run_single_tab(tab_id: str) -> int:
    """Open one tab alone in a window: ``python -m desktop.tabs.<id>``."""
    args = parse_args(sys.argv[1:])
    app = _init_app(args)
    from desktop import errors
    from desktop.tabs import spec_for
    from desktop.theme import style

    errors.install()
    _configure(args, None)
    apply_app_style(app)
    style.changed.connect(lambda: apply_app_style(app))
    if args.projector:
        style.set_projector(True)
    from core.warmup import warm_all

    warm_all()
    view = spec_for(tab_id).create()
    view.setWindowTitle(f"Neuralab - {spec_for(tab_id).translated_title()}")
    view.resize(1280, 800)
    view.show()
    return app.exec()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = _init_app(args)
    from desktop import errors, session
    from desktop.main_window import MainWindow, wait_for
    from desktop.tabs import TABS, spec_for
    from desktop.theme import style
    from desktop.warmup import CoreWarmup

    reporter = errors.install()
    headless = bool(args.screenshot or args.self_test)
    settings = None if headless else make_settings()
    _configure(args, settings)
    if args.tab:
        try:
            spec_for(args.tab)
        except KeyError as exc:
            print(f"neuralab: {exc.args[0]}", file=sys.stderr)
            return 2

    warmup = CoreWarmup()
    window = MainWindow(warmup, settings)
    last_tab = args.tab or (settings.value("last_tab", "") if settings is not None else "")
    ids = [s.id for s in TABS]
    if last_tab in ids:
        window.tabs.setCurrentIndex(ids.index(last_tab))
    if settings is not None and settings.value("geometry") is not None:
        window.restoreGeometry(settings.value("geometry"))
    if headless:
        w, _, h = args.size.partition("x")
        window.resize(int(w), int(h))
    if args.projector:
        if headless:
            style.set_projector(True)  # offscreen "full screen" would shrink to 800x600
        else:
            window.set_projector(True)
    window.show()
    if args.startup_probe:
        app.processEvents()  # count the first paint, not just the request to show
    shown_at = time.perf_counter()

    if headless:
        warmup.run_here()
        window._on_core_ready(warmup.seconds)
    else:
        warmup.start()

    from PySide6.QtCore import QCoreApplication

    def restore():
        if args.session:
            window.open_session(args.session)
        elif settings is not None and not args.no_restore and last_session_path().exists():
            try:
                window.restore_lazily(session.read(last_session_path()))
            except Exception as exc:  # a broken last session must never stop the app
                window.flash(
                    QCoreApplication.translate(
                        "MainWindow", "The last session could not be restored: %1")
                    .replace("%1", str(exc)), 8000)
        if args.tab:
            window.tabs.setCurrentIndex(ids.index(args.tab))

    if args.startup_probe:
        wait_for(lambda: warmup.is_warm(spec_for(window.current_id()).core), 60)
        view = window.ensure_view(window.current_id())
        app.processEvents()
        ready_at = time.perf_counter()
        print(f"window_shown_s={shown_at - T0:.3f} tabs_ready_s={ready_at - T0:.3f} "
              f"warmup_s={warmup.seconds:.3f} tab={window.current_id()} ok={view is not None}")
        return 0

    if headless:
        restore()
        if args.self_test:
            from desktop.selftest import run_self_test

            if getattr(sys, "frozen", False):
                print(f"self-test: kernels: {KERNELS}", flush=True)
            return run_self_test(window, reporter)
        return _screenshot(window, args.screenshot, style)

    if args.session:  # a whole session is applied at once: every tab must be ready
        warmup.ready.connect(lambda _s: restore())
    else:  # tabs that get ready later take their restored state when they are built
        restore()
        window.ensure_view(window.current_id())  # a tab that needs no kernel: at once
    code = app.exec()
    return code


def _screenshot(window, out: str, style) -> int:
    from PySide6.QtWidgets import QApplication

    window.ensure_view(window.current_id())
    for _ in range(5):
        QApplication.processEvents()
    window.export_view(out)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
