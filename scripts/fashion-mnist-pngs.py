#!/usr/bin/env python3
"""Writes Fashion-MNIST test images as PNG files (Python's standard library only), to try
image classification on files: fashion-mnist-pngs.py OUT_DIR [COUNT] [FIRST] [SCALE]. SCALE
enlarges each image SCALE times (nearest pixel), as large photos for timing. Each file goes
into a folder named after its true class, e.g. OUT_DIR/sneaker/00012.png, which
`scalescope-cli predict` reads as the file's label."""
import gzip
import os
import struct
import sys
import zlib

DATA = "/usr/share/datasets/fashion-mnist"
CLASSES = ["t-shirt", "trouser", "pullover", "dress", "coat",
           "sandal", "shirt", "sneaker", "bag", "ankle-boot"]


def png(width, height, grey):
    """An 8-bit greyscale PNG of `grey` (row after row)."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\0" + grey[y * width:(y + 1) * width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
            chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    scale = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    if not 1 <= scale <= 200:
        sys.exit("SCALE must be between 1 and 200")
    with gzip.open(os.path.join(DATA, "t10k-images-idx3-ubyte.gz")) as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        images = f.read()
    with gzip.open(os.path.join(DATA, "t10k-labels-idx1-ubyte.gz")) as f:
        f.read(8)
        labels = f.read()
    if magic != 2051 or not 0 <= first < n:
        sys.exit(f"{DATA}: not an idx3 image file, or FIRST outside 0-{n - 1}")
    os.makedirs(out, exist_ok=True)
    size = rows * cols
    for i in range(first, min(n, first + count)):
        folder = os.path.join(out, CLASSES[labels[i]])
        os.makedirs(folder, exist_ok=True)
        name = os.path.join(folder, f"{i:05d}.png")
        with open(name, "wb") as f:
            grey = images[i * size:(i + 1) * size]
            if scale > 1:
                grey = b"".join(bytes(p for p in grey[y * cols:(y + 1) * cols] for _ in range(scale))
                                * scale for y in range(rows))
            f.write(png(cols * scale, rows * scale, grey))
    print(f"wrote {min(n, first + count) - first} images to {out}")


if __name__ == "__main__":
    main()
