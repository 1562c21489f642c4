#!/usr/bin/env python3
"""Fine-tunes the top of the backbone: MobileNetV2's block_10 expand (1x1 conv + BN + ReLU6) and
depthwise (3x3 conv + BN + ReLU6) layers, whose outputs the shipped model GeM-pools, jointly
with train_head.py's Dropout + Dense(64) head and its ArcFace heads.

Everything up to `block_9_add` (14x14x64 at 224 px) stays frozen: its maps are computed once
per photo and per mirror image and cached (float16) in work/maps/. The tuned layers start from
the pretrained weights, with their own (small) learning rate; their BatchNorms keep the
pretrained statistics (eval mode), only their scale/shift are trained. Mini-batch AdamW,
cosine schedule, a random mirror image per photo and epoch. Optionally the head is trained
alone for the first --head-epochs epochs (backbone learning rate 0 meanwhile).

Same split, labels and evaluation as train_head.py, so the numbers compare with trained/sweep.tsv:

  /usr/bin/python3 train_unfrozen.py --bb-lr 3e-4 --seeds 0 1 2 --log   # train-only fits (+ sweep.tsv rows)
  /usr/bin/python3 train_unfrozen.py --bb-lr 3e-4 --refit               # + refit on train+val -> work/unfrozen/
  /usr/bin/python3 export.py --config work/unfrozen/head.json --out ../../scratch-best

The refit writes head.npz, block10.npz (the tuned layers' weights, as backbone state_dict keys)
and head.json (export options + "backbone_weights" + the training settings).
"""
import argparse
import hashlib
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

import keras2torch
from arcface import ArcFace, Head
from guie import BACKBONES, Embedder, gem, load_image_uint8
from train_head import (HERE, SAMPLE_DIR, TRAIN_DIR, evaluate, make_labels, parse_labels, read_manifest,
                        split)

BACKBONE = 'mobilenet_v2'
START = 'block_9_add'  # frozen up to here (cached)
LAYERS = ['block_10_expand_relu', 'block_10_depthwise_relu']  # pooled, as in the shipped model


def keep_freed_memory():
    """glibc returns the large freed activation buffers to the OS after every step, and the page
    faults of re-allocating them make a training step ~4x slower here; keep them in the heap."""
    try:
        import ctypes
        libc = ctypes.CDLL('libc.so.6')
        libc.mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD: its maximum (larger blocks are mmapped anyway)
        libc.mallopt(-1, 4 << 30)  # M_TRIM_THRESHOLD
        libc.mallopt(-2, 1 << 30)  # M_TOP_PAD
    except (OSError, AttributeError):
        pass


def model_dir():
    return os.path.join(HERE, 'work', 'nsfwjs', BACKBONES[BACKBONE][0])


# ----------------------------------------------------------------------------
# cached frozen part

def cache_maps(rows, tag):
    """float16 array [N, 2, C, H, W] of START's maps (index 1 = mirror image), cached in work/maps/."""
    key = hashlib.sha1(json.dumps([BACKBONE, START, [r['file'] for r in rows]]).encode()).hexdigest()[:10]
    path = os.path.join(HERE, 'work', 'maps', f'{BACKBONE}-{tag}-{START}-{key}.npy')
    if os.path.exists(path):
        return np.load(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    emb = Embedder(BACKBONE, [START])
    out = None
    t0 = time.time()
    with torch.no_grad():
        for i, r in enumerate(rows):
            x = emb.preprocess(load_image_uint8(r['path']))
            a = emb.backbone(torch.cat([x, torch.flip(x, dims=[3])]))[0].numpy()
            if out is None:
                out = np.zeros((len(rows),) + a.shape, np.float16)
            out[i] = a
            if i % 200 == 0:
                print(f'  maps {tag}: {i}/{len(rows)} {time.time() - t0:.0f}s', file=sys.stderr, flush=True)
    np.save(path, out)
    return out


class Tail(nn.Module):
    """The converted backbone from START's output on to LAYERS (block_10 expand + depthwise)."""

    def __init__(self, layers=LAYERS):
        super().__init__()
        g = keras2torch.load(model_dir(), outputs=list(layers))
        names = [n for n, _ in g.plan]
        self.plan = g.plan[names.index(START) + 1:]
        self.mods = nn.ModuleDict({n: g.mods[n] for n, _ in self.plan})
        self.outputs = list(layers)

    def forward(self, x):
        acts = {START: x}
        for name, ins in self.plan:
            acts[name] = self.mods[name]([acts[i] for i in ins])
        return [acts[o] for o in self.outputs]

    def backbone_state(self):
        """The tuned weights under the full backbone's state_dict keys (guie.load_backbone_state)."""
        return {'mods.' + k: v.detach().clone() for k, v in self.mods.state_dict().items()
                if not k.endswith('num_batches_tracked')}


def pool(outs, p=3.0):
    return torch.cat([gem(o, p) for o in outs], dim=1)


def pooled(tail, maps, idx, batch=256):
    """[len(idx), 2, F] GeM features of the maps of photos idx (and mirror images), no grad."""
    tail.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(idx), batch):
            m = torch.from_numpy(maps[idx[i:i + batch]]).float()
            b, two = m.shape[:2]
            out.append(pool(tail(m.reshape((b * two,) + m.shape[2:]))).reshape(b, two, -1))
    return torch.cat(out).numpy()


