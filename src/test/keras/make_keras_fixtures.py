#!/usr/bin/python3
"""Writes small Keras HDF5 models (the layout Keras 2 `model.save("m.h5")` writes) and the outputs
they must give, as test fixtures for Latent Ledger's Keras import. No TensorFlow needed: weights
come from a seeded NumPy generator and the forward pass is computed here with NumPy.

Run from the repository root (Debian: apt-get install python3-h5py python3-numpy):
    /usr/bin/python3 src/test/keras/make_keras_fixtures.py
It rewrites src/test/resources/keras/*.h5 and expected.json.
"""
import json
import os

import h5py
import numpy as np

OUT = os.path.join("src", "test", "resources", "keras")
rng = np.random.default_rng(20261128)


def init(cls):
    return {"class_name": cls, "config": {"seed": None} if cls == "GlorotUniform" else {}}


def dense(name, units, activation, input_dim=None):
    cfg = {"name": name, "trainable": True, "dtype": "float32", "units": units, "activation": activation,
           "use_bias": True, "kernel_initializer": init("GlorotUniform"), "bias_initializer": init("Zeros"),
           "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
           "kernel_constraint": None, "bias_constraint": None}
    if input_dim is not None:
        cfg["batch_input_shape"] = [None, input_dim]
    return {"class_name": "Dense", "config": cfg}


