#!/usr/bin/env bash
# Builds a self-contained app image (or installer) from target/visual-search.jar and target/lib.
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
[ -f target/visual-search.jar ] || { echo "target/visual-search.jar missing: run 'mvn -DskipTests package' first" >&2; exit 1; }
input=target/jpackage-input
rm -rf "$input" target/jpackage
mkdir -p "$input"
cp target/visual-search.jar "$input"/
cp -r target/lib "$input"/lib
cp -r models "$input"/models
# The project's version: the first <version> in pom.xml (a second sed, not head, so no SIGPIPE under pipefail).
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\).*:\1:p' pom.xml | sed -n 1p)"
# jpackage wants a PNG on Linux and an .ico on Windows; macOS (.icns) keeps jpackage's default icon.
icon=()
case "$(uname -s)" in
    Linux) icon=(--icon assets/icon/visual-search-256.png) ;;
    MINGW* | MSYS* | CYGWIN*) icon=(--icon assets/icon/visual-search.ico) ;;
esac
# JVM options: see "Memory" in the README (serial GC and a small initial heap: the live heap
# while indexing is about 15 MB, the default initial heap a quarter of a gigabyte or more).
jpackage --type "$type" \
  --name "Visual Search Simulator" \
  --app-version "$version" \
  --description "Image retrieval simulator: top-5 visual search by Euclidean distance" \
  --input "$input" \
  --main-jar visual-search.jar \
  --main-class org.visualsearch.Launcher \
  --java-options "-XX:+UseSerialGC -Xms16m -Xmx2g" \
  "${icon[@]}" \
  --dest target/jpackage
echo "written: target/jpackage"
