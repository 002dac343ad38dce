#!/usr/bin/python3
"""Writes small seeded Keras 3 `.keras` files as test fixtures for Latent Ledger's Keras 3 reader.

Keras 3 (and TensorFlow) cannot be installed on the build machine (Debian 12 packages neither, and
only Maven Central, Debian and npm are reachable), so this script writes the files itself, in the
layout Keras 3's saving_lib writes (checked against .keras files saved by Keras 3.4.1 and 3.10.0):

  NAME.keras, a zip of
    metadata.json     {"keras_version": ..., "date_saved": ...}
    config.json       the model's serialised config: every object with module/class_name/config/
                      registered_name, dtypes as DTypePolicy objects, build_config per layer,
                      functional inbound nodes as {"args": [...__keras_tensor__...], "kwargs": {}}
    model.weights.h5  layers/<snake_case(class) made unique in layer order>/vars/<0, 1, ...>,
                      each vars group with a "name" attribute (Keras >= 3.9 writes it), an empty
                      top-level vars group, and an optimizer group as a trained model has

The expected outputs come from a NumPy forward pass below (channels-last convolution, Keras'
Flatten order, inference-mode BatchNormalization and Dropout) and are written to expected.json.

Run from the repository root (Debian 12: apt-get install python3-h5py python3-numpy):
    /usr/bin/python3 src/test/python/write_keras3_fixtures.py
"""
import io
import json
import os
import sys
import zipfile

try:
    import h5py
    import numpy as np
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
OUT = os.path.join(ROOT, "src", "test", "resources", "keras3")
KERAS_VERSION = "3.10.0"
RNG = np.random.default_rng(20261202)


def dtype_policy():
    return {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": None}


def initializer(name):
    return {"module": "keras.initializers", "class_name": name, "config": {"seed": None} if name != "Zeros" else {},
            "registered_name": None}


def layer(cls, name, input_shape=None, **config):
    c = {"name": name, "trainable": True, "dtype": dtype_policy()}
    c.update(config)
    out = {"module": "keras.layers", "class_name": cls, "config": c, "registered_name": None}
    if input_shape is not None:
        out["build_config"] = {"input_shape": input_shape}
    return out


def dense(name, units, activation, input_shape):
    return layer("Dense", name, input_shape, units=units, activation=activation, use_bias=True,
                 kernel_initializer=initializer("GlorotUniform"), bias_initializer=initializer("Zeros"),
                 kernel_regularizer=None, bias_regularizer=None, kernel_constraint=None, bias_constraint=None)


def input_layer(name, shape):
    return {"module": "keras.layers", "class_name": "InputLayer",
            "config": {"batch_shape": [None] + list(shape), "dtype": "float32", "sparse": False, "ragged": False, "name": name},
            "registered_name": None}


def tensor(layer_name, shape):
    return {"class_name": "__keras_tensor__",
            "config": {"shape": [None] + list(shape), "dtype": "float32", "keras_history": [layer_name, 0, 0]}}


def node(*tensors, as_list=False):
    args = [list(tensors)] if as_list else list(tensors)
    return {"args": args, "kwargs": {}}


def sequential(name, layers, input_shape):
    return {"module": "keras", "class_name": "Sequential",
            "config": {"name": name, "trainable": True, "dtype": dtype_policy(), "layers": layers},
            "registered_name": None, "build_config": {"input_shape": [None] + list(input_shape)},
            "compile_config": {"optimizer": "adam", "loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"]}}


def functional(name, layers, inputs, outputs):
    return {"module": "keras.src.models.functional", "class_name": "Functional",
            "config": {"name": name, "trainable": True, "layers": layers, "input_layers": inputs, "output_layers": outputs},
            "registered_name": "Functional", "build_config": {"input_shape": None}}


def snake_case(cls):
    import re
    s = re.sub(r"\W+", "", cls)
    s = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", s)
    return re.sub("([a-z])([A-Z])", r"\1_\2", s).lower()


