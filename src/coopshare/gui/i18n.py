"""Translations: Dutch and English. The source strings are English; Dutch comes from
``gui/i18n/coopshare_nl.qm`` (compiled from ``coopshare_nl.ts`` with pyside6-lrelease)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

I18N = Path(__file__).with_name("i18n")
_installed: list[QTranslator] = []


def language_for(setting: str) -> str:
    """'nl' or 'en' for a preference of 'system', 'nl' or 'en'."""
    if setting in ("nl", "en"):
        return setting
    return "nl" if QLocale.system().language() == QLocale.Language.Dutch else "en"


def install(app: QApplication, setting: str) -> str:
    """Load the translation for `setting`; returns the language in use."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    lang = language_for(setting)
    if lang == "nl":
        ours = QTranslator(app)
        if ours.load(str(I18N / "coopshare_nl.qm")):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(
        QLocale(QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English)
    )
    return lang
