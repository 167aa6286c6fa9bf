#!/usr/bin/env bash
# Installs the slicing engines Fabflow's `slice` tasks run (Debian / Ubuntu, as root):
# CuraEngine and PrusaSlicer from the distribution, and Cura's printer and extruder definitions,
# unpacked from the `cura` package without its (desktop) dependencies.
#
#   scripts/install-slicers.sh [DIR]     DIR defaults to $FABFLOW_CURA_DIR, else /opt/fabflow/cura
#
# Idempotent: what is there already is left alone. Afterwards point CuraEngine at the definitions:
#   CURA_ENGINE_SEARCH_PATH=DIR/definitions:DIR/extruders  (the worker finds DIR by itself)
set -euo pipefail

dir="${1:-${FABFLOW_CURA_DIR:-/opt/fabflow/cura}}"
export DEBIAN_FRONTEND=noninteractive

updated=""
apt_update_once() {
    if [ -z "$updated" ]; then
        apt-get update -qq
        updated=yes
    fi
}

missing=()
command -v CuraEngine >/dev/null 2>&1 || missing+=(cura-engine)
command -v prusa-slicer >/dev/null 2>&1 || missing+=(prusa-slicer)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}"
    apt_update_once
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f "$dir/definitions/fdmprinter.def.json" ] || [ ! -d "$dir/extruders" ]; then
    echo "unpacking Cura's machine definitions into $dir"
    apt_update_once
    work="$(mktemp -d)"
    chmod 0777 "$work" # apt-get download runs as the _apt user where it can
    trap 'rm -rf "$work"' EXIT
    (cd "$work" && apt-get download -qq cura)
    dpkg-deb -x "$work"/cura_*.deb "$work/root"
    resources="$work/root/usr/share/cura/resources"
    mkdir -p "$dir"
    rm -rf "$dir/definitions" "$dir/extruders"
    cp -r "$resources/definitions" "$resources/extruders" "$dir/"
fi

echo "CuraEngine: $(command -v CuraEngine)"
echo "prusa-slicer: $(command -v prusa-slicer)"
echo "Cura definitions: $dir/definitions ($(ls "$dir/definitions" | wc -l) files)"
