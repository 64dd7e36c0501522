#!/usr/bin/env python3
"""Reference trajectories for losscape's optimizers (issue 2, section 4), from PyTorch.

Objective (float64): θ = all parameter tensors flattened in order and
concatenated; L(θ) = Σ_i [0.5·c_i·(θ_i − t_i)² + 0.05·θ_i⁴].

Optimizers are torch.optim's own classes (SGD, SGD with momentum, SGD with
Nesterov momentum, Adagrad, RMSprop, Adam, AdamW) with losscape's defaults;
SAM has no torch class and is written here:

    g   = ∇L(θ) + wd·θ            (wd·θ only when the base is not adamw)
    ε̂   = ρ·g / (‖g‖₂ + 1e−12)    (norm over all parameters together)
    g2  = ∇L(θ + ε̂)               (data objective only)
    base optimizer steps at θ with g2 (adding its own weight decay, as torch does)

Learning rate at update t (0-based): lr_t = lr · w(t) · s(t),
    w(t) = min(1, (t+1)/warmup) if warmup > 0 else 1,
    s(t) = 1 | gamma^floor(t/step_size) | 0.5·(1 + cos(π·min(t, T)/T)), T = steps.
It is set in param_group['lr'] before each step (no torch schedulers).

Gradient clipping (clip > 0): g ← g·min(1, clip/(‖g‖₂ + 1e−6)) over all
parameters (torch.nn.utils.clip_grad_norm_), applied to the gradient handed to
the optimizer (for SAM: to g2), before the optimizer adds weight decay.

Usage:  python3 reference/optimizers_reference.py [--out PATH]
"""

import argparse
import math
import pathlib

import numpy as np
import torch

import fixture_file

torch.set_default_dtype(torch.float64)

REPO = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "Tests" / "LearningTests" / "Fixtures" / "optimizers.json"
SEED = 20250302
SHAPES = ([3, 2], [3], [1, 3])
STEPS = 8

# Defaults of every field written to a case (losscape's defaults, torch's rules).
DEFAULTS = {
    "learning_rate": 0.05, "weight_decay": 0.0, "momentum": 0.9, "beta1": 0.9, "beta2": 0.999,
    "eps": 1e-8, "alpha": 0.99, "rho": 0.05, "base": "sgd", "schedule": "constant",
    "step_size": 3, "gamma": 0.5, "warmup": 0, "clip": 0.0, "steps": STEPS,
}
LEARNING_RATE = {"sgd": 0.1, "momentum": 0.05, "nesterov": 0.05, "adagrad": 0.1,
                 "rmsprop": 0.01, "adam": 0.05, "adamw": 0.05}
OPTIMIZERS = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "sam")


def f32(array):
    """Round to float32, then return a float64 tensor holding those values."""
    return torch.tensor(np.asarray(array, dtype=np.float32).astype(np.float64))


def objective(params, c, t):
    """L(θ) = Σ_i [0.5·c_i·(θ_i − t_i)² + 0.05·θ_i⁴] over the concatenated parameters."""
    theta = torch.cat([p.reshape(-1) for p in params])
    return (0.5 * c * (theta - t) ** 2 + 0.05 * theta ** 4).sum()


def gradients(params, c, t):
    """∇L at the current parameters, one tensor per parameter."""
    return list(torch.autograd.grad(objective(params, c, t), params))


def global_norm(tensors):
    """‖·‖₂ over all tensors together."""
    return torch.sqrt(sum((g * g).sum() for g in tensors))


