#!/usr/bin/env bash
# Renders the app icon from its SVG source: PNGs for the window and Linux packages, an .ico for
# Windows installers. Needs ImageMagick (Debian: imagemagick). Re-run after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256; do
    convert -background none -density 300 visual-search.svg -resize "${size}x${size}" "visual-search-$size.png"
done
convert visual-search-16.png visual-search-32.png visual-search-48.png visual-search-256.png visual-search.ico
