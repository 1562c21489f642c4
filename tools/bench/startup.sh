#!/usr/bin/env bash
# Start-up benchmark of the desktop app: whole processes, each with -Dvss.startupTrace=exit (the app
# prints when its window showed and quits once its gallery is searchable). Per round:
#   first start: an empty data folder (a new user; the sample photos already in sample-db/), so the
#                sample gallery is added and indexed (with its shipped vectors, nothing is embedded);
#   warm start:  the same data folder again (the database cached).
# Prints the medians, in ms from the JVM's start: first frame (the loading window painted), window
# shown (the full window painted), and the gallery searchable (also as time after the window).
# With APP_B set, runs it alternately with APP and prints both.
#
#   tools/bench/startup.sh [ROUNDS]        (ROUNDS default 5; from the project folder, after
#                                           `mvn -DskipTests package` and `sample-db import|download`)
#
# Environment: APP (default the README's run command), APP_B (a second command to compare, e.g. with
# -XX:SharedArchiveFile=...). Without a display it runs under xvfb-run.
set -euo pipefail

ROUNDS=${1:-5}
APP=${APP:-java -XX:SharedArchiveFile=target/visual-search.jsa -XX:+UseSerialGC -Xms16m -jar target/visual-search.jar}
APP_B=${APP_B:-}
[[ -f target/visual-search.jar ]] || { echo "target/visual-search.jar missing: run mvn -DskipTests package first" >&2; exit 2; }
java -jar target/visual-search.jar sample-db status >/dev/null 2>&1 \
    || { echo "the sample photos are not all in sample-db/: run 'sample-db import FOLDER' first" >&2; exit 2; }
X=()
if [[ -z ${DISPLAY:-} ]]; then
    command -v xvfb-run >/dev/null || { echo "no DISPLAY and no xvfb-run" >&2; exit 2; }
    X=(xvfb-run -a)
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# start NAME COMMAND DATA KIND: one start; appends "window searchable" (ms) to $WORK/NAME.KIND
start() {
    local name=$1 cmd=$2 data=$3 kind=$4 log="$WORK/log"
    # shellcheck disable=SC2086 # the command is a command line
    VSS_DATA=$data "${X[@]}" ${cmd/-jar/-Dvss.startupTrace=exit -jar} >"$log" 2>&1 \
        || { echo "failed: $cmd" >&2; tail -20 "$log" >&2; exit 1; }
    local w s f
    w=$(sed -n 's/^startup +\([0-9]*\) ms: window shown.*/\1/p' "$log" | head -1)
    # searchable: the model and a non-empty gallery are in the window (a warm start: before the folders'
    # rescan ends), else once the first indexing run is over (a first start)
    s=$(sed -n 's/^startup +\([0-9]*\) ms: .*: \([1-9][0-9]*\) photos searchable.*/\1 \2/p' "$log" | head -1)
    [[ -n $w && -n $s ]] || { echo "no start-up trace from: $cmd" >&2; tail -20 "$log" >&2; exit 1; }
    # first frame: the loading window painted (the window itself when there is none)
    f=$(sed -n 's/^startup +\([0-9]*\) ms: splash window painted.*/\1/p' "$log" | head -1)
    f=${f:-$w}
    echo "$w ${s% *} $f" >>"$WORK/$name.$kind"
    printf '  %-2s %-5s first frame %5d ms, window %5d ms, searchable %5d ms (%d photos)\n' "$name" "$kind" "$f" "$w" \
        "${s% *}" "${s#* }"
}

round() {
    local name=$1 cmd=$2 data
    data=$(mktemp -d "$WORK/data.XXXX")
    start "$name" "$cmd" "$data" first
    start "$name" "$cmd" "$data" warm
    rm -rf "$data"
}

echo "startup: $ROUNDS rounds, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= ROUNDS; r++)); do
    echo "round $r"
    if [[ -n $APP_B && $((r % 2)) -eq 0 ]]; then round B "$APP_B"; round A "$APP"; else
        round A "$APP"; [[ -z $APP_B ]] || round B "$APP_B"; fi
done

median() { # column $2 of file $1
    sort -n -k"$2","$2" "$1" | awk -v c="$2" '{v[NR]=$c} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
}
after() { awk '{print $2 - $1}' "$1" >"$1.after"; median "$1.after" 1; }
printf '%-4s %-6s %15s %10s %14s %24s\n' "" "start" "first frame ms" "window ms" "searchable ms" "searchable after window"
for name in A B; do
    [[ -f $WORK/$name.first ]] || continue
    for kind in first warm; do
        printf '%-4s %-6s %15s %10s %14s %21s ms\n' "$name" "$kind" "$(median "$WORK/$name.$kind" 3)" \
            "$(median "$WORK/$name.$kind" 1)" "$(median "$WORK/$name.$kind" 2)" "$(after "$WORK/$name.$kind")"
    done
done
echo "A: $APP"
[[ -z $APP_B ]] || echo "B: $APP_B"
