#!/usr/bin/env bash
# Makes target/visual-search.jsa, a class-data-sharing archive (AppCDS) of the classes the desktop app
# loads while it starts, from one training start of the app (an empty data folder; it quits once its
# gallery is searchable). Later starts that name it map those classes instead of loading, verifying
# and parsing them again:
#
#   java -XX:SharedArchiveFile=target/visual-search.jsa -XX:+UseSerialGC -Xms16m -jar target/visual-search.jar
#
# Remake it after every build (a JVM that finds the archive stale, or missing, ignores it and starts
# as usual). Run from the project folder after `mvn -DskipTests package`. Without a display it runs
# under xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f target/visual-search.jar ]] || { echo "target/visual-search.jar missing: run mvn -DskipTests package first" >&2; exit 2; }
X=()
if [[ -z ${DISPLAY:-} ]]; then
    command -v xvfb-run >/dev/null || { echo "no DISPLAY and no xvfb-run: run it on a desktop" >&2; exit 2; }
    X=(xvfb-run -a)
fi
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
rm -f target/visual-search.jsa
VSS_DATA=$data "${X[@]}" java -XX:ArchiveClassesAtExit=target/visual-search.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
    -XX:+UseSerialGC -Xms16m -Dvss.startupTrace=exit -jar target/visual-search.jar >"$data/log" 2>&1 \
    || { tail -20 "$data/log" >&2; exit 1; }
[[ -f target/visual-search.jsa ]] || { tail -20 "$data/log" >&2; echo "no archive written" >&2; exit 1; }
echo "written: target/visual-search.jsa ($(du -m target/visual-search.jsa | cut -f1) MB)"
