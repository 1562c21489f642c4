"""Makes the lossy WebP fixtures of WebPColourTest from synthetic images (no photos).

Needs Pillow and Debian's `webp` package (cwebp, dwebp); the app and its tests need neither:
the outputs are committed. Run from this folder: python3 make_fixtures.py
"""
import math
import random
import subprocess

from PIL import Image


def edges():
    """Smooth colour waves crossed by saturated blocks: sharp colour edges."""
    im = Image.new('RGB', (64, 48))
    px = im.load()
    for y in range(48):
        for x in range(64):
            rgb = (int(127 + 127 * math.sin(x / 7.0)), int(127 + 127 * math.sin(y / 5.0 + 1)),
                   int(127 + 127 * math.sin((x + y) / 9.0 + 2)))
            if (x // 16 + y // 16) % 3 == 0:
                rgb = [(230, 30, 40), (30, 200, 60), (40, 60, 220), (250, 220, 20)][(x // 16) % 4]
            px[x, y] = rgb
    return im


def texture():
    """Colour gradients under seeded grain: the encoder uses segments and the loop filter."""
    rnd = random.Random(7)
    im = Image.new('RGB', (96, 64))
    px = im.load()
    for y in range(64):
        for x in range(96):
            t = rnd.randint(-12, 12)
            rgb = (128 + 100 * math.sin(x / 19.0) + t, 128 + 90 * math.sin(y / 15.0 + 1) + t,
                   128 + 100 * math.cos((x - y) / 23.0) + t)
            px[x, y] = tuple(max(0, min(255, int(v))) for v in rgb)
    return im


for name, image, quality in (('edges', edges(), 90), ('texture', texture(), 50)):
    image.save(name + '-source.png')
    subprocess.run(['cwebp', '-quiet', '-q', str(quality), name + '-source.png', '-o', name + '.webp'], check=True)
    # libwebp's own decode, with its default (fancy) colour upsampling: what browsers show
    subprocess.run(['dwebp', '-quiet', name + '.webp', '-o', name + '-dwebp.png'], check=True)
