#!/usr/bin/env python3
"""Trains the Dropout + Dense(64) head (ArcFace softmax, dropped at export) on frozen,
cached backbone features of the training photos, and evaluates candidates.

  /usr/bin/python3 train_head.py            # train the shipped recipe -> trained/head.npz + head.json
  /usr/bin/python3 export.py --config trained/head.json   # -> models/default
  /usr/bin/python3 train_head.py --sweep    # the candidate table (trained/sweep.tsv)

Data: ../shared/train-photos (MANIFEST.tsv: category, class, instance). A stratified
validation split (by category, --val-frac) keeps each instance group on one side. The sample
gallery (../shared/sample-photos-v2) is only ever evaluated, never trained on.

Features are extracted once per backbone (original + horizontally flipped photo, every
candidate layer, mean and GeM pooled) into work/feats/ and reused.
"""
import argparse
import csv
import hashlib
import json
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from arcface import ArcFace, Head
from evaluate import mp_at_k
from guie import Embedder, gem, load_image_uint8

HERE = os.path.dirname(os.path.abspath(__file__))


def shared_dir():
    """The team's data folder: $VSS_SHARED, else the first 'shared' folder beside the checkout or
    beside one of its parent folders (a git worktree may sit one level deeper than a clone)."""
    if os.environ.get('VSS_SHARED'):
        return os.environ['VSS_SHARED']
    d = os.path.normpath(os.path.join(HERE, '..', '..'))
    while os.path.dirname(d) != d:
        candidate = os.path.join(os.path.dirname(d), 'shared')
        if os.path.isdir(os.path.join(candidate, 'train-photos')):
            return candidate
        d = os.path.dirname(d)
    return os.path.normpath(os.path.join(HERE, '..', '..', '..', 'shared'))


SHARED_DIR = shared_dir()
TRAIN_DIR = os.path.join(SHARED_DIR, 'train-photos')
# Evaluated only, never trained on.
SAMPLE_DIR = os.path.join(SHARED_DIR, 'sample-photos-v2')

EXTRACT_LAYERS = {
    'mobilenet_v2': ['block_9_add', 'block_10_expand_relu', 'block_10_depthwise_relu', 'block_10_project_BN',
                     'block_12_add', 'block_13_expand_relu', 'block_16_project_BN', 'out_relu'],
    'inception_v3': ['mixed2', 'mixed4', 'mixed5', 'mixed7', 'mixed10'],
}
# At a non-default input size: MobileNetV2 up to block_10; InceptionV3 up to mixed5, its last
# ImageNet-pretrained block in nsfwjs (mixed6+ are fine-tuned for NSFW classes, and slower).
SIZED_LAYERS = {
    'mobilenet_v2': EXTRACT_LAYERS['mobilenet_v2'][:4],
    'inception_v3': ['mixed2', 'mixed3', 'mixed4', 'mixed5'],
}
POOLS = ('mean', 'gem')


def read_manifest(folder):
    with open(os.path.join(folder, 'MANIFEST.tsv'), newline='') as f:
        return [dict(r, path=os.path.join(folder, r['file'])) for r in csv.DictReader(f, delimiter='\t')]


def split(rows, val_frac=0.2, seed=0):
    """Stratified by category; an instance group never straddles the split."""
    rng = random.Random(seed)
    val = set()
    for cat in sorted({r['category'] for r in rows}):
        groups = {}
        for i, r in enumerate(rows):
            if r['category'] == cat:
                groups.setdefault(r['instance'] or f'#{i}', []).append(i)
        keys = sorted(groups)
        rng.shuffle(keys)
        n_cat = sum(len(v) for v in groups.values())
        taken = 0
        for k in keys:
            if taken >= val_frac * n_cat:
                break
            val.update(groups[k])
            taken += len(groups[k])
    tr = [i for i in range(len(rows)) if i not in val]
    return tr, sorted(val)


# ----------------------------------------------------------------------------
# features

