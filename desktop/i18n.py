"""Run-time language switching with Qt's translation machinery (.qm files in assets/)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.paths import asset

LANGUAGES = {"en": "English", "ko": "한국어"}
_installed: list[QTranslator] = []
_current = "en"

# Fonts with Hangul, best first; the first one installed wins.
HANGUL_FONTS = ("Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "Malgun Gothic",
                "Apple SD Gothic Neo", "Noto Sans CJK JP", "Noto Sans CJK SC", "UnDotum")


def current_language() -> str:
    return _current


def hangul_font_family() -> str | None:
    """The first installed font family that has Hangul, or None."""
    families = set(QFontDatabase.families())
    for name in HANGUL_FONTS:
        if name in families:
            return name
    for name in QFontDatabase.families(QFontDatabase.WritingSystem.Korean):
        return name
    return None


def set_language(lang: str) -> bool:
    """Install the translators for ``lang`` ("en" or "ko"); Qt sends LanguageChange to every
    widget. Returns False (and stays in English) when no translation files are found."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    ok = True
    if lang != "en":
        files = sorted(asset("translations").glob(f"*_{lang}.qm"))
        for qm in files:
            tr = QTranslator(app)
            if tr.load(str(qm)):
                app.installTranslator(tr)
                _installed.append(tr)
        ok = bool(_installed)
    _current = lang if ok else "en"
    QLocale.setDefault(QLocale(QLocale.Language.Korean if _current == "ko"
                               else QLocale.Language.English))
    _apply_font(app)
    return ok


def _apply_font(app) -> None:
    """Give the app a font with Hangul when Korean is chosen (Qt falls back per glyph too)."""
    if not isinstance(app, QApplication):
        return
    font = QFont(app.font())
    family = hangul_font_family() if _current == "ko" else None
    if family:
        font.setFamilies([family, *font.families()])
    else:
        font.setFamilies([f for f in font.families() if f not in HANGUL_FONTS] or ["Sans Serif"])
    app.setFont(font)
