"""Run from tools/model-export:  /usr/bin/python3 -m unittest

The feature-extractor export (features.pt + head.npz next to model.pt), on a tiny stand-in
backbone (no downloaded weights needed), and the shipped models/default folder itself."""
import os
import tempfile
import unittest

import numpy as np
import torch
import torch.nn as nn

import export
from guie import Embedder, FeatureExtractor

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.join(HERE, '..', '..', 'models')


class TinyBackbone(nn.Module):
    """Two maps to pool, like block_10's expand and depthwise outputs (4 + 6 channels)."""

    def __init__(self):
        super().__init__()
        torch.manual_seed(0)
        self.a = nn.Conv2d(3, 4, 3, stride=2)
        self.b = nn.Conv2d(4, 6, 3, padding=1)

    def forward(self, x):
        a = torch.relu(self.a(x))
        return [a, torch.relu(self.b(a))]


def tiny(head=True, flip=True, center=True):
    g = torch.Generator().manual_seed(1)
    w = torch.randn(5, 10, generator=g) if head else None
    b = torch.randn(5, generator=g) if head else None
    c = torch.rand(10, generator=g) if head and center else None
    return Embedder('tiny', None, pooling='gem', size=32, head_weight=w, head_bias=b, center=c, flip=flip,
                    backbone_module=TinyBackbone())


def props(folder):
    with open(os.path.join(folder, 'serving.properties')) as f:
        return dict(l.split('=', 1) for l in f.read().splitlines() if l and not l.startswith('#'))


def inputs(seed=0):
    g = torch.Generator().manual_seed(seed)
    return [torch.randint(0, 256, (1, 3) + hw, dtype=torch.uint8, generator=g)
            for hw in [(48, 64), (64, 48), (20, 90), (33, 33)]]


class FeatureExportTest(unittest.TestCase):
    def test_folder_has_features_head_and_keys(self):
        with tempfile.TemporaryDirectory() as d:
            dim, fdim, diff = export.write_folder(tiny(), d, 'tiny', inputs=inputs())
            self.assertEqual((dim, fdim), (5, 10))
            p = props(d)
            self.assertEqual(p['vss.features.file'], 'features.pt')
            self.assertEqual(p['vss.features.dimension'], '10')
            self.assertEqual(p['vss.head.file'], 'head.npz')
            self.assertEqual(p['vss.dimension'], '5')
            z = np.load(os.path.join(d, 'head.npz'))
            self.assertEqual(z['weight'].shape, (5, 10))
            self.assertEqual(z['bias'].shape, (5,))
            self.assertEqual(z['weight'].dtype, np.float32)
            self.assertLess(diff, 1e-5)

    def test_features_are_the_pooled_flip_averaged_head_input(self):
        m = tiny()
        with tempfile.TemporaryDirectory() as d:
            export.write_folder(m, d, 'tiny', inputs=inputs())
            fts = torch.jit.load(os.path.join(d, 'features.pt'))
            z = np.load(os.path.join(d, 'head.npz'))
            w, b = torch.from_numpy(z['weight']), torch.from_numpy(z['bias'])
            for x in inputs(seed=3):
                with torch.no_grad():
                    f = fts(x)
                    pre = m.preprocess(x)
                    want = 0.5 * (m.features(pre) + m.features(torch.flip(pre, dims=[3])))
                    fused = m(x)
                self.assertEqual(tuple(f.shape), (1, 10))
                self.assertLess(float((f - want).abs().max()), 1e-5)
                # the center is folded into head.npz's bias
                self.assertLess(float((nn.functional.normalize(f @ w.T + b, dim=1) - fused).abs().max()), 1e-5)

    def test_check_detects_a_head_that_does_not_match(self):
        with tempfile.TemporaryDirectory() as d:
            export.write_folder(tiny(), d, 'tiny', inputs=inputs())
            z = dict(np.load(os.path.join(d, 'head.npz')))
            z['bias'] = z['bias'] + 1.0
            np.savez(os.path.join(d, 'head.npz'), **z)
            self.assertGreater(export.check_features(d, inputs()), 1e-2)

    def test_without_head_the_model_is_the_normalised_features(self):
        with tempfile.TemporaryDirectory() as d:
            dim, fdim, diff = export.write_folder(tiny(head=False, flip=False), d, 'tiny', inputs=inputs())
            self.assertEqual((dim, fdim), (10, 10))
            self.assertFalse(os.path.exists(os.path.join(d, 'head.npz')))
            self.assertNotIn('vss.head.file', props(d))
            self.assertLess(diff, 1e-5)

    def test_no_features_removes_stale_files(self):
        with tempfile.TemporaryDirectory() as d:
            export.write_folder(tiny(), d, 'tiny', inputs=inputs())
            export.write_folder(tiny(), d, 'tiny', features=False)
            self.assertFalse(os.path.exists(os.path.join(d, 'features.pt')))
            self.assertFalse(os.path.exists(os.path.join(d, 'head.npz')))
            self.assertNotIn('vss.features.file', props(d))

    def test_feature_extractor_wraps_pooled(self):
        m = tiny()
        x = inputs()[0]
        with torch.no_grad():
            self.assertTrue(torch.equal(FeatureExtractor(m)(x), m.pooled(x)))


class ShippedModelFoldersTest(unittest.TestCase):
    """Every shipped model folder that declares a feature extractor: its files agree with model.pt."""

    def test_features_and_head_reproduce_model(self):
        checked = 0
        for name in sorted(os.listdir(MODELS)):
            d = os.path.join(MODELS, name)
            if not os.path.isfile(os.path.join(d, 'serving.properties')):
                continue
            p = props(d)
            if 'vss.features.file' not in p:
                continue
            fts = torch.jit.load(os.path.join(d, p['vss.features.file']))
            with torch.no_grad():
                f = fts(torch.zeros(1, 3, 60, 80, dtype=torch.uint8))
            self.assertEqual(tuple(f.shape), (1, int(p['vss.features.dimension'])), name)
            diff = export.check_features(d, inputs(), model_file=p['vss.file'],
                                         features_file=p['vss.features.file'],
                                         head_file=p.get('vss.head.file', 'head.npz'))
            self.assertLess(diff, 1e-5, name)
            checked += 1
        self.assertGreaterEqual(checked, 1, 'models/default should ship features.pt')


if __name__ == '__main__':
    unittest.main()
