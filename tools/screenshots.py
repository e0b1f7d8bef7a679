"""Render the whole window for every tab, projector mode, both languages, light and dark.

    python tools/screenshots.py [OUT_DIR] [--size WxH ...]

Writes ``<tab>_<lang>_<theme>_<W>x<H>.png`` (default sizes 1280x800 and 1024x768) so a
teacher's view of every tab can be checked by eye.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    sizes = [(1280, 800), (1024, 768)]
    out = Path(argv[0]) if argv and not argv[0].startswith("--") else ROOT / "screenshots"
    if "--size" in argv:
        sizes = [tuple(int(v) for v in argv[i + 1].split("x"))
                 for i, a in enumerate(argv) if a == "--size"]
    out.mkdir(parents=True, exist_ok=True)
    from desktop.app import _init_app, apply_app_style, parse_args

    app = _init_app(parse_args([]))
    from desktop import errors
    from desktop.i18n import set_language
    from desktop.main_window import MainWindow
    from desktop.theme import style
    from desktop.warmup import CoreWarmup

    errors.install().show_dialogs = False
    apply_app_style(app)
    style.changed.connect(lambda: apply_app_style(app))
    warm = CoreWarmup()
    warm.run_here()
    win = MainWindow(warm, None)
    win.show()
    win.ensure_all_views()
    style.set_projector(True)
    for lang in ("en", "ko"):
        set_language(lang)
        for dark in (False, True):
            style.set_dark(dark)
            for w, h in sizes:
                win.resize(w, h)
                for i, spec in enumerate(win.specs):
                    win.tabs.setCurrentIndex(i)
                    for _ in range(4):
                        app.processEvents()
                    name = f"{spec.id}_{lang}_{'dark' if dark else 'light'}_{w}x{h}.png"
                    win.grab().save(str(out / name))
                    print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
