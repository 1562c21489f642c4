#!/usr/bin/env bash
# Remakes src/main/cds/classes.lst, the classes the desktop app loads while it starts, from one
# training start of the app (an empty data folder; it quits once its gallery is searchable), then
# target/visual-search.jsa from it as `mvn package` does. `mvn package` dumps that class-data-sharing
# archive (AppCDS) from the committed list without running the app; the README's run command names it:
#
#   java -XX:SharedArchiveFile=target/visual-search.jsa -XX:+UseSerialGC -Xms16m -jar target/visual-search.jar
#
# Run it from anywhere after `mvn -DskipTests package` when the start-up code changed much (classes
# missing from the list just load as usual, so a stale list only costs speed), and commit the list.
# Without a display it runs under xvfb-run.
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
VSS_DATA=$data "${X[@]}" java -XX:DumpLoadedClassList="$data/classes.lst" \
    -XX:+UseSerialGC -Xms16m -Dvss.startupTrace=exit -jar target/visual-search.jar >"$data/log" 2>&1 \
    || { tail -20 "$data/log" >&2; exit 1; }
# a generated proxy class has no class file to archive: leave it out
grep -v '^jdk/proxy[0-9]*/\$Proxy' "$data/classes.lst" >src/main/cds/classes.lst
echo "written: src/main/cds/classes.lst ($(wc -l <src/main/cds/classes.lst) classes and lambdas)"
rm -f target/visual-search.jsa
java -Xshare:dump -XX:SharedClassListFile=src/main/cds/classes.lst -XX:SharedArchiveFile=target/visual-search.jsa \
    -cp target/visual-search.jar >"$data/dump.log" 2>&1 || { tail -20 "$data/dump.log" >&2; exit 1; }
echo "written: target/visual-search.jsa ($(du -m target/visual-search.jsa | cut -f1) MB)"
