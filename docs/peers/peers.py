#!/usr/bin/python3
"""One peer run for run-peers.sh: scikit-learn t-SNE or umap-learn UMAP on an exported input.

usage: peers.py IMPL METHOD SET WORKDIR   (IMPL: sklearn | umap-learn)
Reads WORKDIR/inputs/SET.f32 (+ .json), writes WORKDIR/runs/SET__IMPL__METHOD.csv (x,y) and .json
(wall_seconds, cpu_seconds of the fit alone, as the peer is normally used: its own defaults but
for the seed and one thread).
"""
import json
import sys
import time

import numpy as np

impl, method, name, work = sys.argv[1:5]
meta = json.load(open(f"{work}/inputs/{name}.json"))
X = np.fromfile(f"{work}/inputs/{name}.f32", dtype="<f4").reshape(meta["n"], meta["d"])

if impl == "sklearn" and method == "tsne":
    import sklearn
    from sklearn.manifold import TSNE
    version = sklearn.__version__
    model = TSNE(n_components=2, perplexity=30.0, n_iter=1000, angle=0.5, init="pca", learning_rate="auto",
                 method="barnes_hut", random_state=42, n_jobs=1)
elif impl == "umap-learn" and method == "umap":
    import umap
    version = umap.__version__ if hasattr(umap, "__version__") else "0.5"
    # "Warm": numba compiles its kernels on the first fit of a process, and which kernels depends
    # on the data's size (nearest-neighbour descent only above 4,096 points), so the same fit runs
    # once untimed first, as STACK.md's figure did.
    umap.UMAP(n_neighbors=15, min_dist=0.1, random_state=42).fit_transform(X)
    model = umap.UMAP(n_neighbors=15, min_dist=0.1, random_state=42)
else:
    sys.exit(f"unknown peer {impl} {method}")

c0 = time.process_time()
t0 = time.perf_counter()
Y = model.fit_transform(X)
wall = time.perf_counter() - t0
cpu = time.process_time() - c0

base = f"{work}/runs/{name}__{impl}__{method}"
np.savetxt(base + ".csv", Y[:, :2], delimiter=",", header="x,y", comments="", fmt="%.6g")
json.dump({"wall_seconds": wall, "cpu_seconds": cpu, "threads": 1, "version": version}, open(base + ".json", "w"))
print(f"{impl} {method} {name}: {wall:.2f} s wall, {cpu:.2f} s CPU")
