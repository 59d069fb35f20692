"""Translations: Dutch and English. The source strings are English; Dutch comes from
``gui/i18n/coopshare_nl.qm`` (compiled from ``coopshare_nl.ts`` with pyside6-lrelease). English
loads ``coopshare_en.qm``: only the plural forms of counted messages ("%n note(s)" as "1 note",
"2 notes"), made by tools/update_translations.sh."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
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
    ours = QTranslator(app)
    if ours.load(str(I18N / f"coopshare_{lang}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    if lang == "nl":
        qt = QTranslator(app)
        if qt.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    # Qt posts LanguageChange to the windows; delivered now, it cannot reach widgets built
    # after this call (a QDialogButtonBox would reset its custom "Share idea" to "OK")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    # dates and numbers as the interface's language writes them (gui/text.py): Dutch, or the
    # English of Europe (day before month, 24-hour clock)
    QLocale.setDefault(
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
        if lang == "nl"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    return lang