def extract(backbone, rows, tag, size=None):
    """{(layer, pool): array [N, 2, F]} (index 1 = flipped), cached in work/feats/.
    At a non-default input size only SIZED_LAYERS are extracted."""
    layers = EXTRACT_LAYERS[backbone] if size is None else SIZED_LAYERS[backbone]
    key = hashlib.sha1(json.dumps([backbone, layers, size, [r['file'] for r in rows]]).encode()).hexdigest()[:10]
    path = os.path.join(HERE, 'work', 'feats', f'{backbone}-{tag}-{size or "d"}-{key}.npz')
    if os.path.exists(path):
        z = np.load(path)
        return {tuple(k.split('|')): z[k] for k in z.files}
    os.makedirs(os.path.dirname(path), exist_ok=True)
    emb = Embedder(backbone, layers, size=size)
    out = {(l, p): [] for l in layers for p in POOLS}
    t0 = time.time()
    with torch.no_grad():
        for i, r in enumerate(rows):
            x = emb.preprocess(load_image_uint8(r['path']))
            x = torch.cat([x, torch.flip(x, dims=[3])])
            for l, a in zip(layers, emb.backbone(x)):
                out[(l, 'mean')].append(a.mean(dim=(2, 3)).numpy())
                out[(l, 'gem')].append(gem(a, 3.0).numpy())
            if i % 200 == 0:
                print(f'  {tag}: {i}/{len(rows)} {time.time() - t0:.0f}s', file=sys.stderr, flush=True)
    out = {k: np.stack(v).astype(np.float32) for k, v in out.items()}
    np.savez(path, **{'|'.join(k): v for k, v in out.items()})
    return out


def feats(cache, layers, pool):
    return np.concatenate([cache[(l, pool)] for l in layers], axis=-1)  # [N, 2, F]


# ----------------------------------------------------------------------------
# labels

def make_labels(rows, scheme):
    """category | catfine (category, but `other` by fine class) | fine (instance, else class)."""
    out = []
    for r in rows:
        if scheme == 'category':
            out.append(r['category'])
        elif scheme == 'catfine':
            out.append(r['category'] if r['category'] != 'other' else 'other/' + r['class'])
        elif scheme == 'fine':
            out.append('i/' + r['instance'] if r['instance'] else 'c/' + r['class'])
        else:
            raise ValueError(scheme)
    ids = {l: i for i, l in enumerate(sorted(set(out)))}
    return np.array([ids[l] for l in out]), len(ids)


# ----------------------------------------------------------------------------
# training

def train(x, label_sets, dim=64, dropout=0.3, s=30.0, m=0.3, epochs=400, lr=3e-3, wd=1e-3, seed=0):
    """x [N, 2, F] (orig + flip features, both used as samples); label_sets [(labels, n, weight)].
    Returns (weight [dim,F], bias [dim]) of the head on RAW features (standardisation folded in)."""
    torch.manual_seed(seed)
    n, _, f = x.shape
    xt = torch.from_numpy(x)
    mu, sd = xt.reshape(n * 2, f).mean(0), xt.reshape(n * 2, f).std(0) + 1e-6
    xs = (xt - mu) / sd
    head = Head(f, dim, dropout)
    arcs = [ArcFace(dim, c, s, m) for _, c, _ in label_sets]
    ys = [torch.from_numpy(l) for l, _, _ in label_sets]
    params = list(head.parameters()) + [p for a in arcs for p in a.parameters()]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=wd)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, epochs)
    head.train()
    g = torch.Generator().manual_seed(seed)
    rows = torch.arange(n)
    for ep in range(epochs):
        # augmentation: each photo as itself or its mirror image, at random each epoch
        e = head(xs[rows, torch.randint(0, 2, (n,), generator=g)])
        loss = sum(w * a(e, y) for a, y, (_, _, w) in zip(arcs, ys, label_sets))
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
    head.eval()
    W = head.fc.weight.detach() / sd
    b = head.fc.bias.detach() - W @ mu
    return W.numpy(), b.numpy(), float(loss)


def embed(x, W, b, flip):
    v = x[:, 0] if not flip else 0.5 * (x[:, 0] + x[:, 1])
    if W is not None:
        v = v @ W.T + b
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def evaluate(x_val, val_rows, x_sample, sample_rows, W, b, flip):
    ev = embed(x_val, W, b, flip)
    es = embed(x_sample, W, b, flip)
    cat_val = mp_at_k(ev, [r['category'] for r in val_rows])[0]
    inst_val = mp_at_k(ev, [r['instance'] or None for r in val_rows])[0]
    cat_sample = mp_at_k(es, [r['category'] for r in sample_rows])[0]
    return cat_sample, cat_val, inst_val


