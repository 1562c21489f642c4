#!/usr/bin/env python3
"""Numerically compares the PyTorch port of a TF.js graph model (tfjs_graph.py) with the
original run in Node by @tensorflow/tfjs (verify_graph_tfjs.js) on a few photos, at the given
graph nodes (default: centernet's feature nodes and its keypoint heat-map output).

usage: /usr/bin/python3 verify_graph.py [--size 512] [--nodes NODE ...] [--images a.jpg ...]
Prints max abs diff per node; exits 1 if any relative diff exceeds --tol.
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

import tfjs_graph
from guie import SHARED

HERE = os.path.dirname(os.path.abspath(__file__))
CENTERNET = os.path.join(HERE, 'work', 'human', 'package', 'models', 'centernet.json')
MB3 = 'tower_0/MobilenetV3/'
DEFAULT_NODES = [MB3 + 'expanded_conv_5/add', MB3 + 'expanded_conv_11/project/BatchNorm/FusedBatchNorm',
                 MB3 + 'expanded_conv_14/add', 'tower_0/extern1/hard_swish/mul_1', 'tower_0/CenternetHead/Relu_2',
                 'tower_0/keypoints']


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--json', default=CENTERNET)
    ap.add_argument('--node-modules', default=os.path.join(HERE, 'work', 'tfjs', 'node_modules'))
    ap.add_argument('--nodes', nargs='*', default=DEFAULT_NODES)
    ap.add_argument('--size', type=int, default=512)
    ap.add_argument('--images', nargs='*')
    ap.add_argument('--n', type=int, default=4)
    ap.add_argument('--tol', type=float, default=1e-4, help='max abs diff / max |ref|')
    a = ap.parse_args()
    torch.set_num_threads(2)
    imgs = a.images or sorted(glob.glob(os.path.join(SHARED, 'train-photos', '*', '*.jpg')))[::700][:a.n]
    x = np.stack([np.asarray(Image.open(p).convert('RGB').resize((a.size, a.size), Image.BILINEAR), dtype=np.float32)
                  for p in imgs])  # centernet takes 0..255 (human's centernet.ts: resizeBilinear only)
    x = np.ascontiguousarray(x)
    wdir = os.path.join(HERE, 'work', 'verify_graph')
    os.makedirs(wdir, exist_ok=True)
    inp = os.path.join(wdir, 'input.f32')
    x.tofile(inp)
    env = dict(os.environ, NODE_PATH=a.node_modules)
    out = subprocess.run(['node', os.path.join(HERE, 'verify_graph_tfjs.js'), a.json, inp, str(len(x)), str(a.size),
                          str(a.size), os.path.join(wdir, 'out')] + a.nodes, env=env, check=True, capture_output=True,
                         text=True)
    info = json.loads(out.stdout.strip().splitlines()[-1])
    g = tfjs_graph.TfjsGraph(os.path.dirname(a.json), a.nodes, json_name=os.path.basename(a.json)).eval()
    with torch.no_grad():
        ys = g(torch.from_numpy(x).permute(0, 3, 1, 2).contiguous())
    print(f'{os.path.basename(a.json)}, {len(imgs)} photos {a.size}x{a.size}, tfjs {info["tfjs"]} backend {info["backend"]}')
    worst = 0.0
    for i, (name, y) in enumerate(zip(a.nodes, ys)):
        ref = np.fromfile(os.path.join(wdir, f'out.{i}.f32'), dtype=np.float32).reshape(info['shapes'][i])
        yt = y.numpy()
        if yt.ndim == 4:
            yt = yt.transpose(0, 2, 3, 1)
        assert yt.shape == ref.shape, (name, yt.shape, ref.shape)
        d = float(np.abs(yt - ref).max())
        rel = d / float(np.abs(ref).max())
        worst = max(worst, rel)
        print(f'  {name:60s} {list(ref.shape)}  max|ref| {np.abs(ref).max():9.4f}  max abs diff {d:.3e} (rel {rel:.1e})')
    print('OK' if worst <= a.tol else 'FAIL', f'worst rel {worst:.3e} tol {a.tol:g}')
    sys.exit(0 if worst <= a.tol else 1)


if __name__ == '__main__':
    main()
