"""The GUIE-convention embedding module shared by export.py, evaluate.py and
train_head.py.

Input: uint8 tensor [1,3,H,W] (0..255, any size). The module converts to
float, resizes to the backbone's input size, normalises as Keras
MobileNetV2/InceptionV3 do (x/127.5 - 1, i.e. [-1, 1]), runs the converted
backbone up to the chosen layer(s), pools each (mean or GeM), concatenates,
optionally applies a linear projection (the trained Dense head), and returns
the L2-normalised float vector [1, D].
"""
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

import keras2torch

HERE = os.path.dirname(os.path.abspath(__file__))
# The team's data folder: ../shared beside the repository (as in CI), or $VSS_SHARED.
SHARED = os.environ.get('VSS_SHARED') or os.path.normpath(os.path.join(HERE, '..', '..', '..', 'shared'))
BACKBONES = {
    # name: (unpacked nsfwjs model folder, input size)
    'mobilenet_v2': ('mobilenet_v2', 224),
    'inception_v3': ('inception_v3', 299),
}


def gem(x, p: float, eps: float = 1e-6):
    """Generalised-mean pooling over H, W of a non-negative or signed map.
    Signed maps (e.g. a block's linear projection output) are clamped at eps,
    as usual for GeM; p=1 on a clamped map is NOT mean pooling, so callers use
    mean pooling for p == 1."""
    return x.clamp(min=eps).pow(p).mean(dim=(2, 3)).pow(1.0 / p)


class Pooling(nn.Module):
    def __init__(self, kind='mean', p=3.0):
        super().__init__()
        assert kind in ('mean', 'gem', 'max'), kind
        self.kind = kind
        self.p = float(p)

    def forward(self, x):
        if self.kind == 'mean':
            return x.mean(dim=(2, 3))
        if self.kind == 'max':
            return x.amax(dim=(2, 3))
        return gem(x, self.p)


class MultiBackbone(nn.Module):
    """Several converted backbones run on the same preprocessed input; each requested layer is
    taken from the first backbone that has a layer of that name; outputs in the requested order."""

    def __init__(self, dirs, layers):
        super().__init__()
        self.graphs = nn.ModuleList()
        self.index = []
        left = list(layers)
        for d in dirs:
            mj, w = keras2torch.load_tfjs_weights(d)
            names = set(keras2torch.layer_names(mj))
            own = [l for l in left if l in names]
            if own:
                self.index += [(l, len(self.graphs), j) for j, l in enumerate(own)]
                self.graphs.append(keras2torch.KerasGraph(mj, w, own).eval())
                left = [l for l in left if l not in own]
        if left:
            raise KeyError(f'no layer named {left}')
        order = {l: (i, j) for l, i, j in self.index}
        self.index = [order[l] for l in layers]

    def forward(self, x):
        outs = [g(x) for g in self.graphs]
        return [outs[i][j] for i, j in self.index]


