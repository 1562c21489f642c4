"""Build a PyTorch module equivalent to a Keras (2.x) functional model stored as
a TF.js layers model (model.json + binary weight shards, optionally
uint8/uint16-quantised), e.g. the MobileNetV2 and InceptionV3 shipped in the
npm package nsfwjs.

Keras semantics reproduced here:
- tensors are channels-last in Keras; the port runs channels-first (NCHW) and
  maps channel axes (-1 / 3) to dim 1;
- Conv2D kernels [kh, kw, in, out] -> [out, in, kh, kw]; DepthwiseConv2D
  kernels [kh, kw, in, mult] -> [in*mult, 1, kh, kw] with groups=in;
- padding "same" is TensorFlow's: total = max((ceil(n/s)-1)*s + k - n, 0),
  split with the extra pixel at the bottom/right (asymmetric for stride 2);
  ZeroPadding2D layers are explicit ((top, bottom), (left, right)) pads;
- BatchNormalization uses the layer's epsilon (1e-3 in these models); gamma or
  beta may be absent (scale=False / center=False);
- ReLU(max_value=6) is ReLU6; AveragePooling2D "same" excludes the padding
  from the average (as TF does); MaxPooling2D "same" pads with -inf;
- Flatten flattens in channels-last order.

Only the layer types these models use are supported; anything else raises.
"""
import json
import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


# ----------------------------------------------------------------------------
# weights

def load_tfjs_weights(model_dir):
    """Returns (model_json, {weight name: float32 numpy array}), dequantising
    quantised weights as TF.js does: value = min + scale * q."""
    with open(os.path.join(model_dir, 'model.json')) as f:
        mj = json.load(f)
    weights = {}
    for group in mj['weightsManifest']:
        data = b''.join(open(os.path.join(model_dir, p), 'rb').read() for p in group['paths'])
        off = 0
        for w in group['weights']:
            n = int(np.prod(w['shape'])) if w['shape'] else 1
            q = w.get('quantization')
            if q:
                qdt = {'uint8': np.uint8, 'uint16': np.uint16, 'float16': np.float16}[q['dtype']]
                raw = np.frombuffer(data, dtype=qdt, count=n, offset=off)
                off += n * np.dtype(qdt).itemsize
                if q['dtype'] == 'float16':
                    arr = raw.astype(np.float32)
                else:
                    arr = (raw.astype(np.float64) * q['scale'] + q['min']).astype(np.float32)
            else:
                assert w['dtype'] == 'float32', w
                arr = np.frombuffer(data, dtype=np.float32, count=n, offset=off).copy()
                off += 4 * n
            weights[w['name']] = arr.reshape(w['shape'])
        assert off == len(data), f'weight bytes left over: {off} != {len(data)}'
    return mj, weights


# ----------------------------------------------------------------------------
# padding helpers

def _pair(v):
    return tuple(v) if isinstance(v, (list, tuple)) else (v, v)


def tf_same_pads(size, k, s, d=1):
    """TF 'same' padding for one spatial dim: (before, after)."""
    k_eff = (k - 1) * d + 1
    out = math.ceil(size / s)
    total = max((out - 1) * s + k_eff - size, 0)
    return total // 2, total - total // 2


# ----------------------------------------------------------------------------
# layers (each takes a list of NCHW tensors, returns one tensor)

class Conv(nn.Module):
    def __init__(self, cfg, w, depthwise=False):
        super().__init__()
        self.k = _pair(cfg['kernel_size'])
        self.s = _pair(cfg['strides'])
        self.d = _pair(cfg.get('dilation_rate', 1))
        self.same = cfg['padding'] == 'same'
        self.act = cfg.get('activation', 'linear')
        name = cfg['name']
        kernel = torch.from_numpy(w[f'{name}/depthwise_kernel' if depthwise else f'{name}/kernel'])
        if depthwise:
            kh, kw, cin, mult = kernel.shape
            kernel = kernel.permute(2, 3, 0, 1).reshape(cin * mult, 1, kh, kw)
            self.groups = cin
        else:
            kernel = kernel.permute(3, 2, 0, 1)
            self.groups = 1
        self.weight = nn.Parameter(kernel.contiguous(), requires_grad=False)
        b = w.get(f'{name}/bias') if cfg.get('use_bias', False) else None
        self.bias = nn.Parameter(torch.from_numpy(b), requires_grad=False) if b is not None else None

    def forward(self, xs):
        x = xs[0]
        if self.same:
            pt, pb = tf_same_pads(x.shape[2], self.k[0], self.s[0], self.d[0])
            pl, pr = tf_same_pads(x.shape[3], self.k[1], self.s[1], self.d[1])
            if pt == pb and pl == pr:
                y = F.conv2d(x, self.weight, self.bias, self.s, (pt, pl), self.d, self.groups)
            else:
                y = F.conv2d(F.pad(x, (pl, pr, pt, pb)), self.weight, self.bias, self.s, 0, self.d, self.groups)
        else:
            y = F.conv2d(x, self.weight, self.bias, self.s, 0, self.d, self.groups)
        return activation(y, self.act)


