#!/bin/sh
# Per-user install of the Fieldapp Linux bundle (no root needed), from the unpacked tarball:
#
#   ./install.sh              installs into ~/.local/opt/fieldapp, links ~/.local/bin/fieldapp,
#                             adds the menu entry and the icons
#   ./install.sh --uninstall  removes the program, the menu entry and the icons; the data folder
#                             (~/.local/share/Fieldapp) and the keyring entries are kept
#
# Installing a newer version over an older one replaces the program and keeps the data.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
prefix="$HOME/.local/opt/fieldapp"
bin="$HOME/.local/bin"
apps="$data_home/applications"
icons="$data_home/icons/hicolor"

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$prefix"
    rm -f "$bin/fieldapp" "$apps/fieldapp.desktop"
    find "$icons" -name fieldapp.png -o -name fieldapp.svg 2>/dev/null | while read -r f; do rm -f "$f"; done
    refresh
    echo "Fieldapp removed. Your data folder ($data_home/Fieldapp) was kept."
    exit 0
fi

rm -rf "$prefix.new"
mkdir -p "$(dirname "$prefix")" "$bin" "$apps"
cp -a "$here/fieldapp" "$prefix.new"
rm -rf "$prefix" && mv "$prefix.new" "$prefix"
ln -sf "$prefix/fieldapp" "$bin/fieldapp"
for dir in "$here"/icons/hicolor/*/apps; do
    size="$(basename "$(dirname "$dir")")"
    mkdir -p "$icons/$size/apps"
    cp "$dir"/fieldapp.* "$icons/$size/apps/"
done
sed -e "s|^Exec=.*|Exec=$prefix/fieldapp|" -e "s|^TryExec=.*|TryExec=$prefix/fieldapp|" \
    "$here/fieldapp.desktop" > "$apps/fieldapp.desktop"
refresh
echo "Fieldapp installed in $prefix (command: $bin/fieldapp, menu entry: Fieldapp)."