class Embedder(nn.Module):
    def __init__(self, backbone, layers, pooling='mean', gem_p=3.0, size=None, antialias=True,
                 head_weight=None, head_bias=None, center=None, flip=False, models_dir=None,
                 backbone_state=None, backbone_module=None):
        """backbone_module: an nn.Module taking the preprocessed batch and returning the list of
        maps to pool (then backbone names only the default size); otherwise the converted
        nsfwjs backbone(s) named by `backbone`, cut at `layers`."""
        super().__init__()
        names = backbone.split('+')  # 'mobilenet_v2+inception_v3': both on the same resized input
        if backbone_module is not None:
            self.backbone = backbone_module
        else:
            models_dir = models_dir or os.path.join(HERE, 'work', 'nsfwjs')
            dirs = [os.path.join(models_dir, BACKBONES[n][0]) for n in names]
            if len(dirs) == 1:
                self.backbone = keras2torch.load(dirs[0], outputs=list(layers))
            else:
                self.backbone = MultiBackbone(dirs, list(layers))
        if backbone_state:
            load_backbone_state(self.backbone, backbone_state)
        self.size = int(size or BACKBONES.get(names[0], (None, 224))[1])
        self.antialias = bool(antialias)
        self.pool = Pooling(pooling, gem_p)
        self.flip = bool(flip)
        self.register_buffer('center', center if center is not None else torch.zeros(0))
        if head_weight is not None:
            self.head = nn.Linear(head_weight.shape[1], head_weight.shape[0], bias=head_bias is not None)
            with torch.no_grad():
                self.head.weight.copy_(head_weight)
                if head_bias is not None:
                    self.head.bias.copy_(head_bias)
        else:
            self.head = None
        for p in self.parameters():
            p.requires_grad_(False)
        self.eval()

    def preprocess(self, x):
        x = x.float()
        x = F.interpolate(x, size=(self.size, self.size), mode='bilinear', align_corners=False,
                          antialias=self.antialias)
        return x / 127.5 - 1.0

    def features(self, x):
        """Pooled, concatenated backbone features of a preprocessed float batch (before head/normalisation)."""
        outs = self.backbone(x)
        return torch.cat([self.pool(o) for o in outs], dim=1)

    def pooled(self, x):
        """uint8 [1,3,H,W] -> the head's input [1,F]: resized, normalised, pooled backbone
        features (averaged with the mirror image's when flip is on), before center/head/L2."""
        x = self.preprocess(x)
        f = self.features(x)
        if self.flip:
            f = 0.5 * (f + self.features(torch.flip(x, dims=[3])))
        return f

    def forward(self, x):
        f = self.pooled(x)
        if self.center.numel() > 0:
            f = f - self.center
        if self.head is not None:
            f = self.head(f)
        return F.normalize(f, dim=1)


class FeatureExtractor(nn.Module):
    """The feature extractor of a model folder (features.pt): an Embedder's pooled backbone
    features, i.e. exactly what its head consumes; L2(head(features(x))) == embedder(x)."""

    def __init__(self, embedder):
        super().__init__()
        self.embedder = embedder
        self.eval()

    def forward(self, x):
        return self.embedder.pooled(x)


def head_arrays(embedder):
    """(weight [D,F], bias [D]) of the embedder's head with its center folded into the bias, so
    that embedder(x) == L2(pooled(x) @ weight.T + bias); (None, None) without a head."""
    if embedder.head is None:
        return None, None
    w = embedder.head.weight.detach().double()
    b = embedder.head.bias.detach().double() if embedder.head.bias is not None else torch.zeros(w.shape[0], dtype=torch.float64)
    if embedder.center.numel() > 0:
        b = b - w @ embedder.center.double()
    return w.float(), b.float()


def load_backbone_state(backbone, state):
    """Overrides some of the converted backbone's weights (e.g. fine-tuned block_10 ones, see
    train_unfrozen.py): state maps backbone state_dict keys ('mods.block_10_expand.weight', ...)
    to tensors or arrays of the same shape; every key must exist."""
    own = backbone.state_dict()
    state = {k: torch.as_tensor(v) for k, v in state.items()}
    bad = [k for k, v in state.items() if k not in own or own[k].shape != v.shape]
    if bad:
        raise KeyError(f'backbone has no weight of that name/shape: {bad}')
    with torch.no_grad():
        for k, v in state.items():
            own[k].copy_(v.to(own[k].dtype))


def load_image_uint8(path, max_side=512):
    """Loads a photo like the Java app does (EXIF orientation applied, long side
    shrunk to <= max_side) and returns a uint8 tensor [1,3,H,W]."""
    from PIL import Image, ImageOps
    import numpy as np
    im = Image.open(path)
    im = ImageOps.exif_transpose(im).convert('RGB')
    if max_side and max(im.size) > max_side:
        s = max_side / max(im.size)
        im = im.resize((max(1, round(im.width * s)), max(1, round(im.height * s))), Image.BILINEAR)
    a = np.asarray(im, dtype=np.uint8).copy()
    return torch.from_numpy(a).permute(2, 0, 1).unsqueeze(0).contiguous()
