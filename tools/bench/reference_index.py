#!/usr/bin/python3
"""Python reference for the indexing benchmark (tools/bench/index-vs-python.sh).

What a short script would do to index a folder with the same TorchScript model: PIL decode
with draft (DCT-scaled JPEG decoding), EXIF transpose, shrink the long side to 512 px, uint8
[1,3,H,W] tensor, torch.jit model, 2 intra-op threads. It hashes nothing and stores nothing but
the vectors (written to --out as float32 rows, so the work cannot be skipped).

Only for the benchmark: the app and its tests never need Python. Needs Debian's python3-torch
and python3-pil (/usr/bin/python3).
"""
import argparse
import os
import sys
import time

import numpy as np
import torch
from PIL import Image, ImageOps

EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", ".tif", ".tiff"}


def photos(root):
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            if os.path.splitext(name)[1].lower() in EXTENSIONS:
                yield os.path.join(folder, name)


def load(path, max_side):
    with Image.open(path) as image:
        image.draft("RGB", (max_side, max_side))  # JPEG: decode at 1/2, 1/4 or 1/8 scale
        image = ImageOps.exif_transpose(image)
        image = image.convert("RGB")
        image.thumbnail((max_side, max_side), Image.BILINEAR)
        return np.array(image)  # a writable copy: torch.from_numpy wants one


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--model", default="models/default/model.pt")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--max-side", type=int, default=512)
    parser.add_argument("--jit-profiling", action="store_true",
                        help="keep TorchScript's profiling executor (off by default, see below)")
    parser.add_argument("--out", default=os.devnull, help="where the float32 vectors go")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    if not args.jit_profiling:
        # Photos come in many sizes, and the profiling executor re-profiles and re-optimises the
        # graph for each new input shape: about 1-3 s each for the first dozen photos with this
        # model. The app turns the equivalent off in DJL (ai.djl.pytorch.graph_optimizer=false);
        # so does the reference, to compare like with like rather than flatter the app.
        torch._C._jit_set_profiling_executor(False)
    start = time.monotonic()
    model = torch.jit.load(args.model, map_location="cpu").eval()
    vectors, problems = [], 0
    with torch.inference_mode():
        for path in photos(args.folder):
            try:
                pixels = load(path, args.max_side)
            except Exception as e:  # a bad file is reported and skipped, as the app does
                print(f"{path}: {e}", file=sys.stderr)
                problems += 1
                continue
            tensor = torch.from_numpy(pixels).permute(2, 0, 1).unsqueeze(0).contiguous()
            vectors.append(model(tensor).reshape(-1).numpy().copy())
    elapsed = time.monotonic() - start
    with open(args.out, "wb") as out:
        np.asarray(vectors, dtype=np.float32).tofile(out)
    print(f"reference: {len(vectors)} photos embedded, {problems} problems, {elapsed:.1f} s "
          f"({len(vectors) / elapsed:.1f} photos/s)")


if __name__ == "__main__":
    main()
