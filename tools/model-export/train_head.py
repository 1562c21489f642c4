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
from guie import SHARED, Embedder, gem, load_image_uint8

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED_DIR = SHARED
TRAIN_DIR = os.path.join(SHARED, 'train-photos')
# Evaluated only, never trained on.
SAMPLE_DIR = os.path.join(SHARED, 'sample-photos-v2')

EXTRACT_LAYERS = {
    'mobilenet_v2': ['block_9_add', 'block_10_expand_relu', 'block_10_depthwise_relu', 'block_10_project_BN',
                     'block_12_add', 'block_13_expand_relu', 'block_16_project_BN', 'out_relu'],
    'inception_v3': ['mixed2', 'mixed4', 'mixed5', 'mixed7', 'mixed10'],
    'centernet': ['cn_ec11_expand', 'cn_ec12_expand', 'cn_ec13_expand', 'cn_ec14_expand', 'cn_ec14_dw',
                  'cn_ec14_add', 'cn_extern1'],
}
# At a non-default input size: MobileNetV2 up to block_10; InceptionV3 up to mixed5, its last
# ImageNet-pretrained block in nsfwjs (mixed6+ are fine-tuned for NSFW classes, and slower).
SIZED_LAYERS = {
    'mobilenet_v2': EXTRACT_LAYERS['mobilenet_v2'][:4],
    'inception_v3': ['mixed2', 'mixed3', 'mixed4', 'mixed5'],
    'centernet': EXTRACT_LAYERS['centernet'],
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

def extract(backbone, rows, tag, size=None, need=None):
    """{(layer, pool): array [N, 2, F]} (index 1 = flipped), cached in work/feats/.
    At a non-default input size, or when every needed layer is one of them, only SIZED_LAYERS
    are extracted (cheaper); else every EXTRACT_LAYERS one."""
    shallow = size is not None or (need is not None and set(need) <= set(SIZED_LAYERS[backbone]))
    layers = SIZED_LAYERS[backbone] if shallow else EXTRACT_LAYERS[backbone]
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

def train(x, label_sets, dim=64, dropout=0.3, s=30.0, m=0.3, epochs=400, lr=3e-3, wd=1e-3, seed=0,
          smoothing=0.0, subcenters=1, sample_weight=None, whiten=0.0, whiten_dim=None):
    """x [N, 2, F] (orig + flip features, both used as samples); label_sets [(labels, n, weight)].
    Options: label smoothing, sub-center ArcFace (subcenters K), per-sample loss weights (e.g.
    a per-category balance), PCA whitening of the standardised features with shrinkage
    (whiten > 0: covariance + whiten * I, optionally keeping the top whiten_dim components).
    Returns (weight [dim,F], bias [dim]) of the head on RAW features (standardisation and
    whitening folded in)."""
    torch.manual_seed(seed)
    n, _, f = x.shape
    xt = torch.from_numpy(x)
    mu, sd = xt.reshape(n * 2, f).mean(0), xt.reshape(n * 2, f).std(0) + 1e-6
    xs = (xt - mu) / sd
    P = None
    if whiten:
        flat = xs.reshape(n * 2, f).double()
        cov = flat.T @ flat / (n * 2 - 1)
        cov = cov / cov.diagonal().mean()
        lam, U = torch.linalg.eigh(cov + whiten * torch.eye(f, dtype=torch.float64))
        lam, U = lam.flip(0), U.flip(1)
        k = whiten_dim or f
        P = (U[:, :k] / lam[:k].sqrt()).float()  # [F, k]
        xs = xs @ P
    head = Head(xs.shape[-1], dim, dropout)
    arcs = [ArcFace(dim, c, s, m, smoothing=smoothing, subcenters=subcenters) for _, c, _ in label_sets]
    ys = [torch.from_numpy(l) for l, _, _ in label_sets]
    sw = None if sample_weight is None else torch.as_tensor(sample_weight, dtype=torch.float32)
    params = list(head.parameters()) + [p for a in arcs for p in a.parameters()]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=wd)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, epochs)
    head.train()
    g = torch.Generator().manual_seed(seed)
    rows = torch.arange(n)
    for ep in range(epochs):
        # augmentation: each photo as itself or its mirror image, at random each epoch
        e = head(xs[rows, torch.randint(0, 2, (n,), generator=g)])
        loss = sum(w * a(e, y, sw) for a, y, (_, _, w) in zip(arcs, ys, label_sets))
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
    head.eval()
    W = head.fc.weight.detach()
    if P is not None:
        W = W @ P.T
    W = W / sd
    b = head.fc.bias.detach() - W @ mu
    return W.numpy(), b.numpy(), float(loss)