def parse_labels(spec):
    out = []
    for part in spec.split('+'):
        name, _, w = part.partition(':')
        out.append((name, float(w or 1.0)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--backbone', default='mobilenet_v2')
    ap.add_argument('--layers', nargs='+', default=['block_10_expand_relu', 'block_10_depthwise_relu'])
    ap.add_argument('--pooling', default='gem', choices=POOLS)
    ap.add_argument('--labels', default='catfine:1+fine:0.5',
                    help='ArcFace heads: scheme:weight joined by +, schemes category|catfine|fine')
    ap.add_argument('--dim', type=int, default=64)
    ap.add_argument('--dropout', type=float, default=0.3)
    ap.add_argument('--s', type=float, default=30.0)
    ap.add_argument('--m', type=float, default=0.3)
    ap.add_argument('--epochs', type=int, default=200)
    ap.add_argument('--lr', type=float, default=5e-3)
    ap.add_argument('--no-flip', dest='flip', action='store_false',
                    help='no test-time flip (default: average with the mirror image, also in the export)')
    ap.add_argument('--size', type=int, help='backbone input size (default 224)')
    ap.add_argument('--val-frac', type=float, default=0.2)
    ap.add_argument('--seed', type=int, default=0, help='head initialisation / dropout / augmentation seed')
    ap.add_argument('--no-full', dest='full', action='store_false',
                    help='export the train-only fit (default: refit on train+val after measuring on val)')
    ap.add_argument('--sweep', action='store_true')
    ap.add_argument('--out', default=os.path.join(HERE, 'trained'))
    a = ap.parse_args()
    torch.set_num_threads(2)

    rows = read_manifest(TRAIN_DIR)
    sample_rows = read_manifest(SAMPLE_DIR)
    tr, va = split(rows, a.val_frac)
    tr_rows, va_rows = [rows[i] for i in tr], [rows[i] for i in va]
    print(f'train {len(tr)}  val {len(va)}  sample {len(sample_rows)}', file=sys.stderr)

    def run(backbone, layers, pooling, labels, flip, dim=a.dim, s=a.s, m=a.m, dropout=a.dropout, head=True,
            full=False, size=None):
        ct, cs = {}, {}
        for bb in backbone.split('+'):  # 'mobilenet_v2+inception_v3': layers of both, concatenated
            ct.update(extract(bb, rows, 'train', size))
            cs.update(extract(bb, sample_rows, 'sample', size))
        x, xs = feats(ct, layers, pooling), feats(cs, layers, pooling)
        if not head:
            W = b = None
        else:
            fit = list(range(len(rows))) if full else tr
            fit_rows = [rows[i] for i in fit]
            sets = []
            for name, w in parse_labels(labels):
                y, n = make_labels(fit_rows, name)
                sets.append((y, n, w))
            W, b, _ = train(x[fit], sets, dim=dim, dropout=dropout, s=s, m=m, epochs=a.epochs, lr=a.lr, seed=a.seed)
        return evaluate(x[va], va_rows, xs, sample_rows, W, b, flip), W, b

    if a.sweep:
        mb = 'mobilenet_v2'
        cf = 'catfine:1+fine:0.5'
        cands = [
            # (name, backbone, layers, pooling, labels or None (no head), flip)
            ('b10 mean, no head', mb, ['block_10_project_BN'], 'mean', None, False),
            ('b10 gem, no head', mb, ['block_10_project_BN'], 'gem', None, False),
            ('b10dw gem, no head', mb, ['block_10_depthwise_relu'], 'gem', None, False),
            ('out_relu mean, no head', mb, ['out_relu'], 'mean', None, False),
            ('b10 mean + head category', mb, ['block_10_project_BN'], 'mean', 'category', False),
            ('b10 mean + head catfine', mb, ['block_10_project_BN'], 'mean', 'catfine', False),
            ('b10dw gem + head category', mb, ['block_10_depthwise_relu'], 'gem', 'category', False),
            ('b10dw gem + head catfine', mb, ['block_10_depthwise_relu'], 'gem', 'catfine', False),
            ('b10dw gem + head fine', mb, ['block_10_depthwise_relu'], 'gem', 'fine', False),
            ('b10dw gem + head catfine+fine', mb, ['block_10_depthwise_relu'], 'gem', cf, False),
            ('b10ex+b10dw gem + head catfine+fine', mb, ['block_10_expand_relu', 'block_10_depthwise_relu'], 'gem',
             cf, False),
            ('b13ex gem + head catfine+fine', mb, ['block_13_expand_relu'], 'gem', cf, False),
            ('out_relu gem + head catfine+fine', mb, ['out_relu'], 'gem', cf, False),
            ('b10dw gem + head catfine+fine, flip', mb, ['block_10_depthwise_relu'], 'gem', cf, True),
            ('b10dw gem + head catfine+fine+category', mb, ['block_10_depthwise_relu'], 'gem',
             'catfine:1+fine:0.5+category:0.5', False),
            ('b10ex+b10dw gem + head catfine+fine, flip', mb, ['block_10_expand_relu', 'block_10_depthwise_relu'],
             'gem', cf, True),
            ('b10ex+b10dw gem + head catfine+fine, 288px', mb, ['block_10_expand_relu', 'block_10_depthwise_relu'],
             'gem', cf, False, 288),
            ('b10ex+b10dw gem + head catfine+fine, 288px, flip', mb,
             ['block_10_expand_relu', 'block_10_depthwise_relu'], 'gem', cf, True, 288),
        ]
        if os.environ.get('SWEEP_INCEPTION'):
            iv = 'inception_v3'
            cands += [('inception mixed5 mean, no head', iv, ['mixed5'], 'mean', None, False),
                      ('inception mixed5 gem + head catfine+fine', iv, ['mixed5'], 'gem', 'catfine:1+fine:0.5', False)]
            # at a reduced input size, to fit the 60 ms/photo budget (299 px untrained: 86 ms in DJL)
            for px in (224,):
                cands += [(f'inception mixed5 gem, no head, {px}px', iv, ['mixed5'], 'gem', None, False, px)]
                for layers in (['mixed5'], ['mixed4'], ['mixed4', 'mixed5'], ['mixed2', 'mixed5'],
                               ['mixed3', 'mixed5']):
                    for flip in (False, True):
                        cands += [(f'inception {"+".join(layers)} gem + head catfine+fine, {px}px'
                                   f'{", flip" if flip else ""}', iv, layers, 'gem', cf, flip, px)]
            # the shipped MobileNetV2 features concatenated with InceptionV3 ones (both at 224 px)
            b10 = ['block_10_expand_relu', 'block_10_depthwise_relu']
            for inc in (['mixed4'], ['mixed5']):
                cands += [(f'b10ex+b10dw + inception {"+".join(inc)} gem + head catfine+fine, 224px{f}',
                           'mobilenet_v2+' + iv, b10 + inc, 'gem', cf, bool(f), 224) for f in ('', ', flip')]
        only = os.environ.get('SWEEP_ONLY')
        if only:
            cands = [c for c in cands if any(o in c[0] for o in only.split(';'))]
        os.makedirs(a.out, exist_ok=True)
        with open(os.path.join(a.out, 'sweep.tsv'), 'a') as f:
            for name, bb, layers, pooling, labels, flip, *size in cands:
                (cs, cv, iv_), _, _ = run(bb, layers, pooling, labels, flip, head=labels is not None,
                                          size=size[0] if size else None)
                line = f'{name}\t{cs:.3f}\t{cv:.3f}\t{iv_:.3f}'
                print(line, flush=True)
                f.write(line + '\n')
                f.flush()  # a long sweep may be interrupted
        return

    (cs, cv, iv_), W, b = run(a.backbone, a.layers, a.pooling, a.labels, a.flip, size=a.size)
    print(f'held-out: sample category mP@5 {cs:.3f}  val category mP@5 {cv:.3f}  val instance mP@5 {iv_:.3f}')
    if a.full:
        _, W, b = run(a.backbone, a.layers, a.pooling, a.labels, a.flip, full=True, size=a.size)
        print('refit on train+val for export (val figures above are from the train-only fit)')
    os.makedirs(a.out, exist_ok=True)
    np.savez(os.path.join(a.out, 'head.npz'), weight=W.astype(np.float32), bias=b.astype(np.float32))
    cfg = dict(backbone=a.backbone, layers=a.layers, pooling=a.pooling, gem_p=3.0, size=a.size, antialias=True,
               flip=a.flip, head='head.npz',
               # Short: the app shows it in its status bar and model chooser; the card has the details.
               name=' + '.join({'mobilenet_v2': 'MobileNetV2', 'inception_v3': 'InceptionV3'}.get(b, b)
                               for b in a.backbone.split('+')) + ' + ArcFace head',
               training=dict(labels=a.labels, dim=a.dim, dropout=a.dropout, s=a.s, m=a.m, epochs=a.epochs, lr=a.lr,
                             val_frac=a.val_frac, full=a.full, seed=a.seed,
                             heldout=dict(sample_category=round(cs, 4), val_category=round(cv, 4),
                                          val_instance=round(iv_, 4))))
    with open(os.path.join(a.out, 'head.json'), 'w') as f:
        json.dump(cfg, f, indent=1)
    print(f'wrote {a.out}/head.npz, head.json')


if __name__ == '__main__':
    main()
