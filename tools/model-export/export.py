#!/usr/bin/env python3
"""Exports a GUIE-convention TorchScript (uint8 [1,3,H,W] in, L2-normalised
float [1,D] out) built from a converted nsfwjs backbone, into a model folder
with a DJL serving.properties descriptor.

Untrained default (ImageNet-pretrained MobileNetV2 up to block_10, mean pooled):
  /usr/bin/python3 export.py --out ../../models/default
With a trained head (written by train_head.py, which also records the backbone options):
  /usr/bin/python3 export.py --config trained/head.json --out ../../models/default
With fine-tuned block_10 weights too (train_unfrozen.py writes them and names them in its config):
  /usr/bin/python3 export.py --config work/unfrozen/head.json --out ../../scratch-best

Options let you pick other layers (--layers, several = multi-layer pooling),
GeM pooling, test-time flip, another backbone (inception_v3), or no antialiasing.
"""
import argparse
import json
import os

import numpy as np
import torch

from guie import Embedder

HERE = os.path.dirname(os.path.abspath(__file__))


def build(cfg, head_path=None, backbone_weights=None):
    hw = hb = center = bstate = None
    if head_path:
        z = np.load(head_path)
        hw = torch.from_numpy(z['weight'].astype(np.float32))
        hb = torch.from_numpy(z['bias'].astype(np.float32)) if 'bias' in z.files else None
        center = torch.from_numpy(z['center'].astype(np.float32)) if 'center' in z.files else None
    if backbone_weights:
        z = np.load(backbone_weights)
        bstate = {k: torch.from_numpy(z[k]) for k in z.files}
    return Embedder(cfg['backbone'], cfg['layers'], pooling=cfg['pooling'], gem_p=cfg['gem_p'],
                    size=cfg.get('size'), antialias=cfg['antialias'], head_weight=hw, head_bias=hb,
                    center=center, flip=cfg['flip'], backbone_state=bstate)


def export(model, path, example_hw=(480, 640)):
    x = torch.randint(0, 256, (1, 3) + tuple(example_hw), dtype=torch.uint8)
    with torch.no_grad():
        ts = torch.jit.trace(model, x, check_trace=False)
        # the traced module must behave for other input sizes too
        for shape in [(1, 3, 50, 40), (1, 3, 512, 384), (1, 3, 300, 512)]:
            y = torch.randint(0, 256, shape, dtype=torch.uint8)
            a, b = ts(y), model(y)
            assert a.shape == b.shape and torch.allclose(a, b, atol=1e-5), shape
    ts.save(path)
    return ts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--config', help='JSON with backbone options (+ "head": npz path relative to the JSON)')
    ap.add_argument('--backbone', default='mobilenet_v2',
                    help='mobilenet_v2 | inception_v3 | mobilenet_v2+inception_v3 (layers taken from either)')
    ap.add_argument('--layers', nargs='+', default=['block_10_project_BN'],
                    help='Keras layer name(s) to pool; several are concatenated')
    ap.add_argument('--pooling', default='mean', choices=['mean', 'gem', 'max'])
    ap.add_argument('--gem-p', type=float, default=3.0)
    ap.add_argument('--size', type=int, help='backbone input size (default 224 / 299)')
    ap.add_argument('--no-antialias', action='store_true', help='plain bilinear resize')
    ap.add_argument('--flip', action='store_true', help='average with the horizontally flipped image')
    ap.add_argument('--head', help='npz with weight [D,F] (and optional bias, center) of the Dense head')
    ap.add_argument('--backbone-weights',
                    help='npz of backbone weights overriding the converted ones (train_unfrozen.py: block_10)')
    ap.add_argument('--name', help='human-readable model name for vss.name')
    ap.add_argument('--out', default=os.path.join(HERE, '..', '..', 'models', 'default'))
    ap.add_argument('--file', default='model.pt')
    a = ap.parse_args()
    torch.set_num_threads(2)
    cfg = dict(backbone=a.backbone, layers=a.layers, pooling=a.pooling, gem_p=a.gem_p, size=a.size,
               antialias=not a.no_antialias, flip=a.flip, name=a.name)
    head, bweights = a.head, a.backbone_weights
    if a.config:
        with open(a.config) as f:
            c = json.load(f)
        cfg.update({k: v for k, v in c.items() if k in cfg})
        if c.get('head') and not head:
            head = os.path.join(os.path.dirname(os.path.abspath(a.config)), c['head'])
        if c.get('backbone_weights') and not bweights:
            bweights = os.path.join(os.path.dirname(os.path.abspath(a.config)), c['backbone_weights'])
    model = build(cfg, head, bweights)
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, a.file)
    ts = export(model, path)
    with torch.no_grad():
        dim = int(ts(torch.zeros(1, 3, 64, 64, dtype=torch.uint8)).shape[1])
    pretty = {'mobilenet_v2': 'MobileNetV2', 'inception_v3': 'InceptionV3'}
    bb = ' + '.join(pretty.get(b, b) for b in cfg['backbone'].split('+'))
    name = cfg.get('name') or (f'{bb} {"+".join(cfg["layers"])} {cfg["pooling"]}'
                               f'{"+head" if head else ""} ({dim}-d)')
    props = [
        '# DJL model descriptor (serving.properties) + Visual Search Simulator keys (vss.*).',
        '# Written by tools/model-export/export.py; re-run it rather than editing by hand.',
        'engine=PyTorch',
        f'option.modelName={os.path.splitext(a.file)[0]}',
        'vss.convention=guie',
        f'vss.name={name}',
        f'vss.dimension={dim}',
        f'vss.file={a.file}',
        'vss.input=uint8 [1,3,H,W] RGB 0..255, any size; resized inside the model',
        'vss.output=float32 [1,%d], L2-normalised' % dim,
    ]
    with open(os.path.join(a.out, 'serving.properties'), 'w') as f:
        f.write('\n'.join(props) + '\n')
    print(f'wrote {path} ({os.path.getsize(path) / 1e6:.2f} MB), dim {dim}, config {json.dumps(cfg)}'
          + (f', backbone weights {bweights}' if bweights else ''))


if __name__ == '__main__':
    main()