class BatchNorm(nn.Module):
    def __init__(self, cfg, w):
        super().__init__()
        assert cfg.get('axis', -1) in (-1, 3, [3], [-1]), cfg.get('axis')
        name = cfg['name']
        mean = w[f'{name}/moving_mean']
        c = mean.shape[0]
        self.bn = nn.BatchNorm2d(c, eps=cfg['epsilon'], affine=True)
        self.bn.eval()
        with torch.no_grad():
            self.bn.running_mean.copy_(torch.from_numpy(mean))
            self.bn.running_var.copy_(torch.from_numpy(w[f'{name}/moving_variance']))
            g = w.get(f'{name}/gamma') if cfg.get('scale', True) else None
            b = w.get(f'{name}/beta') if cfg.get('center', True) else None
            self.bn.weight.copy_(torch.from_numpy(g) if g is not None else torch.ones(c))
            self.bn.bias.copy_(torch.from_numpy(b) if b is not None else torch.zeros(c))
        for p in self.bn.parameters():
            p.requires_grad_(False)

    def forward(self, xs):
        return self.bn(xs[0])


def activation(x, name):
    if name == 'linear':
        return x
    if name == 'relu':
        return F.relu(x)
    if name == 'relu6':
        return F.relu6(x)
    if name == 'sigmoid':
        return torch.sigmoid(x)
    if name == 'tanh':
        return torch.tanh(x)
    if name == 'softmax':
        return F.softmax(x, dim=1)
    raise ValueError(f'unsupported activation {name}')


