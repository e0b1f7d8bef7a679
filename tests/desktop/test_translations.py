"""Every string the app shows has a Korean translation, compiled and up to date."""
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402

COMPONENTS = i18n.components()


@pytest.mark.parametrize("component", sorted(COMPONENTS))
def test_every_string_is_translated_and_current(component, tmp_path):
    ts = i18n.ts_path(component)
    assert ts.exists(), f"{ts.name} is missing: run tools/i18n.py update {component}"
    assert i18n.unfinished(ts) == [], f"untranslated strings in {ts.name}"
    contexts = [c.findtext("name") for c in ET.parse(ts).getroot().iter("context")]
    assert all(contexts), f"{ts.name} has strings in an empty context (aliased self.tr?)"
    # Re-extract from the code into a copy: nothing new may appear.
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    i18n.extract(component, COMPONENTS[component], copy)
    assert i18n.unfinished(copy) == [], f"code has strings missing from {ts.name}"


@pytest.mark.parametrize("component", sorted(COMPONENTS))
def test_compiled_qm_matches_the_source(component, tmp_path):
    ts = i18n.ts_path(component)
    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} missing: run tools/i18n.py compile"
    fresh = i18n.compile_ts(ts, tmp_path / qm.name)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: run tools/i18n.py compile"


def test_korean_translations_are_korean():
    for ts in sorted(i18n.TS_DIR.glob("*_ko.ts")):
        for msg in ET.parse(ts).getroot().iter("message"):
            source = msg.findtext("source") or ""
            text = "".join(msg.find("translation").itertext())
            if any(ch.isalpha() and ch.isascii() for ch in source) and len(source) > 3:
                has_hangul = any("\uac00" <= ch <= "\ud7a3" for ch in text)
                keeps_symbols = text.strip() == source.strip()
                assert has_hangul or keeps_symbols, f"{ts.name}: {source!r} -> {text!r}"


def test_lrelease_is_available():
    out = subprocess.run([i18n._tool("lrelease"), "-version"], capture_output=True, text=True)
    assert out.returncode == 0