# ----------------------------------------------------------------------------
# training

def train(maps, idx, label_sets, dim=64, dropout=0.3, s=30.0, m=0.3, epochs=30, batch=128, lr=3e-3, wd=1e-3,
          bb_lr=3e-4, bb_wd=0.0, head_epochs=0, seed=0, log=None):
    """Trains the tail (pretrained init) + head on maps[idx]; label_sets [(labels, n, weight)] per idx.
    Returns (tail, W [dim,F], b [dim]) with the head on RAW pooled features (standardisation folded in)."""
    torch.manual_seed(seed)
    tail = Tail()
    idx = np.asarray(idx)
    n = len(idx)
    x0 = torch.from_numpy(pooled(tail, maps, idx)).reshape(2 * n, -1)
    mu, sd = x0.mean(0), x0.std(0) + 1e-6  # of the pretrained features, kept fixed
    head = Head(x0.shape[1], dim, dropout)
    arcs = [ArcFace(dim, c, s, m) for _, c, _ in label_sets]
    ys = [torch.from_numpy(l) for l, _, _ in label_sets]
    bb = list(tail.parameters())
    for p in bb:
        p.requires_grad_(True)
    opt = torch.optim.AdamW([
        dict(params=list(head.parameters()) + [p for a in arcs for p in a.parameters()], lr=lr, weight_decay=wd),
        dict(params=bb, lr=bb_lr, weight_decay=bb_wd)])
    spe = math.ceil(n / batch)
    total, warm = epochs * spe, head_epochs * spe

    def cosine(step, start=0):
        if step < start:
            return 0.0
        return 0.5 * (1 + math.cos(math.pi * (step - start) / max(1, total - start)))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, [cosine, lambda st: cosine(st, warm)])
    g = torch.Generator().manual_seed(seed)
    tail.eval()  # BatchNorm: pretrained statistics
    head.train()
    t0 = time.time()
    for ep in range(epochs):
        perm = torch.randperm(n, generator=g).numpy()
        flips = torch.randint(0, 2, (n,), generator=g).numpy()  # each photo as itself or its mirror image
        tot = 0.0
        for i in range(0, n, batch):
            j = perm[i:i + batch]
            x = torch.from_numpy(maps[idx[j], flips[j]]).float()
            e = head((pool(tail(x)) - mu) / sd)
            jt = torch.from_numpy(j)
            loss = sum(w * a(e, y[jt]) for a, y, (_, _, w) in zip(arcs, ys, label_sets))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            tot += float(loss) * len(j)
        if log and (ep % 5 == 4 or ep == epochs - 1):
            log(f'  epoch {ep + 1}/{epochs} loss {tot / n:.3f} {time.time() - t0:.0f}s')
    for p in bb:
        p.requires_grad_(False)
    head.eval()
    W = head.fc.weight.detach() / sd
    b = head.fc.bias.detach() - W @ mu
    return tail, W.numpy(), b.numpy()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--labels', default='catfine:1+fine:0.5')
    ap.add_argument('--dim', type=int, default=64)
    ap.add_argument('--dropout', type=float, default=0.3)
    ap.add_argument('--s', type=float, default=30.0)
    ap.add_argument('--m', type=float, default=0.3)
    ap.add_argument('--epochs', type=int, default=30)
    ap.add_argument('--batch', type=int, default=128)
    ap.add_argument('--lr', type=float, default=3e-3, help='head + ArcFace centres')
    ap.add_argument('--wd', type=float, default=1e-3)
    ap.add_argument('--bb-lr', type=float, default=3e-4, help='block_10 layers (0 = frozen: the control)')
    ap.add_argument('--bb-wd', type=float, default=0.0)
    ap.add_argument('--head-epochs', type=int, default=0, help='first epochs train the head only')
    ap.add_argument('--val-frac', type=float, default=0.2)
    ap.add_argument('--seeds', type=int, nargs='+', default=[0])
    ap.add_argument('--log', action='store_true', help='append the train-only fits to trained/sweep.tsv')
    ap.add_argument('--refit', action='store_true',
                    help='then refit on train+val (first seed) and write --out/head.npz, block10.npz, head.json')
    ap.add_argument('--out', default=os.path.join(HERE, 'work', 'unfrozen'))
    a = ap.parse_args()
    torch.set_num_threads(2)
    keep_freed_memory()

    rows = read_manifest(TRAIN_DIR)
    sample_rows = read_manifest(SAMPLE_DIR)
    tr, va = split(rows, a.val_frac)
    va_rows = [rows[i] for i in va]
    maps, smaps = cache_maps(rows, 'train'), cache_maps(sample_rows, 'sample')
    print(f'train {len(tr)}  val {len(va)}  sample {len(sample_rows)}  maps {maps.shape}', file=sys.stderr)
    hp = dict(dim=a.dim, dropout=a.dropout, s=a.s, m=a.m, epochs=a.epochs, batch=a.batch, lr=a.lr, wd=a.wd,
              bb_lr=a.bb_lr, bb_wd=a.bb_wd, head_epochs=a.head_epochs)
    tuned = f'block_10 ex+dw unfrozen (bb lr {a.bb_lr:g}, bb wd {a.bb_wd:g}, ' if a.bb_lr else 'frozen, mini-batch ('
    desc = (f'b10ex+b10dw gem + head catfine+fine, flip, {tuned}{a.epochs} ep'
            f'{f" ({a.head_epochs} head only)" if a.head_epochs else ""}, batch {a.batch}, head lr {a.lr:g}, '
            f'labels {a.labels})')

    def fit(idx, seed):
        fit_rows = [rows[i] for i in idx]
        sets = []
        for name, w in parse_labels(a.labels):
            y, c = make_labels(fit_rows, name)
            sets.append((y, c, w))
        return train(maps, idx, sets, seed=seed, log=lambda s: print(s, file=sys.stderr, flush=True), **hp)

    res = []
    for seed in a.seeds:
        tail, W, b = fit(tr, seed)
        all_idx = np.arange(len(sample_rows))
        r = evaluate(pooled(tail, maps, np.asarray(va)), va_rows, pooled(tail, smaps, all_idx), sample_rows,
                     W, b, flip=True)
        res.append(r)
        line = f'{desc}, seed {seed}\t{r[0]:.3f}\t{r[1]:.3f}\t{r[2]:.3f}'
        print(line, flush=True)
        if a.log:
            with open(os.path.join(HERE, 'trained', 'sweep.tsv'), 'a') as f:
                f.write(line + '\n')
    if len(res) > 1:
        mean = np.mean(res, axis=0)
        print(f'mean over seeds {a.seeds}: sample category {mean[0]:.3f}  val category {mean[1]:.3f}  '
              f'val instance {mean[2]:.3f}', flush=True)

    if a.refit:
        tail, W, b = fit(list(range(len(rows))), a.seeds[0])
        os.makedirs(a.out, exist_ok=True)
        np.savez(os.path.join(a.out, 'head.npz'), weight=W.astype(np.float32), bias=b.astype(np.float32))
        np.savez(os.path.join(a.out, 'block10.npz'), **{k: v.numpy() for k, v in tail.backbone_state().items()})
        cfg = dict(backbone=BACKBONE, layers=LAYERS, pooling='gem', gem_p=3.0, size=None, antialias=True, flip=True,
                   head='head.npz', backbone_weights='block10.npz',
                   name='MobileNetV2 (block_10 tuned) + ArcFace head',
                   training=dict(script='train_unfrozen.py', labels=a.labels, **hp, val_frac=a.val_frac, full=True,
                                 seed=a.seeds[0],
                                 heldout=[dict(seed=s, sample_category=round(r[0], 4), val_category=round(r[1], 4),
                                               val_instance=round(r[2], 4)) for s, r in zip(a.seeds, res)]))
        with open(os.path.join(a.out, 'head.json'), 'w') as f:
            json.dump(cfg, f, indent=1)
        print(f'wrote {a.out}/head.npz, block10.npz, head.json (refit on train+val)')


if __name__ == '__main__':
    main()
