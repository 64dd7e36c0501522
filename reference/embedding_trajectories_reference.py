#!/usr/bin/env python3
"""Reference training trajectories for losscape's embedding losses, from PyTorch.

A tiny network in float64: x (2 features) → Linear(2, 6) → tanh → Linear(6, 2),
whose output is the embedding h (d = 2, linear). Cosine-head losses (normface,
cosface, arcface, circle, cosine_contrastive) add a cosine head: class vectors
W_c ∈ R^{K×2}, no bias, c = F.normalize(h)·F.normalize(W_c)ᵀ (eps 1e−12), and
the loss is taken on c. Pair losses (contrastive, triplet, supcon) take h. The
losses, at their default parameters, are the functions of
embedding_losses_reference.py (imported, so both fixtures share one definition).

Data: N = 24 points, K = 3 classes, label i mod 3; point i = 1.5·(cos 2πk/3,
sin 2πk/3) + N(0, 0.4²) noise, k its label. Initial weights: W1, W2, W_c
uniform in ±√(6/(fan_in + fan_out)) (Xavier), biases 0.1·N(0, 1). Data and
weights are drawn once (seeded numpy), rounded to float32, and shared by all
eight cases.

Training: 30 full-batch steps of plain SGD, θ ← θ − lr·∇L(θ), lr per loss
(LEARNING_RATE: 0.01 for normface, cosface, arcface and circle, 0.05 for
cosine_contrastive, 0.5 contrastive, 0.004 triplet, 0.2 supcon: the loss
falls visibly without saturating in the first steps). `losses` holds L(θ_0), …,
L(θ_30): the loss before each update and after the last; `final` is θ_30.
Weights are in torch.nn.Linear's layout [out, in].

Usage:  python3 reference/embedding_trajectories_reference.py [--out PATH]
"""

import argparse
import math
import pathlib
import sys

import numpy as np
import torch
import torch.nn.functional as F

import fixture_file

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import embedding_losses_reference as E  # noqa: E402  (the loss definitions)

torch.set_default_dtype(torch.float64)

REPO = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "Tests" / "LearningTests" / "Fixtures" / "embedding_trajectories.json"
SEED = 20250316
N, K, HIDDEN, DIM = 24, 3, 6, 2
STEPS = 30
RADIUS, NOISE = 1.5, 0.4
# Chosen so the loss falls visibly over the 30 steps without saturating in the first few
# (lr 0.05 takes the scaled cosine heads from ~40 to ~0.01 in 3 steps; the pair losses
# start small on these separable blobs: triplet at lr ≥ 0.02 reaches 0 by step 7).
LEARNING_RATE = {"normface": 0.01, "cosface": 0.01, "arcface": 0.01, "circle": 0.01,
                 "cosine_contrastive": 0.05, "contrastive": 0.5, "triplet": 0.004, "supcon": 0.2}
NAMES = ("W1", "b1", "W2", "b2", "Wc")
KINK_GAP = 1e-4  # every θ_k must be this far from a kink of the gradient (see make_case)
MODEL = "x(2) -> Linear(2,6) -> tanh -> Linear(6,2) = h; cosine head c = normalize(h) normalize(Wc)^T"


def f32(array):
    """Round to float32, then return a float64 tensor holding those values."""
    return E.f32(array)


def make_data(rng):
    """24 points in three Gaussian blobs around 1.5·(cos 2πk/3, sin 2πk/3); labels i mod 3."""
    y = np.arange(N) % K
    angle = 2 * math.pi * y / K
    centre = RADIUS * np.stack([np.cos(angle), np.sin(angle)], axis=1)
    x = centre + rng.normal(0.0, NOISE, size=(N, 2))
    return f32(x), torch.tensor(y, dtype=torch.int64)


def xavier(rng, fan_out, fan_in):
    """U(±√(6/(fan_in + fan_out))), shape [out, in]."""
    a = math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-a, a, size=(fan_out, fan_in))


def make_weights(rng):
    """Initial weights (float32 values) of the network and of the cosine head."""
    return {
        "W1": f32(xavier(rng, HIDDEN, 2)), "b1": f32(0.1 * rng.normal(size=HIDDEN)),
        "W2": f32(xavier(rng, DIM, HIDDEN)), "b2": f32(0.1 * rng.normal(size=DIM)),
        "Wc": f32(xavier(rng, K, DIM)),
    }


def embed(w, x):
    """h = W2·tanh(W1·x + b1) + b2."""
    return F.linear(torch.tanh(F.linear(x, w["W1"], w["b1"])), w["W2"], w["b2"])


def cosine_head(h, wc):
    """c = normalize(h)·normalize(W_c)ᵀ, eps 1e−12."""
    return F.normalize(h, dim=1, eps=E.NORMALIZE_EPS) @ F.normalize(wc, dim=1, eps=E.NORMALIZE_EPS).T


def loss_inputs(name, w, x):
    """What the loss sees: the cosines c (cosine head) or the embeddings h."""
    h = embed(w, x)
    return cosine_head(h, w["Wc"]) if E.head(name) == "cosine" else h


def loss(name, w, x, y):
    """The batch loss of the network with weights w on (x, y), default parameters."""
    return E.batch_loss(name, E.defaults(name), loss_inputs(name, w, x), y)


def kink_distance(name, w, x, y):
    """How far the loss inputs at weights w are from a kink of the gradient."""
    with torch.no_grad():
        return E.kink_distance(name, E.defaults(name), loss_inputs(name, w, x), y)


