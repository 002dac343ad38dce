#!/usr/bin/python3
"""Exports small seeded PyTorch models with the real PyTorch ONNX exporter, as test fixtures for
Latent Ledger's ONNX import, so the Java tests can check ONNX support without Python.

Run from the repository root (Debian 12: apt-get install python3-torch python3-onnx python3-numpy):
    /usr/bin/python3 src/test/python/export_onnx_fixtures.py
(`python3 ...` works too; if that python3 lacks torch, the script re-runs itself with /usr/bin/python3.)
It rewrites src/test/resources/onnx/NAME.onnx and NAME.json (plus external.onnx.data).

Each NAME.json holds:
  opset, producer ("pytorch <torch version>"), onnx_version, input_shape (one sample, no batch axis),
  output_shape, inputs (3 samples, each flattened), outputs (PyTorch's output per sample, flattened),
  ops (node op_types in graph order), nodes ([{name, op_type, inputs, outputs, attributes}]),
  initializers ({name: shape}), intermediates ({onnx tensor name: [flattened values per sample]}
  for every node output), intermediate_shapes ({onnx tensor name: shape of one sample}),
  intermediate_samples (how many samples the intermediates hold: 3, or 2 for cnn to stay under 300 KB),
  module_tensors ({PyTorch module name: the ONNX tensor equal to that module's output, or null if folded}).
onnx 1.12 has no onnx.reference, so the intermediates come from a small NumPy evaluator below
(run on the batch of 3); the script checks it against PyTorch's output and the module hooks.
Floats are written as the shortest decimal that reads back as the same float32.
"""
import json
import math
import os
import sys

try:
    import numpy as np
    import onnx
    import torch
    from onnx import numpy_helper
    from torch import nn
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
OUT = os.path.join(ROOT, "src", "test", "resources", "onnx")
OPSET = 13
SAMPLES = 3
SUPPORTED = {"Gemm", "MatMul", "Add", "Conv", "Relu", "LeakyRelu", "Sigmoid", "Tanh", "Softmax", "MaxPool",
             "AveragePool", "GlobalAveragePool", "BatchNormalization", "Flatten", "Reshape", "Concat", "Dropout"}


# ---------------------------------------------------------------- models

class Residual(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(32, 32)
        self.fc2 = nn.Linear(32, 32)
        self.head = nn.Linear(32, 5)

    def forward(self, x):
        h = torch.relu(self.fc1(x))
        y = torch.relu(self.fc2(h) + h)
        return self.head(y)


class Erf(nn.Module):
    def forward(self, x):
        return torch.erf(x)


def mlp():
    return nn.Sequential(nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10),
                         nn.Softmax(dim=1))


def cnn():
    # 28 -conv3 pad1-> 28 -maxpool2-> 14 -conv3-> 12 -avgpool2-> 6: 8*6*6 = 288
    return nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(4, 8, 3), nn.ReLU(),
                         nn.AvgPool2d(2), nn.Flatten(), nn.Linear(8 * 6 * 6, 10))


