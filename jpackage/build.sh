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
jpackage --type "$type" \
  --name "Visual Search Simulator" \
  --app-version "$(sed -n 's:.*<version>\([0-9][0-9.]*\).*:\1:p' pom.xml | head -1)" \
  --description "Image retrieval simulator: top-5 visual search by Euclidean distance" \
  --input "$input" \
  --main-jar visual-search.jar \
  --main-class org.visualsearch.Launcher \
  --java-options "-Xmx2g" \
  --dest target/jpackage
echo "written: target/jpackage"
