"""The desktop app (PySide6): the only package that imports Qt."""

from coopshare.gui import refcheck

refcheck.guard()  # before any window: a binding that loses references would abort the app
