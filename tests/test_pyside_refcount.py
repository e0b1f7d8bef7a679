"""Guard against PySide6 releases that corrupt reference counts (6.12.0 on Python 3.11 aborts
with "Fatal Python error: bool_dealloc" after ~1,000 signal emissions)."""
import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    plain = Signal()
    flag = Signal(bool)


def test_signal_emits_do_not_drift_refcounts(qapp):
    emitter = Emitter()
    received = []
    emitter.plain.connect(lambda: received.append(None))
    emitter.flag.connect(lambda value: received.append(value))
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(1000):
        emitter.plain.emit()
        emitter.flag.emit(True)
    received.clear()
    drift_true = sys.getrefcount(True) - true_before
    drift_none = sys.getrefcount(None) - none_before
    assert abs(drift_true) < 50, f"refcount of True drifted by {drift_true}"
    assert abs(drift_none) < 50, f"refcount of None drifted by {drift_none}"


def test_installed_pyside6_is_the_pinned_series():
    import PySide6

    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    assert (major, minor) == (6, 11), f"PySide6 {PySide6.__version__} is outside the 6.11 pin"
