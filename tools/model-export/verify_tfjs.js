#!/usr/bin/env node
// Runs the ORIGINAL TF.js layers model (unpacked by unpack_nsfwjs.js) with
// @tensorflow/tfjs's pure-JS CPU backend and dumps the outputs of named layers.
// Used by verify.py to compare the PyTorch port numerically.
//
// usage: node verify_tfjs.js <model-dir> <input.f32> N H W <out-prefix> layer [layer ...]
//   input.f32: raw little-endian float32 NHWC, already preprocessed
//   writes <out-prefix>.<layer>.f32 (raw float32, channels-last) and prints shapes as JSON
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

async function main() {
  const [dir, inFile, n, h, w, outPrefix, ...names] = process.argv.slice(2);
  await tf.setBackend('cpu');
  const mj = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
  const specs = [];
  const bufs = [];
  for (const g of mj.weightsManifest) {
    specs.push(...g.weights);
    for (const p of g.paths) bufs.push(fs.readFileSync(path.join(dir, p)));
  }
  const all = Buffer.concat(bufs);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: mj.modelTopology, weightSpecs: specs, weightData }));
  const sub = tf.model({ inputs: model.inputs, outputs: names.map((nm) => model.getLayer(nm).output) });
  const raw = fs.readFileSync(inFile);
  const x = tf.tensor4d(new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4), [+n, +h, +w, 3]);
  let ys = sub.predict(x);
  if (!Array.isArray(ys)) ys = [ys];
  const shapes = {};
  names.forEach((nm, i) => {
    const d = ys[i].dataSync();
    fs.writeFileSync(`${outPrefix}.${nm}.f32`, Buffer.from(d.buffer, d.byteOffset, d.byteLength));
    shapes[nm] = ys[i].shape;
  });
  console.log(JSON.stringify({ backend: tf.getBackend(), tfjs: tf.version.tfjs, shapes }));
}
main().catch((e) => { console.error(e); process.exit(1); });