def write(name, config, variables, skip_input_layer):
    """variables: one list of arrays per layer in config order (empty for layers without any)."""
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        f.create_group("vars").attrs["name"] = config["config"]["name"]
        used = {}
        group = f.create_group("layers")
        for spec, arrays in zip(config["config"]["layers"], variables):
            if skip_input_layer and spec["class_name"] == "InputLayer":
                continue
            base = snake_case(spec["class_name"])
            if base in used:
                used[base] += 1
                path = "%s_%d" % (base, used[base])
            else:
                used[base] = 0
                path = base
            v = group.create_group(path).create_group("vars")
            v.attrs["name"] = spec["config"]["name"]
            for i, a in enumerate(arrays):
                v.create_dataset(str(i), data=a.astype(np.float32))
        opt = f.create_group("optimizer").create_group("vars")
        opt.attrs["name"] = "adam"
        opt.create_dataset("0", data=np.int64(100))
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_STORED) as z:
        z.writestr("metadata.json", json.dumps({"keras_version": KERAS_VERSION, "date_saved": "2026-12-02@12:00:00"}))
        z.writestr("config.json", json.dumps(config))
        z.writestr("model.weights.h5", buffer.getvalue())


def relu(x):
    return np.maximum(x, 0)


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def weights(*shape):
    return (RNG.standard_normal(shape) * 0.5).astype(np.float32)


def conv2d_valid(x, kernel, bias):
    """x: (n, h, w, c) channels last; kernel (kh, kw, c, f) as Keras stores it."""
    n, h, w, _ = x.shape
    kh, kw, _, f = kernel.shape
    out = np.zeros((n, h - kh + 1, w - kw + 1, f), dtype=np.float64)
    for i in range(h - kh + 1):
        for j in range(w - kw + 1):
            out[:, i, j, :] = np.tensordot(x[:, i:i + kh, j:j + kw, :], kernel, axes=([1, 2, 3], [0, 1, 2]))
    return out + bias


