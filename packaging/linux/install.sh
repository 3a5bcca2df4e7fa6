#!/usr/bin/env bash
# Install newsdesk's launcher, AppStream metainfo and icons for the desktop.
#
#   packaging/linux/install.sh [--prefix DIR] [--bundle DIR] [--uninstall]
#
# --prefix   where to install (default ~/.local; /usr/local for all users, as root)
# --bundle   also install a PyInstaller bundle (dist/newsdesk) as PREFIX/lib/newsdesk, with
#            PREFIX/bin/newsdesk pointing at it; without it the launcher runs the `newsdesk`
#            that pip installed (found on PATH now, else looked up at launch)
# --uninstall remove what an install placed under PREFIX
set -euo pipefail

app_id=io.github.newsdesk.Newsdesk
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/../../resources/icons"
prefix="${HOME}/.local"
bundle=""
uninstall=false

usage() { sed -n '2,12s/^# \{0,1\}//p' "$0"; exit "$1"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --bundle) bundle="${2:?--bundle needs a folder}"; shift 2 ;;
    --uninstall) uninstall=true; shift ;;
    -h|--help) usage 0 ;;
    *) echo "install.sh: unknown argument: $1" >&2; usage 2 ;;
  esac
done
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
share="$prefix/share"

icon_sizes() {
  for png in "$icons"/newsdesk-*.png; do
    size="${png##*/newsdesk-}"
    echo "${size%.png}"
  done
}

refresh_caches() {
  # Menus and icon themes cache their contents; refresh them where the tools exist.
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$share/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$share/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
  fi
}

if $uninstall; then
  rm -f "$share/applications/$app_id.desktop" "$share/metainfo/$app_id.metainfo.xml" \
        "$share/icons/hicolor/scalable/apps/$app_id.svg"
  for size in $(icon_sizes); do
    rm -f "$share/icons/hicolor/${size}x${size}/apps/$app_id.png"
  done
  if [ -L "$prefix/bin/newsdesk" ] && [ "$(readlink "$prefix/bin/newsdesk")" = "$prefix/lib/newsdesk/newsdesk" ]; then
    rm -f "$prefix/bin/newsdesk"
    rm -rf "$prefix/lib/newsdesk"
  fi
  refresh_caches
  echo "removed newsdesk's desktop files from $prefix"
  exit 0
fi

executable=newsdesk
if [ -n "$bundle" ]; then
  if [ ! -x "$bundle/newsdesk" ]; then
    echo "install.sh: $bundle/newsdesk: no bundled executable (run packaging/build.sh)" >&2
    exit 1
  fi
  rm -rf "$prefix/lib/newsdesk"
  mkdir -p "$prefix/lib" "$prefix/bin"
  cp -a "$bundle" "$prefix/lib/newsdesk"
  ln -sfn "$prefix/lib/newsdesk/newsdesk" "$prefix/bin/newsdesk"
  executable="$prefix/bin/newsdesk"
elif command -v newsdesk >/dev/null; then
  # An absolute path: a desktop session's PATH often lacks ~/.local/bin or a venv.
  executable="$(command -v newsdesk)"
fi

install -D -m 644 "$here/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
mkdir -p "$share/applications"
sed -e "s|^Exec=newsdesk|Exec=$executable|" -e "s|^TryExec=newsdesk|TryExec=$executable|" \
  "$here/$app_id.desktop" > "$share/applications/$app_id.desktop"
chmod 644 "$share/applications/$app_id.desktop"
install -D -m 644 "$icons/newsdesk.svg" "$share/icons/hicolor/scalable/apps/$app_id.svg"
for size in $(icon_sizes); do
  install -D -m 644 "$icons/newsdesk-$size.png" "$share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
refresh_caches
echo "installed $app_id under $share (launcher runs $executable)"
