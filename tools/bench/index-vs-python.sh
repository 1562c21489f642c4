#!/usr/bin/env bash
# Indexing benchmark: the app's `index` against a short Python reference with the same
# TorchScript model (tools/bench/reference_index.py), side by side, alternating, several rounds,
# each whole process on a fresh database. Prints wall, CPU (user+sys) and peak-RSS medians and
# their ratios.
#
#   tools/bench/index-vs-python.sh DIR [ROUNDS]     (ROUNDS default 3; run from the project folder
#                                                    after `mvn -DskipTests package`)
#
# Environment: APP (the app's command, default the README's `java -XX:SharedArchiveFile=target/visual-search.jsa -XX:+UseSerialGC -Xms16m -jar
# target/visual-search.jar`),
# PYTHON (default /usr/bin/python3: Debian's, with python3-torch and python3-pil),
# MODEL (default models/default; the reference loads its model.pt).
# On a shared machine run it under `nice` and trust the ratios of alternating runs more than
# the absolute figures.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 DIR [ROUNDS]" >&2
    exit 2
fi
DIR=$1
ROUNDS=${2:-3}
APP=${APP:-java -XX:SharedArchiveFile=target/visual-search.jsa -XX:+UseSerialGC -Xms16m -jar target/visual-search.jar} # the README's run command
PYTHON=${PYTHON:-/usr/bin/python3}
MODEL=${MODEL:-models/default}
HERE=$(cd "$(dirname "$0")" && pwd)

[[ -d $DIR ]] || { echo "not a folder: $DIR" >&2; exit 2; }
[[ -f target/visual-search.jar || $APP != *target/visual-search.jar* ]] \
    || { echo "target/visual-search.jar missing: run mvn -DskipTests package first" >&2; exit 2; }
"$PYTHON" -c 'import torch, PIL' 2>/dev/null \
    || { echo "$PYTHON cannot import torch and PIL (Debian: apt install python3-torch python3-pil)" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Runs "$@" under /usr/bin/time -v; appends "wall cpu rss_kib" to the file $1.
measure() {
    local results=$1 log=$2
    shift 2
    /usr/bin/time -v -o "$WORK/time" "$@" >"$log" 2>&1 || { echo "failed: $* (see below)" >&2; cat "$log" >&2; exit 1; }
    awk -F': ' '
        /User time/ {user=$2} /System time/ {sys=$2} /Maximum resident/ {rss=$2}
        /Elapsed \(wall clock\)/ {n=split($2, p, ":"); wall=0; for (i=1; i<=n; i++) wall=wall*60+p[i]}
        END {printf "%.2f %.2f %d\n", wall, user+sys, rss}' "$WORK/time" >>"$results"
}

run_app() {
    local data
    data=$(mktemp -d "$WORK/data.XXXX")
    # shellcheck disable=SC2086 # APP is a command line
    VSS_DATA=$data measure "$WORK/app" "$WORK/app.log" $APP index --model "$MODEL" "$DIR"
    rm -rf "$data"
    echo "  app:    $(tail -n 1 "$WORK/app") | $(grep -m1 '^indexed' "$WORK/app.log" || true)"
}

run_python() {
    # Debian's OpenBLAS tuning variables make libtorch about 4x slower: unset here only.
    measure "$WORK/python" "$WORK/python.log" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
        "$PYTHON" "$HERE/reference_index.py" --model "$MODEL/model.pt" "$DIR"
    echo "  python: $(tail -n 1 "$WORK/python") | $(grep -m1 '^reference' "$WORK/python.log" || true)"
}

echo "index-vs-python: $DIR, $ROUNDS rounds, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  (each line: wall s, CPU s, peak RSS KiB)"
: >"$WORK/app"
: >"$WORK/python"
for ((round = 1; round <= ROUNDS; round++)); do
    echo "round $round"
    if ((round % 2 == 1)); then run_app; run_python; else run_python; run_app; fi
done

median() { # column $2 of file $1
    sort -n -k"$2","$2" "$1" | awk -v c="$2" '{v[NR]=$c} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
}
read -r aw ac ar < <(echo "$(median "$WORK/app" 1) $(median "$WORK/app" 2) $(median "$WORK/app" 3)")
read -r pw pc pr < <(echo "$(median "$WORK/python" 1) $(median "$WORK/python" 2) $(median "$WORK/python" 3)")
awk -v aw="$aw" -v ac="$ac" -v ar="$ar" -v pw="$pw" -v pc="$pc" -v pr="$pr" 'BEGIN {
    printf "%-8s %9s %9s %13s\n", "median", "wall s", "CPU s", "peak RSS MiB"
    printf "%-8s %9.2f %9.2f %13.0f\n", "app", aw, ac, ar / 1024
    printf "%-8s %9.2f %9.2f %13.0f\n", "python", pw, pc, pr / 1024
    printf "speed-up (python wall / app wall): %.2fx; CPU app/python: %.2f; peak RSS app/python: %.2f\n",
        pw / aw, ac / pc, ar / pr
}'