def balance_weights(rows, power=1.0):
    """Per-sample weights giving each category the same total weight (power 1; 0.5: half-way,
    by the inverse square root of the category's count), mean 1."""
    cats = [r['category'] for r in rows]
    count = {c: cats.count(c) for c in set(cats)}
    w = np.array([count[c] ** -power for c in cats], dtype=np.float32)
    return w / w.mean()


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


EXTRA_DIR = os.path.join(SHARED, 'train-photos-extra')
SAMPLE2_DIR = os.path.join(SHARED, 'sample-photos-v2')
PRETTY = {'mobilenet_v2': 'MobileNetV2', 'inception_v3': 'InceptionV3', 'centernet': 'CenterNet-MobileNetV3'}


class Data:
    """The training photos (train-photos, plus train-photos-extra unless extra=False), their
    validation split (each set split on its own, so the train-photos split is the one of the
    earlier model card rows), and the held-out sample galleries (evaluated, never trained on)."""

    def __init__(self, val_frac=0.2, extra=True):
        self.base = read_manifest(TRAIN_DIR)
        self.extra = read_manifest(EXTRA_DIR) if extra and os.path.isdir(EXTRA_DIR) else []
        self.rows = self.base + self.extra
        tr, va = split(self.base, val_frac)
        if self.extra:
            etr, eva = split(self.extra, val_frac)
            tr += [len(self.base) + i for i in etr]
            va += [len(self.base) + i for i in eva]
        self.tr, self.va = tr, va
        self.samples = {'sample': read_manifest(SAMPLE_DIR)}
        if os.path.isdir(SAMPLE2_DIR):
            self.samples['sample2'] = read_manifest(SAMPLE2_DIR)

    def features(self, backbone, layers, pooling, sizes):
        """[N, 2, F] for the training rows and each sample gallery: the layers of each backbone
        concatenated; several sizes are averaged (multi-scale pooling)."""
        def one(rows, tag, size):
            c = {}
            for bb in backbone.split('+'):
                c.update(extract(bb, rows, tag, size, need=[l for l in layers]))
            return feats(c, layers, pooling)

        def multi(parts):
            return sum(parts) / len(parts)
        x = multi([np.concatenate([one(self.base, 'train', z)] + ([one(self.extra, 'extra', z)] if self.extra else []))
                   for z in sizes])
        xs = {k: multi([one(r, k, z) for z in sizes]) for k, r in self.samples.items()}
        return x, xs


def metrics(emb_val, val_rows, emb_samples, samples):
    out = {}
    out['val_cat'], per, _ = mp_at_k(emb_val, [r['category'] for r in val_rows])
    out['val_inst'] = mp_at_k(emb_val, [r['instance'] or None for r in val_rows])[0]
    for c in ('dog', 'vehicle'):
        out[f'val_{c}'] = per.get(c, float('nan'))
    for k, rows in samples.items():
        out[k], per, _ = mp_at_k(emb_samples[k], [r['category'] for r in rows])
        if k == 'sample2':
            out['sample2_min'] = min(per.values())
            out['sample2_per'] = {c: round(v, 3) for c, v in sorted(per.items())}
    return out


def sizes_of(size):
    if size is None:
        return [None]
    return list(size) if isinstance(size, (list, tuple)) else [size]


