"""ArcFace (additive angular margin) softmax loss, and the embedding head it trains."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


def arcface_logits(emb, weight, labels, s=30.0, m=0.3):
    """emb [N,D] (any norm; normalised here), weight [C,D] class centres (normalised here),
    labels [N] int64. Returns s * cos(theta_j) for j != y and s * cos(theta_y + m) for the
    target, where theta is the angle between the embedding and a class centre.
    When theta_y + m would exceed pi (cos(theta+m) is then no longer decreasing), the target
    logit falls back to s * (cos(theta_y) - m * sin(m)), as in the ArcFace reference code."""
    cos = F.linear(F.normalize(emb, dim=1), F.normalize(weight, dim=1)).clamp(-1 + 1e-7, 1 - 1e-7)
    cos_y = cos.gather(1, labels[:, None])
    sin_y = torch.sqrt(1.0 - cos_y * cos_y)
    phi = cos_y * math.cos(m) - sin_y * math.sin(m)  # cos(theta + m)
    phi = torch.where(cos_y > math.cos(math.pi - m), phi, cos_y - m * math.sin(m))
    out = cos.scatter(1, labels[:, None], phi)
    return s * out


def arcface_loss(emb, weight, labels, s=30.0, m=0.3, smoothing=0.0, sample_weight=None, subcenters=1):
    """Cross-entropy of the ArcFace logits, optionally label-smoothed and per-sample weighted
    (weighted mean). subcenters K > 1: sub-center ArcFace, weight [C*K, D] holds K centres per
    class (class c's are rows c*K .. c*K+K-1) and a class's cosine is its nearest centre's."""
    if subcenters > 1:
        cos = F.linear(F.normalize(emb, dim=1), F.normalize(weight, dim=1))
        cos = cos.view(cos.shape[0], -1, subcenters).amax(dim=2)
        logits = _margin(cos.clamp(-1 + 1e-7, 1 - 1e-7), labels, s, m)
    else:
        logits = arcface_logits(emb, weight, labels, s, m)
    if sample_weight is None:
        return F.cross_entropy(logits, labels, label_smoothing=smoothing)
    per = F.cross_entropy(logits, labels, label_smoothing=smoothing, reduction='none')
    return (per * sample_weight).sum() / sample_weight.sum()


def _margin(cos, labels, s, m):
    cos_y = cos.gather(1, labels[:, None])
    sin_y = torch.sqrt(1.0 - cos_y * cos_y)
    phi = cos_y * math.cos(m) - sin_y * math.sin(m)
    phi = torch.where(cos_y > math.cos(math.pi - m), phi, cos_y - m * math.sin(m))
    return s * cos.scatter(1, labels[:, None], phi)


class ArcFace(nn.Module):
    def __init__(self, dim, n_classes, s=30.0, m=0.3, smoothing=0.0, subcenters=1):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(n_classes * subcenters, dim) / math.sqrt(dim))
        self.s, self.m, self.smoothing, self.subcenters = s, m, smoothing, subcenters

    def forward(self, emb, labels, sample_weight=None):
        return arcface_loss(emb, self.weight, labels, self.s, self.m, self.smoothing, sample_weight,
                            self.subcenters)


class Head(nn.Module):
    """Dropout + Dense(dim) on (standardised) backbone features; L2 normalisation is applied
    by the caller / the exported module."""

    def __init__(self, in_dim, dim=64, dropout=0.3):
        super().__init__()
        self.drop = nn.Dropout(dropout)
        self.fc = nn.Linear(in_dim, dim)

    def forward(self, x):
        return self.fc(self.drop(x))
