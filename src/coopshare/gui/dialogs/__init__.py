"""Dialogs: first run, unlock, invite, settings, search."""
