#!/usr/bin/env bash
# Bring the window's translation catalogues up to date with the code, then list what is
# left to translate (and exit 1 while anything is):
#
#   packaging/update-translations.sh            # from any folder of a checkout
#   PYTHON=/path/to/python packaging/update-translations.sh
#
# pyside6-lupdate reads every tr()/QT_TR_NOOP text under newsdesk/ui and updates
# resources/translations/newsdesk_{az,ru}.ts (new texts come in unfinished, the others
# keep their translations) and newsdesk_en.ts (English plural forms only). Translate the
# listed entries in those files (Qt Linguist: pyside6-linguist FILE.ts, or any editor:
# fill <translation>, drop type="unfinished"), then run this again until it lists none.
# A phrase the domain declares (newsdesk/texts.py Phrase) also needs its line in
# newsdesk/ui/domain_texts.py; tests/ui/test_translations.py names any that lack one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$(command -v python || command -v python3)}"
exec "$python" "$root/packaging/translations.py" update
