"""Translation workflow with Qt's own tools (pyside6-lupdate / pyside6-lrelease).

Each component has its own source file ``assets/translations/<component>_ko.ts`` so that tabs
can be translated independently: ``shell`` covers ``desktop/*.py`` (not tabs), and each tab
``desktop/tabs/<id>/`` is its own component named ``<id>``. Compiled ``.qm`` files sit beside
the ``.ts`` files and are loaded together at run time.

    python tools/i18n.py update [component ...]   # extract strings, keep translations, compile
    python tools/i18n.py fill COMPONENT MAP.json    # fill unfinished entries from {source: text}
    python tools/i18n.py unfinished [component ...] # list strings still to translate
    python tools/i18n.py compile                    # .ts -> .qm only
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "assets" / "translations"
LANGS = ("ko",)


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    if exe.exists():
        return str(exe)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def components() -> dict[str, list[Path]]:
    """Component name -> the Python sources it covers."""
    comps = {"shell": sorted(p for p in (ROOT / "desktop").glob("*.py"))}
    for tab in sorted((ROOT / "desktop" / "tabs").iterdir()):
        if tab.is_dir() and (tab / "__init__.py").exists():
            comps[tab.name] = sorted(tab.rglob("*.py"))
    comps["shell"] += [ROOT / "desktop" / "tabs" / "__init__.py",
                       ROOT / "desktop" / "tabs" / "base.py"]
    return comps


def ts_path(component: str, lang: str = "ko") -> Path:
    return TS_DIR / f"{component}_{lang}.ts"


def extract(component: str, sources: list[Path], ts: Path) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
           "-extensions", "py", *map(str, sources), "-ts", str(ts)]
    subprocess.run(cmd, check=True)


def compile_ts(ts: Path, qm: Path | None = None) -> Path:
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def unfinished(ts: Path) -> list[str]:
    """Source strings whose translation is missing or marked unfinished."""
    out = []
    for msg in ET.parse(ts).getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (
            (tr.text or "").strip() or tr.findall("numerusform")
        ):
            if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                continue
            out.append(msg.findtext("source") or "")
    return out


def fill(ts: Path, mapping: dict[str, str]) -> int:
    """Fill translations from ``mapping`` (source -> translation). Returns how many were set."""
    tree = ET.parse(ts)
    n = 0
    for msg in tree.getroot().iter("message"):
        src = msg.findtext("source")
        if src in mapping:
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            for child in list(tr):
                tr.remove(child)
            if msg.get("numerus") == "yes":
                tr.text = None
                ET.SubElement(tr, "numerusform").text = mapping[src]
            else:
                tr.text = mapping[src]
            tr.attrib.pop("type", None)
            n += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return n


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, args = argv[0], argv[1:]
    comps = components()
    if cmd == "update":
        for name in args or comps:
            for lang in LANGS:
                ts = ts_path(name, lang)
                extract(name, comps[name], ts)
                compile_ts(ts)
                left = unfinished(ts)
                print(f"{ts.relative_to(ROOT)}: {len(left)} unfinished")
        return 0
    if cmd == "compile":
        for ts in sorted(TS_DIR.glob("*.ts")):
            compile_ts(ts)
        return 0
    if cmd == "fill":
        name, mapping_file = args
        mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
        ts = ts_path(name)
        print(f"filled {fill(ts, mapping)} entries in {ts.name}")
        compile_ts(ts)
        for s in unfinished(ts):
            print("  still unfinished:", s)
        return 0
    if cmd == "unfinished":
        for name in args or comps:
            for s in unfinished(ts_path(name)):
                print(f"{name}: {s}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
