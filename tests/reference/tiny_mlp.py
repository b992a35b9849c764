#!/usr/bin/python3
"""An independent reference for MLP Lab's core: a small NumPy MLP, written from
the textbook formulas and sharing no code with the core, trains the same tiny
network (5-7-4-3, tanh then ReLU, softmax cross-entropy) from the core's own
initial weights on the core's own batches, with SGD and with Adam (PyTorch's
formulas), in float64. Its per-step losses and final weights become the fixture
tests/native/test_reference.cpp holds the core to (relative error <= 1e-5).

Regenerate (only when the set-up in core/cli/reference_input.hpp changes):

    sh scripts/build-native.sh
    build/native/mlp-cli reference-input | /usr/bin/python3 tests/reference/tiny_mlp.py > tests/reference/tiny_mlp.json

Needs NumPy (Debian: apt-get install python3-numpy, then /usr/bin/python3);
npm test does not run this script, it only reads the committed fixture.
"""
import json
import sys

import numpy as np


def unpack(flat, inputs, layers):
    """W_l (fan_in x units, row-major) then b_l for each layer, as the core lays them out."""
    out, at, fan_in = [], 0, inputs
    for units in layers:
        w = flat[at:at + fan_in * units].reshape(fan_in, units)
        at += fan_in * units
        b = flat[at:at + units]
        at += units
        out.append((w, b))
        fan_in = units
    assert at == flat.size
    return out


def activate(name, z):
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "identity":
        return z
    raise ValueError(name)


def derivative(name, z):
    if name == "tanh":
        return 1.0 - np.tanh(z) ** 2
    if name == "relu":
        return (z > 0.0).astype(np.float64)
    if name == "identity":
        return np.ones_like(z)
    raise ValueError(name)


def loss_and_gradient(flat, net, x, y):
    """Mean softmax cross-entropy of the logits and its gradient in the flat layout."""
    units = [l["units"] for l in net["layers"]]
    acts = [l["activation"] for l in net["layers"]]
    params = unpack(flat, net["inputs"], units)
    a, zs, inputs = x, [], []
    for (w, b), act in zip(params, acts):
        inputs.append(a)
        z = a @ w + b
        zs.append(z)
        a = activate(act, z)
    logits = a
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(shifted).sum(axis=1))
    rows = np.arange(len(y))
    loss = np.mean(log_sum - shifted[rows, y])
    probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    onehot = np.zeros_like(probs)
    onehot[rows, y] = 1.0
    delta = (probs - onehot) / len(y)  # dL/dlogits
    grads = [None] * len(params)
    for l in reversed(range(len(params))):
        dz = delta * derivative(acts[l], zs[l])
        grads[l] = (inputs[l].T @ dz, dz.sum(axis=0))
        delta = dz @ params[l][0].T
    return loss, np.concatenate([np.concatenate([gw.ravel(), gb]) for gw, gb in grads])


def train(setup, run):
    net, data = setup["network"], setup["data"]
    x = np.array(data["x"], dtype=np.float64).reshape(data["rows"], data["features"])
    y = np.array(data["labels"], dtype=np.int64)
    p = np.array(setup["initial_params"], dtype=np.float64)
    lr = run["learning_rate"]
    m, v = np.zeros_like(p), np.zeros_like(p)
    losses = []
    for t, batch in enumerate(setup["batches"], start=1):
        loss, g = loss_and_gradient(p, net, x[batch], y[batch])
        losses.append(float(loss))
        if run["optimizer"] == "sgd":
            p = p - lr * g
        elif run["optimizer"] == "adam":  # torch.optim.Adam, 2.x
            b1, b2, eps = run["beta1"], run["beta2"], run["epsilon"]
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            p = p - lr / (1 - b1 ** t) * m / (np.sqrt(v) / np.sqrt(1 - b2 ** t) + eps)
        else:
            raise ValueError(run["optimizer"])
    return losses, p


def main():
    setup = json.load(sys.stdin)
    assert setup["network"]["loss"] == "softmax_cross_entropy"
    assert len(setup["batches"]) == setup["steps"]
    for run in setup["runs"]:
        losses, final = train(setup, run)
        run["losses"] = losses
        run["final_params"] = final.tolist()
    setup["generated_by"] = "tests/reference/tiny_mlp.py (NumPy %s) from mlp-cli reference-input" % np.__version__
    # One top-level key per line, so a regenerated fixture diffs readably.
    lines = ["%s:%s" % (json.dumps(k), json.dumps(v, separators=(",", ":"))) for k, v in setup.items()]
    sys.stdout.write("{\n" + ",\n".join(lines) + "\n}\n")


if __name__ == "__main__":
    main()
