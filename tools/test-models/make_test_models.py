#!/usr/bin/python3
"""Writes the tiny TorchScript models that the core.model tests load.

Run with Debian's python3-torch (the app itself never needs Python):

    /usr/bin/python3 tools/test-models/make_test_models.py

Every model has an analytic output so the Java tests can assert exact numbers:

  guie-tiny/guie_tiny.pt      GUIE convention (uint8 [1,3,H,W], any size) -> [1,8]:
                              per-channel means / 255, the top-left pixel / 255, H, W.
                              No descriptor: a bare folder with one .pt loads with GUIE defaults.
  fixed-tiny/fixed_tiny.pt    fixed convention, method get_image_features (forward raises):
                              float [1,3,h,w] -> [1,5]: per-channel means, h, w.
                              serving.properties declares 8x6, mean/std, the method.
  vector-1d/model.pt          GUIE, returns a 1-d [3] vector (per-channel means / 255).
  wrong-shape/model.pt        GUIE, returns [1,2,3]: must be refused.
  nan-output/model.pt         GUIE, returns [1,4] of NaN: must be refused.
  features-tiny/              a model folder with a feature extractor (the layout export.py
                              writes for models/default): features.pt (GUIE) -> [1,12], the
                              per-channel means of the four quadrants / 255; head.npz (weight
                              [4,12], bias [4], fixed pseudo-random values); model.pt =
                              L2(head(features)); serving.properties declares vss.features.*.
  float-input/model.pt        a float-input model in a GUIE folder: a 1x1 convolution applied to
                              the uint8 input fails inside the TorchScript interpreter.
  huge-output/model.pt        GUIE, returns [1,4] finite but around 1e30: distances would overflow.
  top-left-tiny/model.pt      GUIE, looks only at the top-left quadrant: [1,3], its per-channel
                              means / 255 (the similarity heatmap's test: only that quadrant matters).

With folder names as arguments, writes only those (the others' bytes, and so their ids, stay).
"""
import os
import sys
import zipfile

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "src", "test", "resources", "models")