def conv2d(name, filters, k, activation, input_shape=None):
    cfg = {"name": name, "trainable": True, "dtype": "float32", "filters": filters, "kernel_size": [k, k],
           "strides": [1, 1], "padding": "valid", "data_format": "channels_last", "dilation_rate": [1, 1],
           "activation": activation, "use_bias": True, "kernel_initializer": init("GlorotUniform"),
           "bias_initializer": init("Zeros"), "kernel_regularizer": None, "bias_regularizer": None,
           "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}
    if input_shape is not None:
        cfg["batch_input_shape"] = [None] + list(input_shape)
    return {"class_name": "Conv2D", "config": cfg}


def simple(cls, name, **cfg):
    c = {"name": name, "trainable": True, "dtype": "float32"}
    c.update(cfg)
    return {"class_name": cls, "config": c}


def relu(x):
    return np.maximum(x, 0)


def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


ACT = {"relu": relu, "tanh": np.tanh, "softmax": softmax, "linear": lambda x: x}


def write(path, model_config, weights):
    """weights: list of (layer name, [(weight name, array)]) in layer order, Keras 2 layout."""
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = "2.3.1"
        f.attrs["backend"] = "tensorflow"
        if model_config is not None:
            f.attrs["model_config"] = json.dumps(model_config)
        g = f.create_group("model_weights")
        g.attrs["keras_version"] = "2.3.1"
        g.attrs["backend"] = "tensorflow"
        g.attrs["layer_names"] = np.array([n.encode() for n, _ in weights], dtype="S")
        for layer, ws in weights:
            lg = g.create_group(layer)
            lg.attrs["weight_names"] = np.array([(layer + "/" + w).encode() for w, _ in ws], dtype="S")
            for w, a in ws:
                lg.create_dataset(layer + "/" + w, data=a.astype(np.float32))


def glorot(n_in, n_out, shape):
    limit = np.sqrt(6.0 / (n_in + n_out))
    return rng.uniform(-limit, limit, size=shape).astype(np.float32)


def bias(n):
    return rng.uniform(-0.1, 0.1, size=(n,)).astype(np.float32)


expected = {}

# 1. Sequential MLP: Dense, Dropout, Dense(tanh), Dense(softmax).
w1, b1 = glorot(10, 16, (10, 16)), bias(16)
w2, b2 = glorot(16, 8, (16, 8)), bias(8)
w3, b3 = glorot(8, 3, (8, 3)), bias(3)
layers = [dense("hidden", 16, "relu", input_dim=10), simple("Dropout", "dropout", rate=0.2, noise_shape=None, seed=None),
          dense("squash", 8, "tanh"), dense("out", 3, "softmax")]
write(os.path.join(OUT, "mlp.h5"), {"class_name": "Sequential", "config": {"name": "mlp", "layers": layers}},
      [("hidden", [("kernel:0", w1), ("bias:0", b1)]), ("dropout", []), ("squash", [("kernel:0", w2), ("bias:0", b2)]),
       ("out", [("kernel:0", w3), ("bias:0", b3)])])
x = rng.uniform(0, 1, size=(5, 10)).astype(np.float32)
y = softmax(np.tanh(relu(x @ w1 + b1) @ w2 + b2) @ w3 + b3)
expected["mlp.h5"] = {"inputs": x.tolist(), "outputs": y.tolist(), "hidden": relu(x @ w1 + b1).tolist()}

# 2. Sequential CNN, channels last: Conv2D 3x3x4, MaxPooling2D 2x2, Flatten, Dense, Dense(softmax).
kc, bc = glorot(9, 36, (3, 3, 1, 4)), bias(4)
wd, bd = glorot(36, 5, (36, 5)), bias(5)
wo, bo = glorot(5, 3, (5, 3)), bias(3)
layers = [conv2d("conv", 4, 3, "relu", input_shape=(8, 8, 1)),
          simple("MaxPooling2D", "pool", pool_size=[2, 2], padding="valid", strides=[2, 2], data_format="channels_last"),
          simple("Flatten", "flatten", data_format="channels_last"), dense("dense", 5, "relu"), dense("out", 3, "softmax")]
write(os.path.join(OUT, "cnn.h5"), {"class_name": "Sequential", "config": {"name": "cnn", "layers": layers}},
      [("conv", [("kernel:0", kc), ("bias:0", bc)]), ("pool", []), ("flatten", []),
       ("dense", [("kernel:0", wd), ("bias:0", bd)]), ("out", [("kernel:0", wo), ("bias:0", bo)])])
xi = rng.uniform(0, 1, size=(4, 8, 8, 1)).astype(np.float32)
conv = np.zeros((4, 6, 6, 4), dtype=np.float64)
for i in range(6):
    for j in range(6):
        patch = xi[:, i:i + 3, j:j + 3, :]  # n, 3, 3, 1
        conv[:, i, j, :] = np.tensordot(patch, kc, axes=([1, 2, 3], [0, 1, 2])) + bc
conv = relu(conv)
pool = conv.reshape(4, 3, 2, 3, 2, 4).max(axis=(2, 4))  # n, 3, 3, 4
flat = pool.reshape(4, -1)  # Keras flattens (row, column, channel)
y = softmax(relu(flat @ wd + bd) @ wo + bo)
expected["cnn.h5"] = {"inputs": xi.reshape(4, -1).tolist(), "outputs": y.tolist()}

# 3. Functional model with two branches: input -> trunk -> (left, right) -> concatenate -> out.
wt, bt = glorot(6, 8, (6, 8)), bias(8)
wl, bl = glorot(8, 4, (8, 4)), bias(4)
wr, br = glorot(8, 4, (8, 4)), bias(4)
wf, bf = glorot(8, 2, (8, 2)), bias(2)


def node(layer, *inbound):
    layer = dict(layer)
    layer["name"] = layer["config"]["name"]
    layer["inbound_nodes"] = [[[n, 0, 0, {}] for n in inbound]] if inbound else []
    return layer


layers = [node({"class_name": "InputLayer", "config": {"batch_input_shape": [None, 6], "dtype": "float32", "sparse": False,
                                                       "name": "features"}}),
          node(dense("trunk", 8, "relu"), "features"), node(dense("left", 4, "relu"), "trunk"),
          node(dense("right", 4, "tanh"), "trunk"), node(simple("Concatenate", "join", axis=-1), "left", "right"),
          node(dense("out", 2, "softmax"), "join")]
config = {"class_name": "Model", "config": {"name": "branches", "layers": layers, "input_layers": [["features", 0, 0]],
                                            "output_layers": [["out", 0, 0]]}}
write(os.path.join(OUT, "branches.h5"), config,
      [("features", []), ("trunk", [("kernel:0", wt), ("bias:0", bt)]), ("left", [("kernel:0", wl), ("bias:0", bl)]),
       ("right", [("kernel:0", wr), ("bias:0", br)]), ("join", []), ("out", [("kernel:0", wf), ("bias:0", bf)])])
x = rng.uniform(-1, 1, size=(5, 6)).astype(np.float32)
t = relu(x @ wt + bt)
j = np.concatenate([relu(t @ wl + bl), np.tanh(t @ wr + br)], axis=1)
expected["branches.h5"] = {"inputs": x.tolist(), "outputs": softmax(j @ wf + bf).tolist(), "join": j.tolist()}

# 4. A layer type we do not import (LSTM): the message must name it.
layers = [dense("embed", 4, "relu", input_dim=3), simple("LSTM", "memory", units=2)]
write(os.path.join(OUT, "unsupported-lstm.h5"), {"class_name": "Sequential", "config": {"name": "rnn", "layers": layers}},
      [("embed", [("kernel:0", glorot(3, 4, (3, 4))), ("bias:0", bias(4))]), ("memory", [])])

# 5. An HDF5 file that is not a Keras model (weights only, no model_config).
write(os.path.join(OUT, "weights-only.h5"), None, [("dense", [("kernel:0", glorot(2, 2, (2, 2)))])])

with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
print("wrote", sorted(os.listdir(OUT)))