def train(name, init, x, y, lr, steps=STEPS, kinks=None):
    """Plain SGD; returns the losses at θ_0..θ_steps and θ_steps. With a list `kinks`,
    appends the distance from a kink of the gradient at each θ_k, k < steps."""
    keys = [k for k in NAMES if k != "Wc" or E.head(name) == "cosine"]
    w = {k: init[k].clone().requires_grad_(True) for k in keys}
    losses = []
    for _ in range(steps):
        value = loss(name, w, x, y)
        grads = torch.autograd.grad(value, [w[k] for k in keys])
        losses.append(float(value.detach()))
        if kinks is not None:
            kinks.append(kink_distance(name, w, x, y))
        with torch.no_grad():
            for k, g in zip(keys, grads):
                w[k] -= lr * g
    with torch.no_grad():
        losses.append(float(loss(name, w, x, y)))
    return losses, {k: w[k].detach() for k in keys}


def make_case(name, init, x, y):
    """One fixture entry."""
    lr = LEARNING_RATE[name]
    kinks = []
    losses, final = train(name, init, x, y, lr, kinks=kinks)
    if not all(math.isfinite(v) for v in losses):
        raise AssertionError(f"{name}: non-finite loss")
    if min(kinks) < KINK_GAP:
        raise AssertionError(f"{name}: the trajectory passes within {min(kinks):.2g} of a kink")
    print(f"  {name:>18}: lr {lr:g}, loss {losses[0]:.4g} -> {losses[-1]:.4g}, "
          f"closest kink {min(kinks):.2g}")
    layout = lambda w: {k: (w[k].tolist() if k in w else None) for k in NAMES}
    return {
        "id": f"{name}/{E.param_tag(E.defaults(name))}/lr={lr:g}",
        "loss": name, "head": E.head(name), "params": E.defaults(name), "lr": lr, "steps": STEPS,
        "x": x.tolist(), "labels": y.tolist(),
        "initial": layout({k: init[k] for k in NAMES if k != "Wc" or E.head(name) == "cosine"}),
        "losses": losses, "final": layout(final),
    }


# ---------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------

def self_check(init, x, y):
    """The cosine head is cos(angle(h) − angle(w_k)); one step of the loop equals
    torch.optim.SGD's; gradcheck of the whole network (normface, supcon)."""
    h = embed(init, x)
    ang = lambda v: torch.atan2(v[:, 1], v[:, 0])
    expect = torch.cos(ang(h)[:, None] - ang(init["Wc"])[None, :])
    E.assert_close(cosine_head(h, init["Wc"]), expect, "cosine head = cos of the angle difference")
    for name in ("normface", "triplet"):
        _, after = train(name, init, x, y, 0.1, steps=1)
        params = [init[k].clone().requires_grad_(True) for k in after]
        opt = torch.optim.SGD(params, lr=0.1, foreach=False)
        opt.zero_grad()
        loss(name, dict(zip(after, params)), x, y).backward()
        opt.step()
        for k, p in zip(after, params):
            E.assert_close(after[k], p.detach(), f"{name}: one step = torch.optim.SGD ({k})")
    for name in ("normface", "supcon"):
        keys = [k for k in NAMES if k != "Wc" or E.head(name) == "cosine"]
        params = tuple(init[k][:].clone().requires_grad_(True) for k in keys)
        fn = lambda *ps: loss(name, dict(zip(keys, ps)), x[:9], y[:9])
        if not torch.autograd.gradcheck(fn, params, eps=1e-6, atol=1e-6, rtol=1e-5):
            raise AssertionError(f"self-check failed: {name} network gradcheck")
    print("self-check passed")


def float32_check(cases):
    """Train in float32 from the same start and count the trajectories whose losses
    and final weights stay within the Swift tolerance (relative 1e−4, absolute 1e−6)."""
    ok = 0
    for c in cases:
        init = {k: torch.tensor(v, dtype=torch.float32) for k, v in c["initial"].items() if v is not None}
        x = torch.tensor(c["x"], dtype=torch.float32)
        losses, final = train(c["loss"], init, x, torch.tensor(c["labels"]), c["lr"])
        worst = max(abs(a - b) / (1e-6 + 1e-4 * abs(b)) for a, b in zip(losses, c["losses"]))
        for k, v in final.items():
            ref = torch.tensor(c["final"][k])
            worst = max(worst, float(((v.double() - ref).abs() / (1e-6 + 1e-4 * ref.abs())).max()))
        ok += worst <= 1
        print(f"  float32 {c['loss']:>18}: worst |diff| / tolerance = {worst:.3f}")
    print(f"float32 training within tolerance on {ok}/{len(cases)} cases")


def main():
    """Run the self-check, train every loss, write the fixture."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rng = np.random.default_rng(SEED)
    x, y = make_data(rng)
    init = make_weights(rng)
    self_check(init, x, y)
    cases = [make_case(name, init, x, y) for name in E.LOSSES]
    float32_check(cases)
    doc = {"generator": "reference/embedding_trajectories_reference.py", "torch": torch.__version__,
           "numpy": np.__version__, "model": MODEL, "cases": cases}
    shown = fixture_file.write(args.out, doc, REPO)
    print(f"wrote {shown}: {len(cases)} cases")


if __name__ == "__main__":
    main()
