"""Run from tools/model-export:  /usr/bin/python3 -m unittest"""
import math
import unittest

import numpy as np
import torch

from arcface import arcface_logits, arcface_loss
from evaluate import mp_at_k


class ArcFaceToyTest(unittest.TestCase):
    def test_two_classes_by_hand(self):
        # embedding at 60 degrees from class 0's centre and 30 degrees from class 1's
        emb = torch.tensor([[math.cos(math.pi / 3), math.sin(math.pi / 3)]]) * 5.0  # norm is irrelevant
        w = torch.tensor([[1.0, 0.0], [0.0, 2.0]])  # centre norms are irrelevant
        s, m = 2.0, 0.5
        # target class 0: logit s*cos(60deg + m); other: s*cos(30deg)
        t = s * math.cos(math.pi / 3 + m)
        o = s * math.cos(math.pi / 6)
        expected = -math.log(math.exp(t) / (math.exp(t) + math.exp(o)))
        got = arcface_loss(emb, w, torch.tensor([0]), s=s, m=m).item()
        self.assertAlmostEqual(got, expected, places=5)
        # target class 1: logit s*cos(30deg + m); other s*cos(60deg)
        t, o = s * math.cos(math.pi / 6 + m), s * math.cos(math.pi / 3)
        expected = -math.log(math.exp(t) / (math.exp(t) + math.exp(o)))
        self.assertAlmostEqual(arcface_loss(emb, w, torch.tensor([1]), s=s, m=m).item(), expected, places=5)

    def test_zero_margin_is_scaled_softmax(self):
        emb = torch.tensor([[1.0, 0.0]])
        w = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
        # cosines 1 and 0: loss = -log(e^s / (e^s + 1)) = log(1 + e^-s)
        self.assertAlmostEqual(arcface_loss(emb, w, torch.tensor([0]), s=3.0, m=0.0).item(),
                               math.log(1 + math.exp(-3.0)), places=5)

    def test_margin_fallback_beyond_pi(self):
        # target at 170 degrees, m=0.3: theta+m > pi, so logit s*(cos(theta) - m*sin(m))
        a = math.radians(170)
        emb = torch.tensor([[math.cos(a), math.sin(a)]])
        w = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
        lg = arcface_logits(emb, w, torch.tensor([0]), s=1.0, m=0.3)
        self.assertAlmostEqual(lg[0, 0].item(), math.cos(a) - 0.3 * math.sin(0.3), places=5)
        self.assertAlmostEqual(lg[0, 1].item(), math.sin(a), places=5)

    def test_margin_raises_loss(self):
        emb = torch.randn(8, 4)
        w = torch.randn(3, 4)
        y = torch.randint(0, 3, (8,))
        self.assertGreater(arcface_loss(emb, w, y, 10, 0.3).item(), arcface_loss(emb, w, y, 10, 0.0).item())


class MetricTest(unittest.TestCase):
    def test_map5_known_answer(self):
        # 1-d embeddings: a a b at 0, 1, 2 and b at 10
        emb = np.array([[0.0], [1.0], [2.0], [10.0]])
        labels = ['a', 'a', 'b', 'b']
        # q0 (a): n_q=1, nearest is 1 (a) -> 1; q1: nearest 0 (d=1) tie with 2 (d=1) -> lower index 0 -> 1
        # q2 (b): n_q=1, nearest 1 (a) -> 0; q3 (b): nearest 2 (b) -> 1
        m, per, n = mp_at_k(emb, labels)
        self.assertEqual(n, 4)
        self.assertAlmostEqual(m, 0.75)

    def test_unlabelled_are_not_queries(self):
        emb = np.array([[0.0], [1.0], [5.0]])
        m, _, n = mp_at_k(emb, ['a', None, 'a'])
        self.assertEqual(n, 2)
        self.assertAlmostEqual(m, 0.0)


if __name__ == '__main__':
    unittest.main()