def learning_rate(case, t):
    """lr_t = lr · w(t) · s(t) (warmup times schedule), t the 0-based update index."""
    w = min(1.0, (t + 1) / case["warmup"]) if case["warmup"] > 0 else 1.0
    if case["schedule"] == "constant":
        s = 1.0
    elif case["schedule"] == "step":
        s = case["gamma"] ** (t // case["step_size"])
    elif case["schedule"] == "cosine":
        total = case["steps"]
        s = 0.5 * (1 + math.cos(math.pi * min(t, total) / total))
    else:
        raise ValueError(case["schedule"])
    return case["learning_rate"] * w * s


def make_optimizer(name, params, case):
    """The torch.optim instance for one optimizer name with the case's settings."""
    lr, wd = case["learning_rate"], case["weight_decay"]
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, weight_decay=wd, foreach=False)
    if name in ("momentum", "nesterov"):
        return torch.optim.SGD(params, lr=lr, momentum=case["momentum"], dampening=0,
                               nesterov=name == "nesterov", weight_decay=wd, foreach=False)
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, eps=case["eps"], weight_decay=wd, foreach=False)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=case["alpha"], eps=case["eps"],
                                   weight_decay=wd, foreach=False)
    if name in ("adam", "adamw"):
        cls = torch.optim.Adam if name == "adam" else torch.optim.AdamW
        return cls(params, lr=lr, betas=(case["beta1"], case["beta2"]), eps=case["eps"],
                   weight_decay=wd, foreach=False)
    raise ValueError(name)


def sam_gradient(params, case, c, t):
    """g2 = ∇L(θ + ε̂), ε̂ = ρ·g/(‖g‖₂ + 1e−12), g = ∇L(θ) (+ wd·θ unless base is adamw)."""
    g = gradients(params, c, t)
    if case["base"] != "adamw":
        g = [gi + case["weight_decay"] * p.detach() for gi, p in zip(g, params)]
    scale = case["rho"] / (global_norm(g) + 1e-12)
    saved = [p.detach().clone() for p in params]
    with torch.no_grad():
        for p, gi in zip(params, g):
            p.add_(gi * scale)
    g2 = gradients(params, c, t)
    with torch.no_grad():
        for p, s in zip(params, saved):
            p.copy_(s)
    return g2


def run(case):
    """Trajectory (flat θ after each update) and the learning rates used."""
    c, t = torch.tensor(case["c"]), torch.tensor(case["t"])
    params = [torch.tensor(item["data"]).reshape(item["shape"]).requires_grad_(True)
              for item in case["init"]]
    base = case["base"] if case["optimizer"] == "sam" else case["optimizer"]
    opt = make_optimizer(base, params, case)
    lrs, trajectory = [], []
    for step in range(case["steps"]):
        lr = learning_rate(case, step)
        for group in opt.param_groups:
            group["lr"] = lr
        if case["optimizer"] == "sam":
            grads = sam_gradient(params, case, c, t)
        else:
            grads = gradients(params, c, t)
        for p, g in zip(params, grads):
            p.grad = g
        if case["clip"] > 0:
            torch.nn.utils.clip_grad_norm_(params, case["clip"])
        opt.step()
        lrs.append(lr)
        trajectory.append(torch.cat([p.detach().reshape(-1) for p in params]).tolist())
    return lrs, trajectory


def problem(rng):
    """c_i ∈ [0.5, 3], t_i ∈ [−1, 1], initial tensors ~ N(0, 0.8²), all float32-rounded."""
    n = sum(int(np.prod(s)) for s in SHAPES)
    init = [{"shape": list(s), "data": f32(rng.normal(0, 0.8, size=int(np.prod(s)))).tolist()}
            for s in SHAPES]
    return f32(rng.uniform(0.5, 3.0, size=n)).tolist(), f32(rng.uniform(-1, 1, size=n)).tolist(), init