class ReLU(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.max_value = cfg.get('max_value')
        assert not cfg.get('negative_slope') and not cfg.get('threshold'), cfg

    def forward(self, xs):
        x = xs[0]
        if self.max_value is None:
            return F.relu(x)
        if float(self.max_value) == 6.0:
            return F.relu6(x)
        return torch.clamp(x, 0.0, float(self.max_value))


class Activation(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.act = cfg['activation']

    def forward(self, xs):
        return activation(xs[0], self.act)


class ZeroPad(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        p = cfg['padding']
        if isinstance(p, int):
            p = [[p, p], [p, p]]
        p = [_pair(v) for v in p]
        (self.t, self.b), (self.l, self.r) = p

    def forward(self, xs):
        return F.pad(xs[0], (self.l, self.r, self.t, self.b))


class Pool(nn.Module):
    def __init__(self, cfg, kind):
        super().__init__()
        self.kind = kind
        self.k = _pair(cfg['pool_size'])
        self.s = _pair(cfg['strides'] or cfg['pool_size'])
        self.same = cfg['padding'] == 'same'

    def forward(self, xs):
        x = xs[0]
        pt = pb = pl = pr = 0
        if self.same:
            pt, pb = tf_same_pads(x.shape[2], self.k[0], self.s[0])
            pl, pr = tf_same_pads(x.shape[3], self.k[1], self.s[1])
        if self.kind == 'max':
            if pt or pb or pl or pr:
                x = F.pad(x, (pl, pr, pt, pb), value=float('-inf'))
            return F.max_pool2d(x, self.k, self.s)
        if pt == pb and pl == pr:
            return F.avg_pool2d(x, self.k, self.s, (pt, pl), count_include_pad=False)
        # asymmetric: average only over the valid (unpadded) pixels, as TF does
        ones = torch.ones_like(x[:, :1])
        num = F.avg_pool2d(F.pad(x, (pl, pr, pt, pb)), self.k, self.s)
        den = F.avg_pool2d(F.pad(ones, (pl, pr, pt, pb)), self.k, self.s)
        return num / den


class GlobalAvgPool(nn.Module):
    def forward(self, xs):
        return xs[0].mean(dim=(2, 3))


class Add(nn.Module):
    def forward(self, xs):
        y = xs[0]
        for x in xs[1:]:
            y = y + x
        return y


class Concat(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        assert cfg.get('axis', -1) in (-1, 3), cfg.get('axis')

    def forward(self, xs):
        return torch.cat(xs, dim=1)


class Flatten(nn.Module):
    def forward(self, xs):
        x = xs[0]
        if x.dim() == 4:
            x = x.permute(0, 2, 3, 1)  # Keras flattens channels-last
        return x.reshape(x.shape[0], -1)


class Dense(nn.Module):
    def __init__(self, cfg, w):
        super().__init__()
        name = cfg['name']
        self.weight = nn.Parameter(torch.from_numpy(w[f'{name}/kernel']).t().contiguous(), requires_grad=False)
        b = w.get(f'{name}/bias') if cfg.get('use_bias', True) else None
        self.bias = nn.Parameter(torch.from_numpy(b), requires_grad=False) if b is not None else None
        self.act = cfg.get('activation', 'linear')

    def forward(self, xs):
        return activation(F.linear(xs[0], self.weight, self.bias), self.act)


class Identity(nn.Module):
    def forward(self, xs):
        return xs[0]


def make_layer(layer, w):
    cls, cfg = layer['class_name'], layer['config']
    if cls == 'Conv2D':
        return Conv(cfg, w)
    if cls == 'DepthwiseConv2D':
        assert cfg.get('depth_multiplier', 1) >= 1
        return Conv(cfg, w, depthwise=True)
    if cls == 'BatchNormalization':
        return BatchNorm(cfg, w)
    if cls == 'ReLU':
        return ReLU(cfg)
    if cls == 'Activation':
        return Activation(cfg)
    if cls == 'ZeroPadding2D':
        return ZeroPad(cfg)
    if cls == 'MaxPooling2D':
        return Pool(cfg, 'max')
    if cls == 'AveragePooling2D':
        return Pool(cfg, 'avg')
    if cls == 'GlobalAveragePooling2D':
        return GlobalAvgPool()
    if cls == 'Add':
        return Add()
    if cls == 'Concatenate':
        return Concat(cfg)
    if cls == 'Flatten':
        return Flatten()
    if cls == 'Dense':
        return Dense(cfg, w)
    if cls == 'Dropout':
        return Identity()  # inference only
    raise ValueError(f'unsupported Keras layer {cls} ({cfg["name"]})')


# ----------------------------------------------------------------------------
# the graph

class KerasGraph(nn.Module):
    """Runs the Keras functional graph on an NCHW float input (already
    preprocessed as the Keras model expects) and returns the outputs of the
    requested layers (default: the model's output), in order.

    Layers not needed for the requested outputs are not built, so a graph cut
    at e.g. 'block_10_project_BN' only holds the weights up to there."""

    def __init__(self, model_json, weights, outputs=None):
        super().__init__()
        cfg = model_json['modelTopology']['model_config']['config']
        layers = {l['config']['name']: l for l in cfg['layers']}
        self.input_name = cfg['input_layers'][0][0]
        if outputs is None:
            outputs = [o[0] for o in cfg['output_layers']]
        self.output_names = list(outputs)

        def inbound(l):
            nodes = l.get('inbound_nodes') or []
            if not nodes:
                return []
            assert len(nodes) == 1, f'shared layer {l["config"]["name"]} unsupported'
            for n in nodes[0]:
                assert n[1] == 0 and n[2] == 0, n
            return [n[0] for n in nodes[0]]

        # topological order of the needed sub-graph (layers list is topological already)
        needed = set()
        stack = list(outputs)
        while stack:
            n = stack.pop()
            if n in needed:
                continue
            if n not in layers:
                raise KeyError(f'no layer named {n}')
            needed.add(n)
            stack.extend(inbound(layers[n]))
        order = [l['config']['name'] for l in cfg['layers'] if l['config']['name'] in needed]
        self.plan = []  # (name, [input names])
        self.mods = nn.ModuleDict()
        for name in order:
            l = layers[name]
            if l['class_name'] == 'InputLayer':
                continue
            self.mods[name.replace('/', '_')] = make_layer(l, weights)
            self.plan.append((name, inbound(l)))
        self.input_shape = layers[self.input_name]['config'].get('batch_input_shape')

    def forward(self, x):
        acts = {self.input_name: x}
        for name, ins in self.plan:
            acts[name] = self.mods[name.replace('/', '_')]([acts[i] for i in ins])
        return [acts[o] for o in self.output_names]


def layer_names(model_json):
    return [l['config']['name'] for l in model_json['modelTopology']['model_config']['config']['layers']]


def load(model_dir, outputs=None):
    mj, w = load_tfjs_weights(model_dir)
    g = KerasGraph(mj, w, outputs)
    g.eval()
    return g
