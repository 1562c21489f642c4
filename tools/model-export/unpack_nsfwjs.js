#!/usr/bin/env node
// Unpacks the TF.js layers models bundled in the npm package nsfwjs (4.x) into
// the standard TF.js on-disk layout: <out>/<model>/model.json + binary shards.
// nsfwjs ships each model as UMD JS modules: model.min.js exports the
// model.json object, each group1-shardNofM.min.js exports the shard as base64.
//
// usage: node unpack_nsfwjs.js <extracted-package-dir> <out-dir> [model ...]
// models default to: mobilenet_v2 inception_v3
'use strict';
const fs = require('fs');
const path = require('path');

const [pkgDir, outDir, ...wanted] = process.argv.slice(2);
if (!pkgDir || !outDir) {
  console.error('usage: node unpack_nsfwjs.js <extracted-package-dir> <out-dir> [model ...]');
  process.exit(2);
}
const models = wanted.length ? wanted : ['mobilenet_v2', 'inception_v3'];
for (const name of models) {
  const src = path.resolve(pkgDir, 'dist', 'models', name);
  const dst = path.resolve(outDir, name);
  fs.mkdirSync(dst, { recursive: true });
  const model = require(path.join(src, 'model.min.js'));
  for (const group of model.weightsManifest) {
    group.paths = group.paths.map((p) => {
      const b64 = require(path.join(src, p + '.min.js'));
      if (typeof b64 !== 'string') throw new Error(`${p}: expected a base64 string export`);
      const buf = Buffer.from(b64, 'base64');
      fs.writeFileSync(path.join(dst, p + '.bin'), buf);
      return p + '.bin';
    });
  }
  fs.writeFileSync(path.join(dst, 'model.json'), JSON.stringify(model));
  const n = model.modelTopology.model_config.config.layers.length;
  console.log(`${name}: ${n} layers, ${model.weightsManifest[0].weights.length} weight tensors -> ${dst}`);
}