def batchnorm():
    m = nn.Sequential(nn.Conv2d(1, 3, 3), nn.BatchNorm2d(3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                      nn.Linear(3, 4))
    bn = m[1]
    with torch.no_grad():
        bn.running_mean.copy_(torch.tensor([0.5, -0.25, 0.1]))
        bn.running_var.copy_(torch.tensor([2.0, 0.5, 1.5]))
        bn.weight.copy_(torch.tensor([1.5, 0.8, -1.2]))
        bn.bias.copy_(torch.tensor([0.3, -0.2, 0.6]))
    return m


def unsupported():
    return nn.Sequential(nn.Linear(8, 8), Erf(), nn.Linear(8, 3))


# ---------------------------------------------------------------- NumPy evaluator of the ONNX graph

def attrs_of(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def pad_spatial(x, pads, value):
    n = x.ndim - 2
    width = [(0, 0), (0, 0)] + [(pads[i], pads[i + n]) for i in range(n)]
    return np.pad(x, width, constant_values=value)


def windows(x, kernel, strides, dilations):
    """x: (N, C, H, W) already padded -> (N, C, OH, OW, KH, KW)."""
    n, c, h, w = x.shape
    kh, kw = kernel
    oh = (h - dilations[0] * (kh - 1) - 1) // strides[0] + 1
    ow = (w - dilations[1] * (kw - 1) - 1) // strides[1] + 1
    out = np.empty((n, c, oh, ow, kh, kw), dtype=x.dtype)
    for i in range(kh):
        for j in range(kw):
            hi, wj = i * dilations[0], j * dilations[1]
            out[:, :, :, :, i, j] = x[:, :, hi:hi + strides[0] * (oh - 1) + 1:strides[0],
                                      wj:wj + strides[1] * (ow - 1) + 1:strides[1]]
    return out


def conv(x, w, b, a):
    assert a.get("group", 1) == 1 and x.ndim == 4
    k = list(w.shape[2:])
    pads = a.get("pads", [0] * 4)
    win = windows(pad_spatial(x, pads, 0.0), k, a.get("strides", [1, 1]), a.get("dilations", [1, 1]))
    y = np.einsum("ncyxij,ocij->noyx", win.astype(np.float64), w.astype(np.float64))
    if b is not None:
        y += b.reshape(1, -1, 1, 1)
    return y


def pool(x, a, kind):
    assert x.ndim == 4 and a.get("ceil_mode", 0) == 0 and a.get("auto_pad", b"NOTSET") in (b"NOTSET", "NOTSET")
    pads = a.get("pads", [0] * 4)
    k = a["kernel_shape"]
    strides = a.get("strides", [1, 1])
    dil = a.get("dilations", [1, 1])
    if kind == "max":
        return windows(pad_spatial(x, pads, -np.inf), k, strides, dil).max(axis=(4, 5))
    win = windows(pad_spatial(x.astype(np.float64), pads, 0.0), k, strides, dil).sum(axis=(4, 5))
    if a.get("count_include_pad", 0) or not any(pads):
        return win / (k[0] * k[1])
    ones = windows(pad_spatial(np.ones_like(x, dtype=np.float64), pads, 0.0), k, strides, dil).sum(axis=(4, 5))
    return win / ones


def run_node(node, v):
    a = attrs_of(node)
    ins = [v[i] if i else None for i in node.input]
    op = node.op_type
    x = ins[0] if ins else None
    if op == "Gemm":
        A = x.T if a.get("transA", 0) else x
        B = ins[1].T if a.get("transB", 0) else ins[1]
        y = a.get("alpha", 1.0) * (A.astype(np.float64) @ B.astype(np.float64))
        if len(ins) > 2 and ins[2] is not None:
            y = y + a.get("beta", 1.0) * ins[2]
        return [y]
    if op == "MatMul":
        return [x.astype(np.float64) @ ins[1].astype(np.float64)]
    if op == "Add":
        return [x + ins[1]]
    if op == "Sub":
        return [x - ins[1]]
    if op == "Mul":
        return [x * ins[1]]
    if op == "Div":
        return [x / ins[1]]
    if op == "Relu":
        return [np.maximum(x, 0)]
    if op == "Erf":
        return [np.vectorize(math.erf)(x.astype(np.float64))]
    if op == "Softmax":
        axis = a.get("axis", -1)
        e = np.exp(x.astype(np.float64) - x.max(axis=axis, keepdims=True))
        return [e / e.sum(axis=axis, keepdims=True)]
    if op == "Conv":
        return [conv(x, ins[1], ins[2] if len(ins) > 2 else None, a)]
    if op == "MaxPool":
        return [pool(x, a, "max")]
    if op == "AveragePool":
        return [pool(x, a, "avg")]
    if op == "GlobalAveragePool":
        return [x.astype(np.float64).mean(axis=tuple(range(2, x.ndim)), keepdims=True)]
    if op == "BatchNormalization":
        scale, bias, mean, var = ins[1:5]
        sh = (1, -1) + (1,) * (x.ndim - 2)
        eps = a.get("epsilon", 1e-5)
        y = (x.astype(np.float64) - mean.reshape(sh)) / np.sqrt(var.reshape(sh).astype(np.float64) + eps)
        return [y * scale.reshape(sh) + bias.reshape(sh)]
    if op == "Flatten":
        axis = a.get("axis", 1)
        return [x.reshape(int(np.prod(x.shape[:axis])), -1)]
    if op == "Reshape":
        shape = [x.shape[i] if s == 0 else s for i, s in enumerate(ins[1].tolist())]
        return [x.reshape(shape)]
    if op == "Pad":
        mode = a.get("mode", b"constant")
        assert mode in (b"constant", "constant"), mode
        pads = ins[1].tolist()
        value = ins[2].item() if len(ins) > 2 and ins[2] is not None else 0.0
        r = x.ndim
        return [np.pad(x, [(pads[i], pads[i + r]) for i in range(r)], constant_values=value)]
    if op == "Identity":
        return [x]
    if op == "Constant":
        return [numpy_helper.to_array(a["value"]) if "value" in a else np.array(a[next(iter(a))])]
    if op == "Shape":
        return [np.array(x.shape, dtype=np.int64)]
    if op == "Gather":
        return [np.take(x, ins[1], axis=a.get("axis", 0))]
    if op == "Unsqueeze":
        return [np.expand_dims(x, tuple(ins[1].tolist()))]
    if op == "Concat":
        return [np.concatenate(ins, axis=a["axis"])]
    raise NotImplementedError(op)


def evaluate(model, x):
    v = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    v[model.graph.input[0].name] = x
    order = []
    for node in model.graph.node:
        outs = run_node(node, v)
        for name, val in zip(node.output, outs):
            val = np.asarray(val)
            v[name] = val.astype(np.float32) if val.dtype.kind == "f" else val
            order.append(name)
    return v, order


# ---------------------------------------------------------------- writing

def f32(values):
    """Flattened list of Python floats whose repr is the shortest decimal that reads back as the same float32."""
    return [float(str(np.float32(t))) for t in np.asarray(values, dtype=np.float32).ravel()]


def per_sample(arr):
    return [f32(arr[i]) for i in range(arr.shape[0])]


def describe(model):
    nodes, ops = [], []
    for n in model.graph.node:
        at = {}
        for k, val in attrs_of(n).items():
            if isinstance(val, bytes):
                val = val.decode()
            elif isinstance(val, onnx.TensorProto):
                arr = numpy_helper.to_array(val)
                val = {"tensor": arr.tolist(), "dtype": str(arr.dtype), "dims": list(arr.shape)}
            elif isinstance(val, (list, tuple)):
                val = [t.decode() if isinstance(t, bytes) else t for t in val]
            at[k] = val
        nodes.append({"name": n.name, "op_type": n.op_type, "inputs": list(n.input), "outputs": list(n.output),
                      "attributes": at})
        ops.append(n.op_type)
    inits = {t.name: list(t.dims) for t in model.graph.initializer}
    return nodes, ops, inits


def export(name, module, input_shape, seed, rand=torch.randn, intermediate_samples=SAMPLES, **export_kw):
    torch.manual_seed(seed)
    module = module()
    module.eval()
    x = rand(SAMPLES, *input_shape)
    hooked = {}
    handles = [m.register_forward_hook(lambda mod, i, o, key=k: hooked.__setitem__(key, o.detach().numpy()))
               for k, m in module.named_modules() if k]
    with torch.no_grad():
        y = module(x).numpy()
    for h in handles:
        h.remove()

    path = os.path.join(OUT, name + ".onnx")
    kw = dict(do_constant_folding=False, training=torch.onnx.TrainingMode.EVAL)
    kw.update(export_kw)
    torch.onnx.export(module, x, path, opset_version=OPSET, input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}}, **kw)
    model = onnx.load(path)
    onnx.checker.check_model(model)
    if name == "external":
        data = os.path.join(OUT, "external.onnx.data")
        if os.path.exists(data):
            os.remove(data)
        onnx.save_model(model, path, save_as_external_data=True, all_tensors_to_one_file=True,
                        location="external.onnx.data", size_threshold=0)
        model = onnx.load(path)  # loads the external data back from beside it
        onnx.checker.check_model(path)

    values, order = evaluate(model, x.numpy())
    out_name = model.graph.output[0].name
    assert np.allclose(values[out_name], y, rtol=1e-4, atol=1e-5), (name, np.abs(values[out_name] - y).max())
    # every module's PyTorch output should be some node's output in the ONNX graph (unless folded away)
    module_tensors = {}
    for k, act in hooked.items():
        hit = [t for t in order if values[t].shape == act.shape and np.allclose(values[t], act, rtol=1e-4, atol=1e-5)]
        module_tensors[k] = hit[0] if hit else None
        print(f"  module {k!r:12} {type(dict(module.named_modules())[k]).__name__:18} -> {hit or 'NO MATCHING ONNX TENSOR'}")

    nodes, ops, inits = describe(model)
    inter, shapes, extra = {}, {}, {}
    for t in order:
        val = values[t]
        if val.dtype.kind == "f" and val.ndim >= 1 and val.shape[0] == SAMPLES:
            inter[t] = per_sample(val[:intermediate_samples])
            shapes[t] = list(val.shape[1:])
        else:  # not batched (Constant, Shape, ...): recorded once
            extra[t] = {"dtype": str(val.dtype), "shape": list(val.shape), "values": val.ravel().tolist()}
    doc = {
        "model": name,
        "opset": model.opset_import[0].version,
        "producer": f"{model.producer_name} {model.producer_version}",
        "torch_version": torch.__version__,
        "onnx_version": onnx.__version__,
        "input_name": model.graph.input[0].name,
        "output_name": out_name,
        "input_shape": list(input_shape),
        "output_shape": list(y.shape[1:]),
        "inputs": per_sample(x.numpy()),
        "outputs": per_sample(y),
        "ops": ops,
        "unsupported_ops": sorted({o for o in ops if o not in SUPPORTED}),
        "nodes": nodes,
        "initializers": inits,
        "intermediate_samples": intermediate_samples,
        "intermediates": inter,
        "intermediate_shapes": shapes,
        "module_tensors": module_tensors,
    }
    if extra:
        doc["unbatched_values"] = extra
    if export_kw:
        doc["export_options"] = {k: str(v) for k, v in export_kw.items()}
    if name == "external":
        doc["external_data"] = "external.onnx.data"
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(f"{name}: {ops}")


def main():
    os.makedirs(OUT, exist_ok=True)
    print(f"torch {torch.__version__}, onnx {onnx.__version__}, numpy {np.__version__}")
    export("mlp", mlp, [784], seed=1, rand=torch.rand)
    # 28x28 like MNIST; its intermediates for all 3 samples would pass 300 KB, so they hold the first 2
    export("cnn", cnn, [1, 28, 28], seed=2, rand=torch.rand, intermediate_samples=2)
    export("residual", Residual, [32], seed=3)
    # With training=EVAL, torch 1.13 fuses Conv+BatchNormalization into one Conv even with
    # do_constant_folding=False (its eval peephole pass); PRESERVE on a model in eval mode keeps the
    # BatchNormalization node (running statistics). batchnorm_folded is the same model exported with EVAL.
    export("batchnorm", batchnorm, [1, 12, 12], seed=4, training=torch.onnx.TrainingMode.PRESERVE)
    export("batchnorm_folded", batchnorm, [1, 12, 12], seed=4)
    export("external", mlp, [784], seed=1, rand=torch.rand)
    export("unsupported", unsupported, [8], seed=6)


if __name__ == "__main__":
    main()
