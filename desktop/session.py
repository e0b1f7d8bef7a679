"""Session files: every tab's state in one versioned JSON document.

Format::

    {"format": "neuralab-session", "version": 1, "app_version": "0.1.0",
     "current_tab": "trainer", "tabs": {"perceptron": {...}, ...}}

Reading never executes anything (JSON only: no pickle, no eval) and refuses files that are
too large, truncated, of another format, of a future version, or nested absurdly deep.
Writing is atomic: a temporary file in the same folder, flushed and fsynced, then renamed
over the target, so a crash mid-save never leaves a half-written session.
"""
from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path

FORMAT = "neuralab-session"
VERSION = 1
MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64


class SessionError(ValueError):
    """A session file that cannot be used; the message says why, for the user."""


def _reject_constant(name: str):
    raise SessionError(f"the file contains {name}, which is not valid JSON")


def _depth(obj, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(obj, dict):
        return max((_depth(v, level + 1) for v in obj.values()), default=level + 1)
    if isinstance(obj, list):
        return max((_depth(v, level + 1) for v in obj), default=level + 1)
    return level


def parse(text: str) -> dict:
    """Validate a session document's envelope; returns it (tab states not yet checked)."""
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except SessionError:
        raise
    except (json.JSONDecodeError, RecursionError) as exc:
        raise SessionError(f"the file is not a readable session (broken JSON: {exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SessionError("the file is not a Neuralab session")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SessionError("the session has no valid version number")
    if version > VERSION:
        raise SessionError(
            f"the session was saved by a newer Neuralab (format {version}; this one reads "
            f"up to {VERSION}): update Neuralab to open it")
    tabs = doc.get("tabs", {})
    if not isinstance(tabs, dict) or not all(isinstance(v, dict) for v in tabs.values()):
        raise SessionError("the session's tabs are malformed")
    if _depth(doc) > MAX_DEPTH:
        raise SessionError("the session is nested too deeply to be genuine")
    current = doc.get("current_tab")
    if current is not None and not isinstance(current, str):
        raise SessionError("the session's current tab is malformed")
    return doc


def read(path: str | os.PathLike) -> dict:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SessionError(f"the file is too large for a session ({size:,} bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise SessionError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SessionError("the file is not text (UTF-8)") from None
    return parse(text)


def dumps(current_tab: str | None, tabs: dict[str, dict], app_version: str = "0.1.0") -> str:
    doc = {"format": FORMAT, "version": VERSION, "app_version": app_version,
           "current_tab": current_tab, "tabs": tabs}
    return json.dumps(doc, indent=1, ensure_ascii=False, allow_nan=False,
                      default=_json_default)


def _json_default(obj):
    # numpy scalars and arrays that slipped into a tab's state
    if hasattr(obj, "tolist"):
        return obj.tolist()
    raise TypeError(f"{type(obj).__name__} is not JSON-serialisable")


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` to ``path`` atomically (temp file in the same folder + rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write(path: str | os.PathLike, current_tab: str | None, tabs: dict[str, dict]) -> None:
    text = dumps(current_tab, tabs)  # serialise fully before touching the disk
    atomic_write_text(path, text)


def finite(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)
