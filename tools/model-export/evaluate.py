#!/usr/bin/env python3
"""Leave-one-out mean Precision@5 (the GUIE challenge metric) of a
GUIE-convention TorchScript on a labelled folder, plus its speed.

Labels: the first-level subfolder (category) by default, or a MANIFEST.tsv
column (--label-column class|instance|category). Each image queries all the
others by Euclidean distance; P = (1/min(n_q,5)) * sum of rel over the first
min(n_q,5) results, n_q = number of other images with the query's label;
queries with n_q == 0 are skipped.

usage: /usr/bin/python3 evaluate.py MODEL.pt FOLDER [--label-column category] [--time]
"""
import argparse
import csv
import os
import sys
import time

import numpy as np
import torch

from guie import load_image_uint8


def mp_at_k(emb, labels, k=5):
    """emb [N,D] (numpy), labels list of hashables (None = unlabelled, never a query, never relevant).
    Returns (mP@k, {label: mean P@k}, number of queries)."""
    emb = np.asarray(emb, dtype=np.float64)
    labels = list(labels)
    sq = (emb * emb).sum(1)
    d = sq[:, None] + sq[None, :] - 2 * emb @ emb.T
    np.fill_diagonal(d, np.inf)
    per, per_label = [], {}
    lab = np.array([hash(l) if l is not None else 0 for l in labels])
    has = np.array([l is not None for l in labels])
    for i, l in enumerate(labels):
        if l is None:
            continue
        same = has & (lab == lab[i]) & (np.arange(len(labels)) != i)
        nq = int(same.sum())
        if nq == 0:
            continue
        kk = min(nq, k)
        order = np.lexsort((np.arange(len(labels)), d[i]))[:kk]  # ties -> lower index
        p = same[order].sum() / kk
        per.append(p)
        per_label.setdefault(l, []).append(p)
    return float(np.mean(per)) if per else float('nan'), {l: float(np.mean(v)) for l, v in per_label.items()}, len(per)


def read_folder(folder, label_column='category'):
    """Returns [(path, label)] from MANIFEST.tsv if present, else from subfolders."""
    man = os.path.join(folder, 'MANIFEST.tsv')
    items = []
    if os.path.exists(man):
        with open(man, newline='') as f:
            for r in csv.DictReader(f, delimiter='\t'):
                lab = (r.get(label_column) or '').strip() or None
                items.append((os.path.join(folder, r['file']), lab))
    else:
        for root, _, files in sorted(os.walk(folder)):
            for fn in sorted(files):
                if fn.lower().endswith(('.jpg', '.jpeg', '.png', '.webp', '.bmp')):
                    p = os.path.join(root, fn)
                    rel = os.path.relpath(p, folder).split(os.sep)
                    items.append((p, rel[0] if len(rel) > 1 else None))
    return items


def embed_all(model, paths):
    out = []
    with torch.no_grad():
        for p in paths:
            out.append(model(load_image_uint8(p)).numpy()[0])
    return np.stack(out)


def time_model(model, h=480, w=640, n=20, threads=1):
    old = torch.get_num_threads()
    torch.set_num_threads(threads)
    x = torch.randint(0, 256, (1, 3, h, w), dtype=torch.uint8)
    with torch.no_grad():
        for _ in range(3):
            model(x)
        ts = []
        for _ in range(n):
            t = time.perf_counter()
            model(x)
            ts.append(time.perf_counter() - t)
    torch.set_num_threads(old)
    return 1000 * float(np.median(ts))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('model')
    ap.add_argument('folder')
    ap.add_argument('--label-column', default='category')
    ap.add_argument('--time', action='store_true', help='also time a 640x480 input on one core')
    ap.add_argument('--threads', type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    model = torch.jit.load(a.model)
    items = read_folder(a.folder, a.label_column)
    emb = embed_all(model, [p for p, _ in items])
    norms = np.linalg.norm(emb, axis=1)
    m, per, nq = mp_at_k(emb, [l for _, l in items])
    for l in sorted(per):
        print(f'{l}\tP@5 {per[l]:.3f}')
    print(f'dim {emb.shape[1]}  norms {norms.min():.4f}..{norms.max():.4f}  queries {nq}')
    if a.time:
        print(f'ms/photo (640x480, 1 thread) {time_model(model):.1f}')
    print(f'mP@5 {m:.3f}')


if __name__ == '__main__':
    sys.exit(main())
