"""The safety net: no exception escapes into the Qt event loop silently.

``install()`` replaces ``sys.excepthook`` and ``threading.excepthook``: an unexpected error is
logged to ``<user data>/neuralab.log`` and shown in a dialog with the details and a Copy
button, and the app keeps running.
"""
from __future__ import annotations

import sys
import threading
import traceback
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desktop.paths import user_data_dir


def log_path():
    return user_data_dir() / "neuralab.log"


def append_log(text: str) -> None:
    """Append a timestamped entry to the log in the user's data folder (never raises)."""
    try:
        stamp = datetime.now().isoformat(timespec="seconds")
        with open(log_path(), "a", encoding="utf-8") as fh:
            fh.write(f"{stamp} {text.rstrip()}\n")
    except OSError:
        pass


class ErrorReporter(QObject):
    """Collects unexpected errors; shows at most one dialog at a time on the GUI thread."""

    error = Signal(str, str)  # summary, details (queued across threads)

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.last_details = ""
        self.show_dialogs = True
        self._dialog: QMessageBox | None = None
        self.error.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, exc_type, exc, tb) -> None:
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        self.count += 1
        self.last_details = details
        append_log("unexpected error\n" + details)
        summary = f"{exc_type.__name__}: {exc}"
        self.error.emit(summary, details)

    def _show(self, summary: str, details: str) -> None:
        if not self.show_dialogs or self._dialog is not None:
            return
        if not isinstance(QApplication.instance(), QApplication):
            return
        box = QMessageBox(QMessageBox.Icon.Critical,
                          QApplication.translate("ErrorReporter", "Something went wrong"),
                          QApplication.translate(
                              "ErrorReporter",
                              "Neuralab hit an unexpected error and carried on.\n\n{0}\n\n"
                              "The details were saved to {1}.").format(summary, log_path()),
                          QMessageBox.StandardButton.Close)
        box.setDetailedText(details)
        copy = QPushButton(QApplication.translate("ErrorReporter", "Copy details"))
        box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_closed)
        self._dialog = box
        box.open()

    def _on_closed(self) -> None:
        self._dialog = None


reporter: ErrorReporter | None = None


def install() -> ErrorReporter:
    """Install the hooks (idempotent) and return the reporter."""
    global reporter
    if reporter is None:
        reporter = ErrorReporter()
        sys.excepthook = reporter.report
        threading.excepthook = lambda args: reporter.report(
            args.exc_type, args.exc_value, args.exc_traceback)
    return reporter
