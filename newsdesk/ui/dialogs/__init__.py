"""Dialogs opened from the menus: export, preferences, revisions, save conflicts."""