def case_settings():
    """(id, overrides) for every case."""
    out = []
    for name in OPTIMIZERS:
        base = {"optimizer": name}
        if name == "adamw":
            base["weight_decay"] = 0.01
        out.append((name, base))
        out.append((f"{name}/wd=0.1", {**base, "weight_decay": 0.1}))
    for base_opt in ("momentum", "nesterov", "adam", "adamw", "rmsprop"):
        wd = 0.01 if base_opt == "adamw" else 0.0
        out.append((f"sam/base={base_opt}", {"optimizer": "sam", "base": base_opt, "weight_decay": wd}))
    for base_opt in ("momentum", "adam", "adamw"):
        out.append((f"sam/base={base_opt}/wd=0.1",
                    {"optimizer": "sam", "base": base_opt, "weight_decay": 0.1}))
    out.append(("sam/rho=0.2", {"optimizer": "sam", "rho": 0.2}))
    for name in ("sgd", "adam"):
        out.append((f"{name}/schedule=step", {"optimizer": name, "schedule": "step"}))
        out.append((f"{name}/schedule=cosine", {"optimizer": name, "schedule": "cosine"}))
        out.append((f"{name}/warmup=3", {"optimizer": name, "warmup": 3}))
        out.append((f"{name}/schedule=cosine/warmup=3",
                    {"optimizer": name, "schedule": "cosine", "warmup": 3}))
    for name in ("sgd", "momentum", "adam", "adamw", "sam"):
        out.append((f"{name}/clip=0.5", {"optimizer": name, "clip": 0.5}))
    out.append(("sgd/wd=0.1/clip=0.5", {"optimizer": "sgd", "weight_decay": 0.1, "clip": 0.5}))
    out.append(("sam/base=momentum/wd=0.1/clip=0.5",
                {"optimizer": "sam", "base": "momentum", "weight_decay": 0.1, "clip": 0.5}))
    out.append(("momentum/schedule=step/warmup=3/wd=0.1/clip=0.5",
                {"optimizer": "momentum", "schedule": "step", "warmup": 3, "weight_decay": 0.1,
                 "clip": 0.5}))
    return out


def build_case(cid, overrides, c, t, init):
    """A complete case: every field, the learning rate and eps of its optimizer."""
    case = {"id": cid, **DEFAULTS, **overrides}
    if case["optimizer"] == "adamw" and "weight_decay" not in overrides:
        case["weight_decay"] = 0.01
    stepper = case["base"] if case["optimizer"] == "sam" else case["optimizer"]
    case["learning_rate"] = LEARNING_RATE[stepper]
    case["eps"] = 1e-10 if stepper == "adagrad" else 1e-8
    case.update({"c": c, "t": t, "init": init})
    order = ["id", "optimizer", *DEFAULTS, "c", "t", "init"]
    case = {k: case[k] for k in order}
    case["lrs"], case["trajectory"] = run(case)
    return case


def self_check(c, t, init):
    """Hand-computed first steps of plain SGD and Adam agree with torch."""
    theta = torch.cat([torch.tensor(i["data"]) for i in init])
    cc, tt = torch.tensor(c), torch.tensor(t)
    grad = cc * (theta - tt) + 0.2 * theta ** 3
    sgd = build_case("check", {"optimizer": "sgd", "weight_decay": 0.1}, c, t, init)
    expect = theta - 0.1 * (grad + 0.1 * theta)
    assert torch.allclose(torch.tensor(sgd["trajectory"][0]), expect, rtol=1e-12), "sgd step 1"
    adam = build_case("check", {"optimizer": "adam"}, c, t, init)
    m, v = 0.1 * grad, 0.001 * grad ** 2
    expect = theta - 0.05 * (m / 0.1) / (torch.sqrt(v / 0.001) + 1e-8)
    assert torch.allclose(torch.tensor(adam["trajectory"][0]), expect, rtol=1e-12), "adam step 1"
    print("self-check passed")


def main():
    """Generate every case and write the fixture."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    c, t, init = problem(np.random.default_rng(SEED))
    self_check(c, t, init)
    cases = [build_case(cid, overrides, c, t, init) for cid, overrides in case_settings()]
    doc = {"generator": "reference/optimizers_reference.py", "torch": torch.__version__,
           "objective": "sum 0.5*c*(theta-t)^2 + 0.05*theta^4", "cases": cases}
    shown = fixture_file.write(args.out, doc, REPO)
    print(f"wrote {shown}: {len(cases)} cases")


if __name__ == "__main__":
    main()
