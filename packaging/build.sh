#!/usr/bin/env bash
# Build the one-folder desktop bundle dist/newsdesk/ with PyInstaller, then check it:
# the bundled `newsdesk` must report the package version and render the demo window
# off-screen from its own resources (run outside the checkout, without PYTHONPATH).
#
#   packaging/build.sh            # from any folder of a checkout
#   PYTHON=/path/to/python packaging/build.sh
#   NEWSDESK_BUILD_NO_PIP=1 packaging/build.sh   # do not pip-install the build's needs
#
# It installs PyInstaller and newsdesk's runtime dependencies (not newsdesk itself) into
# that Python's environment; the bundle takes newsdesk's code and resources from this
# checkout. Bundles are per platform: build on the oldest Linux you want to support.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$(command -v python || command -v python3)}"
cd "$root"

if [ -z "${NEWSDESK_BUILD_NO_PIP:-}" ]; then
  mapfile -t requirements < <("$python" - <<'PY'
import tomllib
with open("pyproject.toml", "rb") as f:
    project = tomllib.load(f)["project"]
print("\n".join(project["dependencies"] + ["pyinstaller>=6.10"]))
PY
)
  echo "+ pip install ${requirements[*]}"
  "$python" -m pip install --quiet --disable-pip-version-check "${requirements[@]}"
fi

echo "+ pyinstaller packaging/newsdesk.spec"
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
  --workpath build/pyinstaller packaging/newsdesk.spec

bundle="$root/dist/newsdesk"
check_dir="$(mktemp -d)"
trap 'rm -rf "$check_dir"' EXIT
expected_version="$("$python" -c 'import re, sys; print(re.search(r"__version__ = \"(.+)\"", open(sys.argv[1]).read())[1])' newsdesk/__init__.py)"
reported="$(cd "$check_dir" && env -u PYTHONPATH "$bundle/newsdesk" --version)"
if [ "$reported" != "newsdesk $expected_version" ]; then
  echo "build.sh: the bundle reports '$reported', expected 'newsdesk $expected_version'" >&2
  exit 1
fi
echo "+ dist/newsdesk/newsdesk --demo --screenshot (off-screen)"
(cd "$check_dir" && env -u PYTHONPATH QT_QPA_PLATFORM=offscreen \
  "$bundle/newsdesk" --demo --screenshot "$check_dir/demo.png" >"$check_dir/log" 2>&1) || {
  cat "$check_dir/log" >&2
  echo "build.sh: the bundle failed to render the demo window" >&2
  exit 1
}
if [ ! -s "$check_dir/demo.png" ]; then
  echo "build.sh: the bundle wrote no screenshot" >&2
  exit 1
fi
# Published pages speak the story's language: the catalogues and Babel's locale data for
# each of them must be in the bundle (the spec keeps only those languages' CLDR data).
echo "+ dist/newsdesk/newsdesk --demo export --language ru (pages in az and ru)"
(cd "$check_dir" && env -u PYTHONPATH "$bundle/newsdesk" --demo export --out "$check_dir/site" \
  --language ru >"$check_dir/log" 2>&1) || {
  cat "$check_dir/log" >&2
  echo "build.sh: the bundle failed to export the demo site" >&2
  exit 1
}
for label in "Лента новостей" "Xəbər lenti"; do
  if ! grep -rqF "$label" "$check_dir/site"; then
    echo "build.sh: the bundle's site export has no '$label' (page catalogues missing?)" >&2
    exit 1
  fi
done
# Spelling's dictionaries are data files the bundle must carry (English and Russian).
echo "+ dist/newsdesk/newsdesk spell (en, ru)"
printf -- '---\ntitle: Budjet\nlanguage: en\n---\nThe budjet passed.\n' >"$check_dir/en.md"
printf -- '---\ntitle: Бюджет\nlanguage: ru\n---\nПарламент принял бюджат.\n' >"$check_dir/ru.md"
for story in en.md:budget ru.md:бюджет; do
  spelled="$(cd "$check_dir" && env -u PYTHONPATH NEWSDESK_DB="$check_dir/none.sqlite3" \
    "$bundle/newsdesk" spell "${story%%:*}" 2>&1)" || true
  if ! grep -qF "${story##*:}" <<<"$spelled"; then
    echo "$spelled" >&2
    echo "build.sh: the bundle's spell check of ${story%%:*} offers no '${story##*:}'" >&2
    exit 1
  fi
done
echo "bundle ok: $reported, demo screenshot $(stat -c %s "$check_dir/demo.png") bytes"
echo "bundle size: $(du -sh "$bundle" | cut -f1) in dist/newsdesk/ ($(find "$bundle" -type f | wc -l) files)"
