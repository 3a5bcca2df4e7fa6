#!/usr/bin/env bash
# Validate the .desktop file and the AppStream metainfo (CI runs this).
# Needs desktop-file-validate (Debian: desktop-file-utils) and appstreamcli (Debian: appstream).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app_id=io.github.newsdesk.Newsdesk

echo "+ desktop-file-validate $app_id.desktop"
desktop-file-validate "$here/$app_id.desktop"
echo "+ appstreamcli validate --no-net $app_id.metainfo.xml"
appstreamcli validate --no-net "$here/$app_id.metainfo.xml"
