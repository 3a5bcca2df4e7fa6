"""Hatchling build hook: the window's translation catalogues (``.qm``) are built from the
``.ts`` files in ``resources/translations/`` whenever a wheel is built, an editable one
included, so every install finds them where ``newsdesk.ui.i18n`` looks
(``newsdesk/resources/translations`` in a wheel, ``resources/translations`` in a checkout).

The ``.qm`` files are written beside the ``.ts`` files: the wheel's ``force-include`` of
``resources`` then carries them, and an editable install reads them from the checkout.
PySide6's ``lrelease`` comes from the hook's own build dependency (pyproject.toml).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _translations_module(root: str) -> Any:
    path = Path(root) / "packaging" / "translations.py"
    spec = importlib.util.spec_from_file_location("newsdesk_packaging_translations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TranslationsBuildHook(BuildHookInterface):
    PLUGIN_NAME = "newsdesk-translations"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        built = _translations_module(self.root).build()
        self.app.display_info(f"translations: built {len(built)} catalogues")