def maxpool2(x):
    n, h, w, c = x.shape
    return x[:, :h // 2 * 2, :w // 2 * 2, :].reshape(n, h // 2, 2, w // 2, 2, c).max(axis=(2, 4))


def main():
    os.makedirs(OUT, exist_ok=True)
    expected = {}

    # A Sequential MLP with Dropout and BatchNormalization (its four variables in Keras' order).
    w1, b1 = weights(10, 16), weights(16)
    gamma, beta, mean, var = (1 + weights(16) * 0.2), weights(16) * 0.1, weights(16) * 0.3, (0.5 + np.abs(weights(16)))
    w2, b2 = weights(16, 8), weights(8)
    w3, b3 = weights(8, 3), weights(3)
    layers = [input_layer("features", [10]), dense("hidden", 16, "relu", [None, 10]),
              layer("BatchNormalization", "norm", [None, 16], axis=-1, momentum=0.99, epsilon=0.001, center=True, scale=True,
                    beta_initializer=initializer("Zeros"), gamma_initializer=initializer("Ones"),
                    moving_mean_initializer=initializer("Zeros"), moving_variance_initializer=initializer("Ones"),
                    beta_regularizer=None, gamma_regularizer=None, beta_constraint=None, gamma_constraint=None, synchronized=False),
              layer("Dropout", "dropout", [None, 16], rate=0.2, seed=None, noise_shape=None),
              dense("squash", 8, "tanh", [None, 16]), dense("out", 3, "softmax", [None, 8])]
    write("mlp.keras", sequential("mlp", layers, [10]),
          [[], [w1, b1], [gamma, beta, mean, var], [], [w2, b2], [w3, b3]], skip_input_layer=True)
    x = RNG.standard_normal((4, 10)).astype(np.float32)
    h = relu(x @ w1 + b1)
    n = (h - mean) / np.sqrt(var + 0.001) * gamma + beta
    y = softmax(np.tanh(n @ w2 + b2) @ w3 + b3)
    expected["mlp.keras"] = {"inputs": x.tolist(), "outputs": y.tolist(), "hidden": h.tolist(), "norm": n.tolist()}

    # A channels-last Sequential CNN: Conv2D, MaxPooling2D, Flatten (Keras flattens h, w, c), Dense.
    k, kb = weights(3, 3, 1, 4), weights(4)
    wd, bd = weights(3 * 3 * 4, 3), weights(3)
    layers = [input_layer("image", [8, 8, 1]),
              layer("Conv2D", "conv", [None, 8, 8, 1], filters=4, kernel_size=[3, 3], strides=[1, 1], padding="valid",
                    data_format="channels_last", dilation_rate=[1, 1], groups=1, activation="relu", use_bias=True,
                    kernel_initializer=initializer("GlorotUniform"), bias_initializer=initializer("Zeros"),
                    kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                    bias_constraint=None),
              layer("MaxPooling2D", "pool", [None, 6, 6, 4], pool_size=[2, 2], padding="valid", strides=[2, 2],
                    data_format="channels_last"),
              layer("Flatten", "flatten", [None, 3, 3, 4], data_format="channels_last"),
              dense("out", 3, "softmax", [None, 36])]
    write("cnn.keras", sequential("cnn", layers, [8, 8, 1]), [[], [k, kb], [], [], [wd, bd]], skip_input_layer=True)
    x = RNG.random((3, 8, 8, 1)).astype(np.float32)
    c = relu(conv2d_valid(x.astype(np.float64), k, kb))
    y = softmax(maxpool2(c).reshape(3, -1) @ wd + bd)
    expected["cnn.keras"] = {"inputs": x.reshape(3, -1).tolist(), "outputs": y.tolist()}

    # A functional model: a trunk, two branches, joined by Concatenate and by a residual Add.
    wt, bt = weights(6, 8), weights(8)
    wl, bl = weights(8, 4), weights(4)
    wr, br = weights(8, 4), weights(4)
    wo, bo = weights(8, 2), weights(2)
    layers = [dict(input_layer("features", [6]), name="features", inbound_nodes=[]),
              dict(dense("trunk", 8, "relu", [None, 6]), name="trunk", inbound_nodes=[node(tensor("features", [6]))]),
              dict(dense("left", 4, "relu", [None, 8]), name="left", inbound_nodes=[node(tensor("trunk", [8]))]),
              dict(dense("right", 4, "tanh", [None, 8]), name="right", inbound_nodes=[node(tensor("trunk", [8]))]),
              dict(layer("Concatenate", "join", [[None, 4], [None, 4]], axis=-1), name="join",
                   inbound_nodes=[node(tensor("left", [4]), tensor("right", [4]), as_list=True)]),
              dict(layer("Add", "skip", [[None, 8], [None, 8]]), name="skip",
                   inbound_nodes=[node(tensor("join", [8]), tensor("trunk", [8]), as_list=True)]),
              dict(dense("out", 2, "softmax", [None, 8]), name="out", inbound_nodes=[node(tensor("skip", [8]))])]
    write("branches.keras", functional("branches", layers, [["features", 0, 0]], [["out", 0, 0]]),
          [[], [wt, bt], [wl, bl], [wr, br], [], [], [wo, bo]], skip_input_layer=False)
    x = RNG.standard_normal((4, 6)).astype(np.float32)
    t = relu(x @ wt + bt)
    j = np.concatenate([relu(t @ wl + bl), np.tanh(t @ wr + br)], axis=1)
    y = softmax((j + t) @ wo + bo)
    expected["branches.keras"] = {"inputs": x.tolist(), "outputs": y.tolist(), "join": j.tolist()}

    # A layer we do not read: the message must name it and the format.
    layers = [input_layer("tokens", [5, 3]),
              layer("LSTM", "memory", [None, 5, 3], units=4, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                    return_sequences=False),
              dense("out", 2, "softmax", [None, 4])]
    write("unsupported-lstm.keras", sequential("recurrent", layers, [5, 3]),
          [[], [weights(3, 16), weights(4, 16), weights(16)], [weights(4, 2), weights(2)]], skip_input_layer=True)

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f)
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
