#!/usr/bin/env bash
# Bring the published pages' catalogues (resources/locale/<language>/LC_MESSAGES/pages.po)
# up to date with the labels in the templates and in newsdesk/publish (where to look:
# packaging/babel-pages.cfg). New labels arrive untranslated, changed ones marked fuzzy
# with the old translation as a hint, and labels no longer used are dropped. Then
# translate every empty or fuzzy entry (and delete its "#, fuzzy" line):
# tests/publish/test_page_catalogues.py names each one left.
#
#   packaging/update-page-catalogues.sh           # every catalogue
#   packaging/update-page-catalogues.sh tr        # ... and start one for Turkish
#
# Needs Babel (a dependency of newsdesk); PYTHON names the interpreter (default python3).
# The catalogues are read as .po at run time (newsdesk/publish/page_language.py): nothing
# to compile.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
pybabel() { "$python" -m babel.messages.frontend --quiet "$@"; }

template="$(mktemp --suffix=.pot)"
trap 'rm -f "$template"' EXIT
# Locations without line numbers: a label moving within a file changes no catalogue.
pybabel extract -F packaging/babel-pages.cfg --add-location=file --sort-output \
  --add-comments=TRANSLATORS: --project=newsdesk --no-wrap -o "$template" .
for language in "$@"; do
  if [[ ! -f "resources/locale/$language/LC_MESSAGES/pages.po" ]]; then
    pybabel init -D pages -i "$template" -d resources/locale -l "$language" --no-wrap
  fi
done
pybabel update -D pages -i "$template" -d resources/locale --no-wrap --ignore-obsolete