def run_candidate(data, c, full=False, seed=0):
    """c: dict(backbone, layers, pooling, size (None, int or list: multi-scale), labels (None: no
    head), flip, and train() options). Returns (metrics on val + samples, W, b)."""
    x, xs = data.features(c['backbone'], c['layers'], c['pooling'], sizes_of(c.get('size')))
    W = b = None
    if c.get('labels'):
        fit = list(range(len(data.rows))) if full else data.tr
        fit_rows = [data.rows[i] for i in fit]
        sets = []
        for name, w in parse_labels(c['labels']):
            y, n = make_labels(fit_rows, name)
            sets.append((y, n, w))
        opts = {k: c[k] for k in ('dim', 'dropout', 's', 'm', 'epochs', 'lr', 'wd', 'smoothing', 'subcenters',
                                  'whiten', 'whiten_dim') if k in c}
        sw = balance_weights(fit_rows, c['balance']) if c.get('balance') else None
        W, b, _ = train(x[fit], sets, seed=seed, sample_weight=sw, **opts)
    va_rows = [data.rows[i] for i in data.va]
    ev = embed(x[data.va], W, b, c['flip'])
    es = {k: embed(v, W, b, c['flip']) for k, v in xs.items()}
    return metrics(ev, va_rows, es, data.samples), W, b


PREVIOUS = dict(backbone='mobilenet_v2', layers=['block_10_expand_relu', 'block_10_depthwise_relu'], pooling='gem',
                size=None, labels='catfine:1+fine:0.5', flip=True, dim=64, dropout=0.3, s=30.0, m=0.3, epochs=200,
                lr=5e-3)
# the shipped recipe (issue 17): the COCO CenterNet's MobileNetV3 backbone, same head recipe
SHIPPED = dict(PREVIOUS, backbone='centernet', layers=['cn_ec13_expand', 'cn_ec14_expand'])


def candidates():
    """The issue-17 sweep: (name, candidate dict, use the extra photos)."""
    base = dict(PREVIOUS)

    def v(**kw):
        return dict(base, **kw)
    b10 = PREVIOUS['layers']
    cn = ['cn_ec14_expand']
    out = [
        ('previous default recipe, train-photos only', base, False),
        ('+ extra photos', base, True),
        ('+ extra, balance 0.5', v(balance=0.5), True),
        ('+ extra, balance 1', v(balance=1.0), True),
        ('+ extra, label smoothing 0.1', v(smoothing=0.1), True),
        ('+ extra, sub-center ArcFace K=3', v(subcenters=3), True),
        ('+ extra, PCA whitening (shrink 0.1)', v(whiten=0.1), True),
        ('+ extra, PCA whitening (shrink 1)', v(whiten=1.0), True),
        ('+ extra, catfine+fine+category', v(labels='catfine:1+fine:0.5+category:0.5'), True),
        ('+ extra, multi-scale 224+288', v(size=[224, 288]), True),
        ('+ extra, 288 px', v(size=288), True),
        ('centernet ec14 expand, GeM, no head', v(backbone='centernet', layers=cn, labels=None), True),
        ('centernet ec14 expand, GeM + head', v(backbone='centernet', layers=cn), True),
        ('centernet ec13+ec14 expand, GeM + head', v(backbone='centernet', layers=['cn_ec13_expand'] + cn), True),
        ('centernet extern1, GeM + head', v(backbone='centernet', layers=['cn_extern1']), True),
        ('centernet ec14 expand, 320 px, GeM + head', v(backbone='centernet', layers=cn, size=320), True),
        ('MobileNetV2 b10 ex+dw + centernet ec14 expand, GeM + head',
         v(backbone='mobilenet_v2+centernet', layers=b10 + cn), True),
        ('MobileNetV2 b10 ex+dw + centernet ec14 expand, no flip',
         v(backbone='mobilenet_v2+centernet', layers=b10 + cn, flip=False), True),
    ]
    return out


