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

from guie import SHARED, Embedder, FeatureExtractor, head_arrays, load_image_uint8

HERE = os.path.dirname(os.path.abspath(__file__))
TRAIN_DIR = os.path.join(SHARED, 'train-photos')


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


SIZES = [(1, 3, 50, 40), (1, 3, 512, 384), (1, 3, 300, 512)]


def export(model, path, example_hw=(480, 640)):
    """Traces model (uint8 [1,3,H,W] in) with torch.jit, freezes the trace, checks it on other
    input sizes, saves it. Freezing inlines the weights as constants and folds what depends on
    them alone, so each call does less: measured in the app, indexing the 100 sample photos took
    3.5% less time and 5 to 8 MiB less memory; outputs agree with the unfrozen trace to 1e-6."""
    x = torch.randint(0, 256, (1, 3) + tuple(example_hw), dtype=torch.uint8)
    model.eval()
    with torch.no_grad():
        ts = torch.jit.freeze(torch.jit.trace(model, x, check_trace=False))
        # the traced module must behave for other input sizes too
        for shape in SIZES:
            y = torch.randint(0, 256, shape, dtype=torch.uint8)
            a, b = ts(y), model(y)
            assert a.shape == b.shape and torch.allclose(a, b, atol=1e-5), shape
    ts.save(path)
    return ts


def head_embedding(feat, weight, bias):
    """What a consumer of features.pt + head.npz computes: L2(features @ weight.T + bias)."""
    v = feat if weight is None else feat @ weight.T + bias
    return torch.nn.functional.normalize(v, dim=1)


def check_features(folder, inputs, model_file='model.pt', features_file='features.pt', head_file='head.npz'):
    """Max abs diff, over the inputs, between the folder's fused model and L2(head(features)),
    both loaded back from disk as TorchScript (head.npz absent: no head)."""
    fused = torch.jit.load(os.path.join(folder, model_file))
    feats = torch.jit.load(os.path.join(folder, features_file))
    w = b = None
    hp = os.path.join(folder, head_file)
    if os.path.exists(hp):
        z = np.load(hp)
        w, b = torch.from_numpy(z['weight']), torch.from_numpy(z['bias'])
    worst = 0.0
    with torch.no_grad():
        for x in inputs:
            worst = max(worst, float((fused(x) - head_embedding(feats(x), w, b)).abs().max()))
    return worst


def check_inputs(n_photos=8, seed=0):
    """Random uint8 inputs of several sizes, plus the first training photos when they are there."""
    g = torch.Generator().manual_seed(seed)
    out = [torch.randint(0, 256, (1, 3) + hw, dtype=torch.uint8, generator=g)
           for hw in [(480, 640), (640, 480), (224, 224), (37, 501)]]
    man = os.path.join(TRAIN_DIR, 'MANIFEST.tsv')
    if n_photos and os.path.exists(man):
        with open(man) as f:
            files = [l.split('\t')[0] for l in f.read().splitlines()[1:n_photos + 1]]
        out += [load_image_uint8(os.path.join(TRAIN_DIR, p)) for p in files]
    return out


def write_folder(model, out, name, file='model.pt', features=True, inputs=None, max_side=None):
    """Writes model.pt, and with features: features.pt (the pooled backbone features the head
    consumes, GUIE input convention), head.npz (weight [D,F], bias [D], float32; only with a
    head) and their serving.properties keys. Returns (dim, feature dim or None, max abs diff of
    L2(head(features)) against the fused model or None)."""
    os.makedirs(out, exist_ok=True)
    ts = export(model, os.path.join(out, file))
    probe = torch.zeros(1, 3, 64, 64, dtype=torch.uint8)
    with torch.no_grad():
        dim = int(ts(probe).shape[1])
    fdim = diff = None
    stale = [os.path.join(out, f) for f in ('features.pt', 'head.npz')]
    for f in stale:
        if os.path.exists(f):
            os.remove(f)
    if features:
        fts = export(FeatureExtractor(model), os.path.join(out, 'features.pt'))
        with torch.no_grad():
            fdim = int(fts(probe).shape[1])
        w, b = head_arrays(model)
        if w is not None:
            np.savez(os.path.join(out, 'head.npz'), weight=w.numpy(), bias=b.numpy())
        diff = check_features(out, inputs if inputs is not None else check_inputs(), model_file=file)
    props = [
        '# DJL model descriptor (serving.properties) + Visual Search Simulator keys (vss.*).',
        '# Written by tools/model-export/export.py; re-run it rather than editing by hand.',
        'engine=PyTorch',
        f'option.modelName={os.path.splitext(file)[0]}',
        'vss.convention=guie',
        f'vss.name={name}',
        f'vss.dimension={dim}',
        f'vss.file={file}',
        'vss.input=uint8 [1,3,H,W] RGB 0..255, any size; resized inside the model',
        'vss.output=float32 [1,%d], L2-normalised' % dim,
    ]
    if max_side:
        props += [
            '# The app shrinks photos to this long side before the model (the model resizes inside).',
            f'vss.maxSide={max_side}',
        ]
    if features:
        props += [
            '# Feature extractor: same input convention; output float32 [1,F], the pooled backbone',
            '# features the head consumes (not normalised). model.pt(x) == L2(head(features.pt(x))).',
            'vss.features.file=features.pt',
            f'vss.features.dimension={fdim}',
        ]
        if model.head is not None:
            props += [
                '# The trained head: numpy .npz, float32 weight [D,F] and bias [D]:',
                '# embedding = L2(features @ weight^T + bias).',
                'vss.head.file=head.npz',
            ]
    with open(os.path.join(out, 'serving.properties'), 'w') as f:
        f.write('\n'.join(props) + '\n')
    return dim, fdim, diff


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
    ap.add_argument('--no-features', action='store_true', help='do not write features.pt / head.npz')
    ap.add_argument('--max-side', type=int,
                    help="vss.maxSide: the long side the app shrinks photos to first (the app's default: 512)")
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
    pretty = {'mobilenet_v2': 'MobileNetV2', 'inception_v3': 'InceptionV3'}
    bb = ' + '.join(pretty.get(b, b) for b in cfg['backbone'].split('+'))
    name = cfg.get('name') or (f'{bb} {"+".join(cfg["layers"])} {cfg["pooling"]}'
                               f'{"+head" if head else ""}')
    dim, fdim, diff = write_folder(model, a.out, name, file=a.file, features=not a.no_features,
                                   max_side=a.max_side)
    path = os.path.join(a.out, a.file)
    print(f'wrote {path} ({os.path.getsize(path) / 1e6:.2f} MB), dim {dim}, config {json.dumps(cfg)}'
          + (f', backbone weights {bweights}' if bweights else ''))
    if fdim:
        print(f'wrote features.pt ({fdim}-d){" + head.npz" if model.head is not None else ""}: '
              f'max abs diff of L2(head(features(x))) vs model.pt(x): {diff:.2e}')


if __name__ == '__main__':
    main()
