#!/bin/sh
# Rebuilds data/words/known_words.fst (see README.md next to it) from three Debian packages:
# hunspell-fr-classical (the Dicollecte French dictionary, MPL-2.0), wdutch (the OpenTaal
# Dutch word list, BSD or CC BY 3.0) and hunspell-tools (its `unmunch` expands the French
# dictionary's affixes; used here only, never shipped). Run from the repository root.
set -eu
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download hunspell-fr-classical hunspell-tools wdutch
for deb in ./*.deb; do dpkg-deb -x "$deb" root; done
root/usr/bin/unmunch root/usr/share/hunspell/fr_BE.dic root/usr/share/hunspell/fr_BE.aff \
    > french.txt 2> /dev/null
cd "$repo"
cargo run --release -p orienta-text --example known_words -- \
    data/words/known_words.fst "$work/french.txt" "$work/root/usr/share/dict/dutch"
