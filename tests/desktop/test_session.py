"""Session files: strict parsing and atomic writes."""
import json
import os

import pytest

from desktop import session


def test_round_trip(tmp_path):
    path = tmp_path / "s.json"
    session.write(path, "trainer", {"trainer": {"lr": 0.03, "layers": [4, 2]}})
    doc = session.read(path)
    assert doc["current_tab"] == "trainer"
    assert doc["tabs"]["trainer"] == {"lr": 0.03, "layers": [4, 2]}
    assert doc["version"] == session.VERSION


@pytest.mark.parametrize("text, fragment", [
    ("", "broken JSON"),
    ('{"format": "neuralab-session", "version": 1, "tabs": {', "broken JSON"),
    ("[1, 2, 3]", "not a Neuralab session"),
    ('{"format": "something-else", "version": 1}', "not a Neuralab session"),
    ('{"format": "neuralab-session", "version": 99, "tabs": {}}', "newer Neuralab"),
    ('{"format": "neuralab-session", "version": "1", "tabs": {}}', "version"),
    ('{"format": "neuralab-session", "version": 1, "tabs": []}', "malformed"),
    ('{"format": "neuralab-session", "version": 1, "tabs": {"a": NaN}}', "NaN"),
    ('{"format": "neuralab-session", "version": 1, "tabs": {"a": {"x": ' + "[" * 100
     + "]" * 100 + "}}}", "deep"),
])
def test_bad_files_are_refused_with_a_reason(tmp_path, text, fragment):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(session.SessionError, match=fragment):
        session.read(path)


def test_binary_and_missing_files(tmp_path):
    path = tmp_path / "bin.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(session.SessionError, match="not text"):
        session.read(path)
    with pytest.raises(session.SessionError, match="cannot read"):
        session.read(tmp_path / "missing.json")


def test_atomic_write_keeps_the_old_file_when_serialising_fails(tmp_path):
    path = tmp_path / "s.json"
    session.write(path, None, {"a": {"x": 1}})
    before = path.read_bytes()
    with pytest.raises(ValueError):
        session.write(path, None, {"a": {"x": float("nan")}})
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]  # no temp files left


def test_atomic_write_replaces_in_one_rename(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    session.write(path, None, {"a": {"x": 1}})
    calls = []
    real = os.replace

    def spy(src, dst):
        calls.append((src, dst))
        assert json.loads(open(src).read())["tabs"] == {"a": {"x": 2}}  # complete before rename
        return real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    session.write(path, None, {"a": {"x": 2}})
    assert len(calls) == 1 and str(calls[0][1]) == str(path)