class GuieTiny(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dtype != torch.uint8:
            raise RuntimeError("guie-tiny expects a uint8 tensor")
        if x.dim() != 4 or x.size(0) != 1 or x.size(1) != 3:
            raise RuntimeError("guie-tiny expects [1,3,H,W]")
        f = x.float() / 255.0
        means = f.mean(dim=(2, 3))                 # [1,3]
        top_left = f[:, :, 0, 0]                   # [1,3]
        size = torch.tensor([[float(x.size(2)), float(x.size(3))]])  # [1,2]: H, W
        return torch.cat([means, top_left, size], dim=1)


class FixedTiny(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        raise RuntimeError("fixed-tiny: call get_image_features, not forward")

    @torch.jit.export
    def get_image_features(self, x: torch.Tensor) -> torch.Tensor:
        if x.dtype != torch.float32:
            raise RuntimeError("fixed-tiny expects float32")
        means = x.mean(dim=(2, 3))                 # [1,3]
        size = torch.tensor([[float(x.size(2)), float(x.size(3))]])  # [1,2]: h, w
        return torch.cat([means, size], dim=1)


class Vector1d(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.float().mean(dim=(0, 2, 3)) / 255.0   # [3]


class WrongShape(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.zeros(1, 2, 3) + x.float().mean()


class NanOutput(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.full((1, 4), float("nan")) + x.float().mean()


class FloatInput(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 4, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.conv(x).mean(dim=(2, 3))       # no x.float(): what a float-input model does


class HugeOutput(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        means = x.float().mean(dim=(2, 3)) / 255.0  # [1,3]
        return torch.cat([means, torch.ones(1, 1)], dim=1) * 1e30


class TopLeftOnly(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        f = x.float() / 255.0
        h, w = f.size(2) // 2, f.size(3) // 2
        return f[:, :, :h, :w].mean(dim=(2, 3))    # [1,3]


FIXED_DESCRIPTOR = """\
# Test model for the fixed-size convention (see tools/test-models/make_test_models.py).
vss.name=Fixed tiny
vss.convention=fixed
vss.width=8
vss.height=6
vss.resize=shorter-side-then-center-crop
vss.mean=0.5, 0.25, 0
vss.std=0.5, 0.25, 1
vss.method=get_image_features
vss.dimension=5
vss.maxSide=64
"""


class QuadrantMeans(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        f = x.float() / 255.0
        h, w = f.size(2) // 2, f.size(3) // 2
        parts = [f[:, :, :h, :w], f[:, :, :h, w:], f[:, :, h:, :w], f[:, :, h:, w:]]
        return torch.cat([p.mean(dim=(2, 3)) for p in parts], dim=1)  # [1,12]


class Fused(torch.nn.Module):
    def __init__(self, weight, bias):
        super().__init__()
        self.features = QuadrantMeans()
        self.weight = torch.nn.Parameter(weight, requires_grad=False)
        self.bias = torch.nn.Parameter(bias, requires_grad=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        v = self.features(x) @ self.weight.t() + self.bias
        return torch.nn.functional.normalize(v, dim=1)


FEATURES_DESCRIPTOR = """\
# Test model with a feature extractor (see tools/test-models/make_test_models.py).
engine=PyTorch
vss.name=Features tiny
vss.file=model.pt
vss.dimension=4
vss.features.file=features.pt
vss.features.dimension=12
vss.head.file=head.npz
"""


def strip_debug_info(target):
    """Drops the *.debug_pkl entries: they hold this machine's path to this script, and a model
    loads and runs without them (its errors still end with PyTorch's own message)."""
    with zipfile.ZipFile(target) as z:
        entries = [(info, z.read(info)) for info in z.infolist() if not info.filename.endswith(".debug_pkl")]
    with zipfile.ZipFile(target, "w") as z:
        for info, data in entries:
            z.writestr(info, data)


def save(module, folder, name):
    path = os.path.join(OUT, folder)
    os.makedirs(path, exist_ok=True)
    scripted = torch.jit.script(module)
    target = os.path.join(path, name)
    scripted.save(target)
    strip_debug_info(target)
    print(f"{target}: {os.path.getsize(target)} bytes")
    return scripted


def main():
    torch.manual_seed(0)
    only = set(sys.argv[1:])

    def wanted(folder):
        return not only or folder in only

    if wanted("guie-tiny"):
        m = save(GuieTiny(), "guie-tiny", "guie_tiny.pt")
        print(" ", m(torch.full((1, 3, 5, 7), 255, dtype=torch.uint8)))
    if wanted("fixed-tiny"):
        m = save(FixedTiny(), "fixed-tiny", "fixed_tiny.pt")
        print(" ", m.get_image_features(torch.ones(1, 3, 6, 8)))
        with open(os.path.join(OUT, "fixed-tiny", "serving.properties"), "w") as f:
            f.write(FIXED_DESCRIPTOR)
    for folder, module in [("vector-1d", Vector1d()), ("wrong-shape", WrongShape()), ("nan-output", NanOutput()),
                           ("float-input", FloatInput()), ("huge-output", HugeOutput()),
                           ("top-left-tiny", TopLeftOnly())]:
        if wanted(folder):
            save(module, folder, "model.pt")
    if wanted("features-tiny"):
        g = torch.Generator().manual_seed(16)
        weight = torch.randn(4, 12, generator=g)
        bias = torch.randn(4, generator=g) * 0.1
        save(QuadrantMeans(), "features-tiny", "features.pt")
        save(Fused(weight, bias), "features-tiny", "model.pt")
        import numpy as np
        np.savez(os.path.join(OUT, "features-tiny", "head.npz"), weight=weight.numpy(), bias=bias.numpy())
        with open(os.path.join(OUT, "features-tiny", "serving.properties"), "w") as f:
            f.write(FEATURES_DESCRIPTOR)
    return 0


if __name__ == "__main__":
    sys.exit(main())
