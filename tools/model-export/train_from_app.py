#!/usr/bin/env python3
"""Trains train_head.py's head on exactly what the app's `train` command trained on, to compare
the two implementations: same features, same split, same options.

  java -jar target/visual-search.jar train --labels ../shared/train-photos --out models/my-head \
       --export-data /tmp/export
  /usr/bin/python3 tools/model-export/train_from_app.py /tmp/export [--epochs 200 --lr 5e-3 ...]

The export folder holds features.npz (float32 `features` [N,F]: the base model's features.pt
output, mirror-averaged inside the model) and split.tsv (file, category, instance,
instance_label, split). The features are already mirror-averaged, so train_head's random-mirror
augmentation is a no-op here (both halves of x are the same features), as in the Java trainer.
Prints the validation mP@5 (category, instance) of the train-only fit, as the app does.
"""
import argparse
import csv
import os
import sys

import numpy as np
import torch

from evaluate import mp_at_k
from train_head import embed, train


def label_ids(values):
    ids = {v: i for i, v in enumerate(sorted(set(values)))}
    return np.array([ids[v] for v in values]), len(ids)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('export', help='folder written by the app: train --export-data DIR')
    ap.add_argument('--labels', default='both', choices=['category', 'instance', 'both'])
    ap.add_argument('--dim', type=int, default=64)
    ap.add_argument('--dropout', type=float, default=0.3)
    ap.add_argument('--s', type=float, default=30.0)
    ap.add_argument('--m', type=float, default=0.3)
    ap.add_argument('--epochs', type=int, default=200)
    ap.add_argument('--lr', type=float, default=5e-3)
    ap.add_argument('--wd', type=float, default=1e-3)
    ap.add_argument('--seed', type=int, default=0)
    a = ap.parse_args()
    torch.set_num_threads(2)

    x = np.load(os.path.join(a.export, 'features.npz'))['features'].astype(np.float32)
    with open(os.path.join(a.export, 'split.tsv'), newline='') as f:
        rows = list(csv.DictReader(f, delimiter='\t'))
    assert len(rows) == len(x), (len(rows), x.shape)
    tr = [i for i, r in enumerate(rows) if r['split'] == 'train']
    va = [i for i, r in enumerate(rows) if r['split'] == 'val']
    print(f'train {len(tr)}  val {len(va)}  features {x.shape[1]}', file=sys.stderr)

    sets = []
    if a.labels in ('category', 'both'):
        y, n = label_ids([rows[i]['category'] for i in tr])
        sets.append((y, n, 1.0))
    if a.labels in ('instance', 'both'):
        y, n = label_ids([rows[i]['instance_label'] for i in tr])
        sets.append((y, n, 0.5 if a.labels == 'both' else 1.0))
    x2 = np.stack([x, x], axis=1)  # [N, 2, F]: "original" and "mirror" are the same averaged features
    W, b, loss = train(x2[tr], sets, dim=a.dim, dropout=a.dropout, s=a.s, m=a.m, epochs=a.epochs, lr=a.lr,
                       wd=a.wd, seed=a.seed)
    ev = embed(x2[va], W, b, flip=False)
    cat = mp_at_k(ev, [rows[i]['category'] for i in va])[0]
    inst = mp_at_k(ev, [rows[i]['instance'] or None for i in va])[0]
    print(f'final loss {loss:.4f}')
    print(f'validation mP@5: category {cat:.3f}  instance {inst:.3f}')


if __name__ == '__main__':
    main()
