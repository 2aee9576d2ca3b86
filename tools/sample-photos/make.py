#!/usr/bin/python3
"""Writes datasets/images/: five photos from Debian's python3-skimage (0.19.3), downscaled to
256 px on the long side (Lanczos) as PNG. Their licences are quoted in datasets/images/LICENSES.md.
Run with Debian's Python: apt-get install -y python3-skimage && /usr/bin/python3 tools/sample-photos/make.py"""
import os
import sys

import skimage.data
from PIL import Image

PHOTOS = ["astronaut.png", "rocket.jpg", "coffee.png", "chelsea.png", "hubble_deep_field.jpg"]
LONG_SIDE = 256

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets", "images")
source = os.path.dirname(skimage.data.__file__)
for name in PHOTOS:
    image = Image.open(os.path.join(source, name)).convert("RGB")
    scale = LONG_SIDE / max(image.size)
    size = (round(image.size[0] * scale), round(image.size[1] * scale))
    target = os.path.join(out, os.path.splitext(name)[0] + ".png")
    image.resize(size, Image.LANCZOS).save(target, optimize=True)
    print(f"{target}: {size[0]}x{size[1]}", file=sys.stderr)
