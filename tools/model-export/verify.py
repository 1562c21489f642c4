#!/usr/bin/env python3
"""Numerically compares the PyTorch port (keras2torch.py) with the original
TF.js model run in Node by @tensorflow/tfjs (verify_tfjs.js) on a few photos,
at an intermediate layer and at the model's final output.

usage: /usr/bin/python3 verify.py [--model mobilenet_v2] [--layers block_10_project_BN dense_3]
                                  [--images a.jpg b.jpg ...]
Prints max abs diff per layer; exits 1 if any exceeds --tol.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

import numpy as np
import torch
from PIL import Image

import keras2torch

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_LAYERS = {
    'mobilenet_v2': ['block_10_project_BN', 'out_relu', 'dense_3'],
    'inception_v3': ['mixed5', 'mixed10', 'dense_3'],
}
SIZE = {'mobilenet_v2': 224, 'inception_v3': 299}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--model', default='mobilenet_v2', choices=sorted(SIZE))
    ap.add_argument('--models-dir', default=os.path.join(HERE, 'work', 'nsfwjs'))
    ap.add_argument('--node-modules', default=os.path.join(HERE, 'work', 'tfjs', 'node_modules'))
    ap.add_argument('--layers', nargs='*')
    ap.add_argument('--images', nargs='*')
    ap.add_argument('--n', type=int, default=4, help='number of photos when --images is not given')
    ap.add_argument('--tol', type=float, default=1e-4)
    a = ap.parse_args()
    torch.set_num_threads(2)
    layers = a.layers or DEFAULT_LAYERS[a.model]
    size = SIZE[a.model]
    imgs = a.images or sorted(glob.glob(os.path.join(HERE, '..', '..', '..', 'shared', 'train-photos', '*', '*.jpg')))[::700][:a.n]
    x = np.stack([np.asarray(Image.open(p).convert('RGB').resize((size, size), Image.BILINEAR), dtype=np.float32)
                  for p in imgs])
    x = x / 127.5 - 1.0  # Keras MobileNetV2 / InceptionV3 preprocess_input ("tf" mode)
    x = np.ascontiguousarray(x.astype(np.float32))
    mdir = os.path.join(a.models_dir, a.model)
    wdir = os.path.join(HERE, 'work', 'verify')
    os.makedirs(wdir, exist_ok=True)
    inp = os.path.join(wdir, 'input.f32')
    x.tofile(inp)
    env = dict(os.environ, NODE_PATH=a.node_modules)
    out = subprocess.run(['node', os.path.join(HERE, 'verify_tfjs.js'), mdir, inp, str(len(x)), str(size), str(size),
                          os.path.join(wdir, 'out')] + layers, env=env, check=True, capture_output=True, text=True)
    info = json.loads(out.stdout.strip().splitlines()[-1])
    g = keras2torch.load(mdir, outputs=layers)
    with torch.no_grad():
        ys = g(torch.from_numpy(x).permute(0, 3, 1, 2).contiguous())
    print(f'model {a.model}, {len(imgs)} photos {size}x{size}, tfjs {info["tfjs"]} backend {info["backend"]}')
    worst = 0.0
    for name, y in zip(layers, ys):
        ref = np.fromfile(os.path.join(wdir, f'out.{name}.f32'), dtype=np.float32).reshape(info['shapes'][name])
        yt = y.numpy()
        if yt.ndim == 4:
            yt = yt.transpose(0, 2, 3, 1)  # to channels-last
        assert yt.shape == ref.shape, (name, yt.shape, ref.shape)
        d = float(np.abs(yt - ref).max())
        rel = d / float(np.abs(ref).max())
        worst = max(worst, d)
        print(f'  {name:24s} shape {list(ref.shape)}  max|ref| {np.abs(ref).max():9.4f}  max abs diff {d:.3e}  (rel {rel:.1e})')
    print('OK' if worst <= a.tol else 'FAIL', f'worst {worst:.3e} tol {a.tol:g}')
    sys.exit(0 if worst <= a.tol else 1)


if __name__ == '__main__':
    main()
