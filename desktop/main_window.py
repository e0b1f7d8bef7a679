"""The main window: a tab per topic, menus, toolbar, status bar, projector mode, sessions."""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPainter, QRegion
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from desktop import session
from desktop.i18n import LANGUAGES, current_language, set_language
from desktop.tabs import TABS, TabSpec
from desktop.theme import style
from desktop.widgets import ElidedLabel

APP_VERSION = "0.1.0"


class TabPage(QStackedWidget):
    """Holds a placeholder until the core modules the tab calls are warm, then its view."""

    def __init__(self, spec: TabSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.view = None
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.addWidget(self.placeholder)
        self.retranslate()

    def retranslate(self) -> None:
        self.placeholder.setText(QApplication.translate(
            "MainWindow", "Preparing the compiled core…\nThis tab opens in a moment."))

    def set_view(self, view) -> None:
        self.view = view
        self.addWidget(view)
        self.setCurrentWidget(view)


class MainWindow(QMainWindow):
    """Neuralab's one window. ``views`` maps tab id -> view once created (lazily)."""

    view_created = Signal(str)

    def __init__(self, warmup, settings: QSettings | None = None) -> None:
        super().__init__()
        self.warmup = warmup
        self.settings = settings
        self.session_path: Path | None = None
        self.views: dict[str, object] = {}
        self.pages: dict[str, TabPage] = {}
        #: saved states of tabs not built yet (applied when each tab is first opened)
        self.pending_states: dict[str, dict] = {}
        self._fullscreen_before_projector = False

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.specs: list[TabSpec] = list(TABS)  # this window's tabs, fixed at creation
        for spec in self.specs:
            page = TabPage(spec)
            self.pages[spec.id] = page
            self.tabs.addTab(page, spec.title)
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()

        self._status_timer = QTimer(self)
        self._status_timer.setInterval(500)
        self._status_timer.timeout.connect(self._refresh_status)
        self._status_timer.start()

        style.changed.connect(self._apply_style)
        warmup.ready.connect(self._on_core_ready)
        warmup.failed.connect(self._on_core_failed)
        warmup.progress.connect(self._on_core_progress)
        warmup.module_ready.connect(self._on_core_module)
        self.retranslate()
        self._apply_style()
        self.resize(1280, 800)
        if warmup.is_ready:
            self._on_core_ready(warmup.seconds)

    # --- building ------------------------------------------------------------------
    def _action(self, slot, shortcut=None, checkable=False) -> QAction:
        act = QAction(self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                act.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        act.triggered.connect(slot)
        self.addAction(act)  # shortcuts work even when menus are hidden (full screen)
        return act

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.act_open = self._action(self.open_session_dialog, key.Open)
        self.act_save = self._action(self.save_session, key.Save)
        self.act_save_as = self._action(self.save_session_as, key.SaveAs)
        self.act_export = self._action(self.export_dialog, "Ctrl+E")
        self.act_quit = self._action(self.close, key.Quit)
        self.act_projector = self._action(self.set_projector, "F5", checkable=True)
        self.act_fullscreen = self._action(self.set_fullscreen, key.FullScreen, checkable=True)
        self.act_dark = self._action(style.set_dark, "Ctrl+Shift+D", checkable=True)
        self.act_zoom_in = self._action(lambda: style.set_zoom(style.zoom * 1.15),
                                        [key.ZoomIn, "Ctrl+="])
        self.act_zoom_out = self._action(lambda: style.set_zoom(style.zoom / 1.15), key.ZoomOut)
        self.act_zoom_reset = self._action(lambda: style.set_zoom(1.0), "Ctrl+0")
        self.act_play = self._action(lambda: self._verb("toggle_play"), "Space")
        self.act_step = self._action(lambda: self._verb("step"), "Right")
        self.act_back = self._action(lambda: self._verb("step_back"), "Left")
        self.act_reset = self._action(lambda: self._verb("reset"), "R")
        self.act_shortcuts = self._action(self.show_shortcuts, key.HelpContents)
        self.act_about = self._action(self.show_about)
        self.act_tabs = []
        for i in range(min(9, len(self.specs))):
            self.act_tabs.append(self._action(lambda _=False, i=i: self.tabs.setCurrentIndex(i),
                                              str(i + 1)))
        self.act_leave = self._action(self._leave_full_screen, "Esc")
        self.lang_group = QActionGroup(self)
        self.act_langs = {}
        for code in LANGUAGES:
            act = QAction(LANGUAGES[code], self, checkable=True)
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.lang_group.addAction(act)
            self.act_langs[code] = act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        for act in (self.act_open, self.act_save, self.act_save_as, None, self.act_export,
                    None, self.act_quit):
            self.menu_file.addSeparator() if act is None else self.menu_file.addAction(act)
        self.menu_run = bar.addMenu("")
        for act in (self.act_play, self.act_step, self.act_back, self.act_reset):
            self.menu_run.addAction(act)
        self.menu_view = bar.addMenu("")
        for act in (self.act_projector, self.act_fullscreen, self.act_dark):
            self.menu_view.addAction(act)
        self.menu_lang = self.menu_view.addMenu("")
        for act in self.act_langs.values():
            self.menu_lang.addAction(act)
        self.menu_view.addSeparator()
        for act in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            self.menu_view.addAction(act)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_shortcuts)
        self.menu_help.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        tb = QToolBar(self)
        tb.setObjectName("controls")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.act_play, self.act_back, self.act_step, self.act_reset):
            tb.addAction(act)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        tb.addWidget(spacer)
        tb.addAction(self.act_projector)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self.toolbar = tb

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        # elided, never wider than the window: a long status line must not widen it
        self.status_label = ElidedLabel()
        bar.addWidget(self.status_label, 1)
        self.warm_label = QLabel()
        self.warm_bar = QProgressBar()
        self.warm_bar.setRange(0, 0)  # busy indicator until the first progress report
        self.warm_bar.setMaximumWidth(140)
        self.warm_bar.setTextVisible(False)
        self.message_label = ElidedLabel()
        self._flash_source = None
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message_label.clear)
        bar.addPermanentWidget(self.message_label)
        bar.addPermanentWidget(self.warm_label)
        bar.addPermanentWidget(self.warm_bar)

    def flash(self, text, ms: int = 5000) -> None:
        """A short message at the right of the status bar (the tab's status stays visible).

        ``text`` is a string, or a function returning it: a message shown through a function
        is re-translated if the language changes while it is on screen."""
        self._flash_source = text if callable(text) else None
        self.message_label.setText(text() if callable(text) else text)
        self._message_timer.start(ms)

    # --- translation ---------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Neuralab - deep learning, live"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_run.setTitle(self.tr("&Run"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_lang.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        texts = {
            self.act_open: self.tr("&Open session…"),
            self.act_save: self.tr("&Save session"),
            self.act_save_as: self.tr("Save session &as…"),
            self.act_export: self.tr("&Export view as PNG or SVG…"),
            self.act_quit: self.tr("&Quit"),
            self.act_projector: self.tr("&Projector mode"),
            self.act_fullscreen: self.tr("&Full screen"),
            self.act_dark: self.tr("&Dark theme"),
            self.act_zoom_in: self.tr("Zoom &in"),
            self.act_zoom_out: self.tr("Zoom &out"),
            self.act_zoom_reset: self.tr("&Reset zoom"),
            self.act_step: self.tr("Step ▶|"),
            self.act_back: self.tr("|◀ Step back"),
            self.act_reset: self.tr("↺ Reset"),
            self.act_shortcuts: self.tr("&Keyboard shortcuts"),
            self.act_about: self.tr("&About Neuralab"),
            self.act_leave: self.tr("Leave full screen"),
        }
        for act, text in texts.items():
            act.setText(text)
        self._update_play_text()
        for i, act in enumerate(self.act_tabs):
            act.setText(self.tr("Go to tab %1").replace("%1", str(i + 1)))
        for i, spec in enumerate(self.specs):
            title = spec.translated_title().replace("&", "&&")  # not a mnemonic
            self.tabs.setTabText(i, f"{i + 1}  {title}")
            self.pages[spec.id].retranslate()
        self.act_langs[current_language()].setChecked(True)
        self._refresh_status()
        if self._message_timer.isActive() and self._flash_source is not None:
            self.message_label.setText(self._flash_source())
        if not self.warmup.is_ready:
            self.warm_label.setText(self.tr("Warming up the compiled core…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, code: str) -> None:
        if code == current_language():
            return
        ok = set_language(code)
        if not ok:
            self.flash(
                self.tr("No translation files were found; staying in English."), 5000)
        self.act_langs[current_language()].setChecked(True)
        self._save_setting("language", current_language())

    # --- style ---------------------------------------------------------------------
    def _apply_style(self) -> None:
        app = QApplication.instance()
        from desktop.app import apply_app_style

        apply_app_style(app)
        self.act_projector.setChecked(style.projector)
        self.act_dark.setChecked(style.dark)
        icon = int(24 * style.scale)
        self.toolbar.setIconSize(QSize(icon, icon))
        f = style.font(1.05, bold=True)
        self.toolbar.setFont(f)
        for w in self.toolbar.findChildren(QWidget):
            w.setFont(f)
        # Tab titles are navigation, not content: in projector mode they must still all fit.
        self.tabs.tabBar().setFont(style.font(0.8 if style.projector else 1.0, bold=True))
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        # Every tab has its own Play/Step/Reset; on a projector the rows go to the content.
        self.toolbar.setVisible(not style.projector)
        for page in self.pages.values():
            page.placeholder.setFont(style.font(1.4))

    def set_projector(self, on: bool) -> None:
        if on and not style.projector:
            self._fullscreen_before_projector = self.isFullScreen()
        style.set_projector(on)
        self.set_fullscreen(on or self._fullscreen_before_projector)
        self._save_setting("projector", on)

    def set_fullscreen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        elif self.isFullScreen():
            self.showNormal()
        self.act_fullscreen.setChecked(on)

    def _leave_full_screen(self) -> None:
        if style.projector:
            self.set_projector(False)
        elif self.isFullScreen():
            self.set_fullscreen(False)

    # --- tabs and the compiled core --------------------------------------------------
    def _on_core_progress(self, fraction: float, module: str) -> None:
        self.warm_bar.setRange(0, 100)
        self.warm_bar.setValue(int(100 * fraction))

    def _on_core_module(self, _module: str) -> None:
        self.ensure_view(self.current_id())  # the current tab opens once its modules are warm

    def _on_core_ready(self, seconds: float) -> None:
        self.warm_label.hide()
        self.warm_bar.hide()
        self.flash(lambda: self.tr("Compiled core ready in %1 s").replace(
            "%1", f"{seconds:.1f}"), 4000)
        self.ensure_view(self.current_id())
        self._update_play_text()

    def _on_core_failed(self, details: str) -> None:
        self.warm_bar.hide()
        self.warm_label.setText(self.tr("The compiled core failed to start: see the error details"))
        raise RuntimeError("warming the compiled core failed:\n" + details)

    def current_id(self) -> str:
        return self.specs[self.tabs.currentIndex()].id if self.specs else ""

    def current_view(self):
        return self.views.get(self.current_id())

    def current_model(self):
        view = self.current_view()
        return None if view is None else view.model

    def ensure_view(self, tab_id: str):
        """The tab's view, created on first use (only once the core modules it calls are
        warm: until then its page shows the warm-up placeholder)."""
        if tab_id in self.views:
            return self.views[tab_id]
        spec = self.pages[tab_id].spec
        if not self.warmup.is_warm(spec.core):
            return None
        view = spec.create()
        pending = self.pending_states.pop(tab_id, None)
        if pending is not None:
            try:
                view.model.from_state(pending)
            except ValueError as exc:  # a stale part of the last session: start fresh
                self.flash(self.tr("The saved state of this tab was not restored: %1")
                           .replace("%1", str(exc)), 8000)
        view.model.status_changed.connect(self._refresh_status)
        view.model.running_changed.connect(lambda _r: self._update_play_text())
        self.views[tab_id] = view
        self.pages[tab_id].set_view(view)
        if tab_id == self.current_id():  # the shell's Play/Step/Reset now reach it
            self._update_play_text()
            self._refresh_status()
        self.view_created.emit(tab_id)
        return view

    def ensure_all_views(self) -> None:
        for spec in self.specs:
            self.ensure_view(spec.id)

    def _on_tab_changed(self, index: int) -> None:
        for tab_id, view in self.views.items():
            if tab_id != self.current_id() and view.model.running:
                view.model.pause()  # one live tab at a time: the projector shows one
        self.ensure_view(self.current_id())
        self._update_play_text()
        self._refresh_status()
        self._save_setting("last_tab", self.current_id())

    def _verb(self, name: str) -> None:
        model = self.current_model()
        if model is not None:
            getattr(model, name)()
            self._update_play_text()

    def _update_play_text(self) -> None:
        model = self.current_model()
        running = model is not None and model.running
        self.act_play.setText(self.tr("⏸ Pause") if running else self.tr("▶ Play"))
        self.act_back.setEnabled(model is not None and model.can_step_back)
        for act in (self.act_play, self.act_step, self.act_reset):
            act.setEnabled(model is not None)

    def _refresh_status(self, *_args) -> None:
        model = self.current_model()
        text = model.status_text() if model is not None else ""
        if model is not None and model.running and model.fps > 0 and "fps" not in text:
            text = f"{text} - {model.fps:.0f} fps" if text else f"{model.fps:.0f} fps"
        self.status_label.setText(text)

    # --- sessions --------------------------------------------------------------------
    def session_state(self) -> dict:
        state = dict(self.pending_states)  # tabs not opened this time keep their state
        state.update({tab_id: view.model.to_state() for tab_id, view in self.views.items()})
        return state

    def restore_lazily(self, doc: dict) -> None:
        """Restore a session without building every tab now: each tab gets its state when it
        is first opened (start-up stays fast); the current tab is built at once."""
        self.pending_states = {k: v for k, v in doc.get("tabs", {}).items()
                               if k in self.pages and k not in self.views}
        for tab_id, view in self.views.items():
            state = doc.get("tabs", {}).get(tab_id)
            if state is not None:
                try:
                    view.model.from_state(state)
                except ValueError:
                    pass
        current = doc.get("current_tab")
        if current in self.pages:
            self.tabs.setCurrentWidget(self.pages[current])
        self.ensure_view(self.current_id())

    def save_session_to(self, path) -> None:
        session.write(path, self.current_id(), self.session_state())

    def apply_session(self, doc: dict) -> None:
        """Apply a parsed session; on any tab's error, every tab is put back as it was."""
        self.ensure_all_views()
        self.pending_states.clear()
        tabs = doc.get("tabs", {})
        unknown = [k for k in tabs if k not in self.views]
        snapshots = {k: v.model.to_state() for k, v in self.views.items()}
        applied = []
        failing = None
        try:
            for failing, state in tabs.items():
                if failing in unknown:
                    continue
                self.views[failing].model.pause()
                self.views[failing].model.from_state(state)
                applied.append(failing)
        except Exception as exc:
            for tab_id in applied:
                try:
                    self.views[tab_id].model.from_state(snapshots[tab_id])
                except Exception:
                    pass
            name = self.pages[failing].spec.translated_title()
            raise session.SessionError(
                self.tr("the part for the tab “%1” is invalid: %2")
                .replace("%1", name).replace("%2", str(exc))) from exc
        current = doc.get("current_tab")
        if current in self.pages:
            self.tabs.setCurrentWidget(self.pages[current])

    def load_session_file(self, path) -> None:
        doc = session.read(path)
        self.apply_session(doc)
        self.session_path = Path(path)

    def open_session_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open session"), str(self.session_path or Path.home()),
            self.tr("Neuralab sessions (*.neuralab.json *.json)"))
        if path:
            self.open_session(path)

    def open_session(self, path) -> bool:
        try:
            self.load_session_file(path)
        except session.SessionError as exc:
            self._error(self.tr("Could not open the session"),
                        self.tr("%1 was not opened, and nothing was changed:\n%2")
                        .replace("%1", Path(path).name).replace("%2", str(exc)))
            return False
        self.flash(self.tr("Opened %1").replace("%1", Path(path).name), 4000)
        return True

    def save_session(self) -> None:
        if self.session_path is None:
            self.save_session_as()
            return
        self._save_to(self.session_path)

    def save_session_as(self) -> None:
        default = self.session_path or Path.home() / "lesson.neuralab.json"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save session"), str(default),
            self.tr("Neuralab sessions (*.neuralab.json *.json)"))
        if path:
            self._save_to(Path(path))

    def _save_to(self, path: Path) -> None:
        try:
            self.save_session_to(path)
        except (OSError, TypeError, ValueError) as exc:
            self._error(self.tr("Could not save the session"), str(exc))
            return
        self.session_path = path
        self.flash(self.tr("Saved %1").replace("%1", path.name), 4000)

    def _error(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_error = text

    # --- export ----------------------------------------------------------------------
    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export view"), str(Path.home() / f"neuralab-{self.current_id()}.png"),
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            try:
                self.export_view(path)
            except OSError as exc:
                self._error(self.tr("Could not export the view"), str(exc))

    def export_view(self, path) -> None:
        """Write the current tab as PNG (pixels) or SVG (vector, by rendering the widget)."""
        widget = self.current_view() or self.tabs.currentWidget()
        path = Path(path)
        if path.suffix.lower() == ".svg":
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(str(path))
            gen.setSize(widget.size())
            gen.setViewBox(widget.rect())
            gen.setTitle(f"Neuralab - {self.current_id()}")
            painter = QPainter(gen)
            try:
                flags = (QWidget.RenderFlag.DrawChildren
                         | QWidget.RenderFlag.DrawWindowBackground)
                widget.render(painter, QPoint(0, 0), QRegion(widget.rect()), flags)
            finally:
                painter.end()
        else:
            if not widget.grab().save(str(path)):
                raise OSError(f"could not write {path}")

    # --- help --------------------------------------------------------------------------
    def shortcuts_text(self) -> str:
        rows = [
            ("Space", self.tr("play / pause")), ("→", self.tr("one step")),
            ("←", self.tr("one step back (where the tab keeps a history)")),
            ("R", self.tr("reset")), ("1 – 9", self.tr("switch tabs")),
            ("F5", self.tr("projector mode")), ("F11", self.tr("full screen")),
            ("Esc", self.tr("leave full screen")),
            ("Ctrl + / Ctrl −", self.tr("bigger / smaller (projector scale)")),
            ("Ctrl 0", self.tr("normal size")), ("Ctrl Shift D", self.tr("dark theme")),
            ("Ctrl S / Ctrl O", self.tr("save / open the session")),
            ("Ctrl E", self.tr("export the view as PNG or SVG")),
        ]
        body = "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;&nbsp;{v}</td></tr>" for k, v in rows)
        return f"<table>{body}</table>"

    def show_shortcuts(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"),
                          self.shortcuts_text(), QMessageBox.StandardButton.Close, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Neuralab"), self.tr(
            "<h3>Neuralab %1</h3><p>The first lectures of deep learning, live: the perceptron, "
            "activation and loss functions, gradient descent, backpropagation and a "
            "multi-layer-perceptron trainer, computed by a Numba-compiled core.</p>")
            .replace("%1", APP_VERSION))

    # --- settings ----------------------------------------------------------------------
    def _save_setting(self, key: str, value) -> None:
        if self.settings is not None:
            self.settings.setValue(key, value)

    def save_settings(self) -> None:
        if self.settings is None:
            return
        s = self.settings
        s.setValue("geometry", self.saveGeometry())
        s.setValue("last_tab", self.current_id())
        s.setValue("dark", style.dark)
        s.setValue("zoom", style.zoom)
        s.setValue("projector", style.projector)
        s.setValue("language", current_language())
        s.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        for view in self.views.values():
            view.model.pause()
        self.save_settings()
        try:
            from desktop.app import last_session_path

            if self.views:
                self.save_session_to(last_session_path())
        except Exception:  # never block quitting over the last-session file
            import traceback

            from desktop.errors import append_log

            append_log("saving the last session failed\n" + traceback.format_exc())
        super().closeEvent(event)


def wait_for(predicate, timeout: float = 30.0) -> bool:
    """Process events until ``predicate()`` or the timeout (command-line modes only)."""
    end = time.monotonic() + timeout
    app = QApplication.instance()
    while not predicate():
        if time.monotonic() > end:
            return False
        app.processEvents()
        time.sleep(0.005)
    return True
