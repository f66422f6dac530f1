#!/usr/bin/env bash
# dist/fieldapp-<version>-linux-x86_64.tar.gz from a built bundle (`make bundle-tar` runs `make bundle` first):
#
#   fieldapp-<version>-linux-x86_64/
#     fieldapp/                      the PyInstaller one-folder bundle
#     fieldapp.desktop               menu entry (install.sh points Exec at the installed program)
#     icons/hicolor/<N>x<N>/apps/fieldapp.png, icons/hicolor/scalable/apps/fieldapp.svg
#     install.sh                     per-user install / --uninstall (keeps the data folder)
#
# The version is the one the bundled program reports (`fieldapp --version`, from the package metadata).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bundle="${1:-dist/fieldapp}"
[ -x "$bundle/fieldapp" ] || { echo "make_tarball: $bundle/fieldapp not found: run 'make bundle' first" >&2; exit 1; }
[ -d build/icons/png ] || { echo "make_tarball: build/icons missing: run 'make icons'" >&2; exit 1; }
version="$(ls -d "$bundle"/_internal/fieldapp-*.dist-info | sed 's/.*fieldapp-\(.*\)\.dist-info/\1/')"
arch="$(uname -m)"
name="fieldapp-$version-linux-$arch"
stage="build/tarball/$name"
rm -rf "build/tarball" && mkdir -p "$stage"
cp -a "$bundle" "$stage/fieldapp"
cp installer/linux/fieldapp.desktop installer/linux/install.sh "$stage/"
chmod 755 "$stage/install.sh"
for png in build/icons/png/fieldapp-*.png; do
    size="${png##*-}"; size="${size%.png}"
    mkdir -p "$stage/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$stage/icons/hicolor/${size}x${size}/apps/fieldapp.png"
done
mkdir -p "$stage/icons/hicolor/scalable/apps"
cp src/fieldapp/resources/icons/fieldapp.svg "$stage/icons/hicolor/scalable/apps/fieldapp.svg"
if command -v desktop-file-validate >/dev/null 2>&1; then desktop-file-validate "$stage/fieldapp.desktop"; fi
out="dist/$name.tar.gz"
tar -C build/tarball --owner=0 --group=0 --numeric-owner -czf "$out" "$name"
echo "make_tarball: $out ($(du -h "$out" | cut -f1))"
