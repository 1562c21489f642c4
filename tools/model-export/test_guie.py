"""Run from tools/model-export:  /usr/bin/python3 -m unittest"""
import unittest

import numpy as np
import torch
import torch.nn as nn

from guie import load_backbone_state


class BackboneStateTest(unittest.TestCase):
    def net(self):
        m = nn.Sequential(nn.Conv2d(2, 3, 1, bias=False), nn.BatchNorm2d(3))
        for p in m.parameters():
            p.requires_grad_(False)
        return m

    def test_overrides_only_the_given_weights(self):
        m = self.net()
        before = {k: v.clone() for k, v in m.state_dict().items()}
        w = np.arange(6, dtype=np.float32).reshape(3, 2, 1, 1)
        load_backbone_state(m, {'0.weight': w, '1.running_mean': torch.ones(3)})
        self.assertTrue(torch.equal(m[0].weight, torch.from_numpy(w)))
        self.assertTrue(torch.equal(m[1].running_mean, torch.ones(3)))
        self.assertTrue(torch.equal(m[1].weight, before['1.weight']))

    def test_unknown_name_or_shape_raises(self):
        with self.assertRaises(KeyError):
            load_backbone_state(self.net(), {'0.bias': torch.zeros(3)})
        with self.assertRaises(KeyError):
            load_backbone_state(self.net(), {'0.weight': torch.zeros(3, 2)})


if __name__ == '__main__':
    unittest.main()
