#!/usr/bin/env python3
"""Draws the OnePercent toolbar icons (validate_16.png, validate_26.png): a small sheet with a
grid and a green check mark. Plain Python (zlib), anti-aliased by 5x5 supersampling.
Run: python3 extension/icons/make_icons.py  (writes next to this script)."""

import math
import os
import struct
import zlib

SHEET = (255, 255, 255)
BORDER = (90, 100, 115)
GRID = (175, 190, 205)
HEADER = (205, 222, 240)
CHECK = (30, 140, 60)


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def colour_at(x, y):
    """Colour (r, g, b, a) at a point of the unit square (0..1, y down)."""
    check = [(0.40, 0.62), (0.58, 0.82), (0.95, 0.36)]
    if min(segment_distance(x, y, *check[i], *check[i + 1]) for i in range(2)) < 0.095:
        return CHECK + (255,)
    left, top, right, bottom = 0.06, 0.08, 0.80, 0.92
    if left <= x <= right and top <= y <= bottom:
        edge = 0.06
        if x < left + edge or x > right - edge or y < top + edge or y > bottom - edge:
            return BORDER + (255,)
        if y < 0.30:
            return HEADER + (255,)
        for line in (0.30, 0.52, 0.74):
            if abs(y - line) < 0.025:
                return GRID + (255,)
        if abs(x - 0.36) < 0.025:
            return GRID + (255,)
        return SHEET + (255,)
    return (0, 0, 0, 0)


def render(size, samples=5):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type 0
        for px in range(size):
            total = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    r, g, b, a = colour_at((px + (sx + 0.5) / samples) / size,
                                           (py + (sy + 0.5) / samples) / size)
                    total[0] += r * a
                    total[1] += g * a
                    total[2] += b * a
                    total[3] += a
            alpha = total[3] / (samples * samples)
            if total[3]:
                row += bytes(round(c / total[3]) for c in total[:3])
            else:
                row += b"\0\0\0"
            row.append(round(alpha))
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, pixels):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    folder = os.path.dirname(os.path.abspath(__file__))
    for size in (16, 26):
        with open(os.path.join(folder, "validate_%d.png" % size), "wb") as out:
            out.write(png(size, render(size)))