def fmt(name, r, extra):
    cols = [name, 'yes' if extra else 'no', f"{r['val_cat']:.3f}", f"{r['val_inst']:.3f}", f"{r['val_dog']:.3f}",
            f"{r['val_vehicle']:.3f}", f"{r.get('sample', float('nan')):.3f}", f"{r.get('sample2', float('nan')):.3f}",
            f"{r.get('sample2_min', float('nan')):.3f}", json.dumps(r.get('sample2_per', {}))]
    return '\t'.join(cols)


HEADER = 'candidate\textra\tval_cat\tval_inst\tval_dog\tval_vehicle\tsample_v1\tsample_v2\tsample_v2_min\tsample_v2_per'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--config', help='JSON candidate (keys of SHIPPED and train() options); default: SHIPPED')
    ap.add_argument('--no-extra', dest='extra', action='store_false', help='train on train-photos only')
    ap.add_argument('--val-frac', type=float, default=0.2)
    ap.add_argument('--seed', type=int, default=0, help='head initialisation / dropout / augmentation seed')
    ap.add_argument('--no-full', dest='full', action='store_false',
                    help='export the train-only fit (default: refit on train+val after measuring on val)')
    ap.add_argument('--sweep', action='store_true', help='the candidate table -> trained/sweep17.tsv')
    ap.add_argument('--only', help='sweep: only candidates whose name contains one of these (;-separated)')
    ap.add_argument('--name', help='vss.name of the exported model (default: backbone + "ArcFace head")')
    ap.add_argument('--out', default=os.path.join(HERE, 'trained'))
    a = ap.parse_args()
    torch.set_num_threads(1)
    os.makedirs(a.out, exist_ok=True)

    if a.sweep:
        datas = {}
        path = os.path.join(a.out, 'sweep17.tsv')
        new = not os.path.exists(path)
        with open(path, 'a') as f:
            if new:
                f.write(HEADER + '\n')
            for name, c, extra in candidates():
                if a.only and not any(o in name for o in a.only.split(';')):
                    continue
                if extra not in datas:
                    datas[extra] = Data(a.val_frac, extra)
                t0 = time.time()
                r, _, _ = run_candidate(datas[extra], c, seed=a.seed)
                line = fmt(name, r, extra)
                print(line + f'\t({time.time() - t0:.0f}s)', flush=True)
                f.write(line + '\n')
                f.flush()  # a long sweep may be interrupted
        return

    c = dict(SHIPPED)
    if a.config:
        with open(a.config) as f:
            c.update(json.load(f))
    data = Data(a.val_frac, a.extra)
    print(f'train {len(data.tr)}  val {len(data.va)}  ' + '  '.join(f'{k} {len(v)}' for k, v in data.samples.items()),
          file=sys.stderr)
    r, W, b = run_candidate(data, c, seed=a.seed)
    print('held-out (train-only fit): ' + fmt('candidate', r, a.extra).replace('\t', '  '))
    if a.full:
        _, W, b = run_candidate(data, c, full=True, seed=a.seed)
        print('refit on train+val for export (the figures above are from the train-only fit)')
    np.savez(os.path.join(a.out, 'head.npz'), weight=W.astype(np.float32), bias=b.astype(np.float32))
    cfg = dict(backbone=c['backbone'], layers=c['layers'], pooling=c['pooling'], gem_p=3.0, size=c.get('size'),
               antialias=True, flip=c['flip'], head='head.npz',
               # Short: the app shows it in its status bar and model chooser; the card has the details.
               name=a.name or ' + '.join(PRETTY.get(x, x) for x in c['backbone'].split('+')) + ' + ArcFace head',
               training=dict({k: v for k, v in c.items() if k not in ('backbone', 'layers', 'pooling', 'size', 'flip')},
                             extra=a.extra, val_frac=a.val_frac, full=a.full, seed=a.seed,
                             heldout={k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()}))
    with open(os.path.join(a.out, 'head.json'), 'w') as f:
        json.dump(cfg, f, indent=1)
    print(f'wrote {a.out}/head.npz, head.json')


if __name__ == '__main__':
    main()
