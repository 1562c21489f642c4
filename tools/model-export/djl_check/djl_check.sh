#!/bin/sh
# Compiles and runs Check.java against the app's jars (DJL 0.36 / libtorch 2.7.1), offline.
# usage: sh djl_check/djl_check.sh MODEL_DIR [MODEL_NAME]   (jars from $JARS, default ../../target/lib)
set -e
here=$(cd "$(dirname "$0")" && pwd)
jars=${JARS:-$here/../../../target/lib}
out=$here/../work/djlcheck
mkdir -p "$out"
cp="$jars/*"
javac -cp "$cp" -d "$out" "$here/Check.java"
OPT_OUT_TRACKING=true DJL_OFFLINE=true java -Dai.djl.offline=true -DDJL_CACHE_DIR="${DJL_CACHE_DIR:-$out/cache}" \
  -cp "$out:$cp" Check "$@"
