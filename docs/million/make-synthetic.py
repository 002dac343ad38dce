#!/usr/bin/env python3
"""Writes the seeded synthetic set for the million-point benchmark (docs/benchmarks.md, "A million points").

10^6 points in 50 dimensions with a header and a label column: 10 Gaussian clusters whose centres
lie on a random 5-dimensional subspace (so the clusters have structure to keep, not only separation),
each with its own spread, plus isotropic noise in all 50 dimensions. Seed 20261203.

usage: docs/million/make-synthetic.py OUT.csv [POINTS]
"""
import sys
import numpy as np

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
d, k = 50, 10
rng = np.random.default_rng(20261203)
basis = np.linalg.qr(rng.normal(size=(d, 5)))[0]          # 50 x 5, orthonormal columns
centres = rng.normal(scale=6.0, size=(k, 5)) @ basis.T     # k x 50
spread = rng.uniform(0.6, 1.6, size=k)
labels = rng.integers(0, k, size=n)
x = centres[labels] + rng.normal(size=(n, d)) * spread[labels, None]
with open(out, "w") as f:
    f.write(",".join(f"x{i}" for i in range(d)) + ",label\n")
    for start in range(0, n, 50_000):
        block = x[start:start + 50_000]
        for row, lab in zip(block, labels[start:start + 50_000]):
            f.write(",".join(f"{v:.4f}" for v in row) + f",c{lab}\n")
