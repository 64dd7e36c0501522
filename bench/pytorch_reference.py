#!/usr/bin/env python3
"""PyTorch timings of the workloads `losscape bench --json` runs (issue 2 §9, issue 5 Speed).

CPU, float32, eager mode. Prints one JSON object per line, in the schema of
`losscape bench --json` ("workload"; "steps_per_second" and "median_us" for the
training workloads, "ms" for the others; "threads"; "isa") plus "impl": "pytorch"
and "version" (torch.__version__). "isa" is torch's CPU capability
(torch.backends.cpu.get_cpu_capability(), lower-cased: "avx2", "avx512", ...).

  mlp8         2-8-2 tanh MLP, full batch of 256 spiral points (2 classes),
               cross-entropy, SGD lr 0.1. 1 thread.
  mlp16        2-16-16-2 tanh MLP, full batch of 512 spiral points (2 classes),
               cross-entropy, SGD lr 0.1; one training step = zero_grad, forward,
               loss, backward, step. 1 thread.
  mlp64        2-64-64-64-3 tanh MLP, full batch of 2048 spiral points (3 classes),
               cross-entropy, Adam lr 1e-3. 1 thread.
  compare4     four mlp16 runs, SGD lr 0.1, 0.05, 0.2, 0.3, on the same data from the
               same initial weights: four nn.Module copies and four optimizers,
               stepped one after the other. One unit = one step of all four;
               "steps_per_second" = units per second (1e6 / median_us). 1 thread.
               (The Swift workload also keeps the playground's metric history;
               this times the four training steps only.)
  grid         forward (no_grad) of the mlp16 network over a 200×100 grid. 1 thread.
  landscape51  51×51 loss surface of the mlp16 network on its 512 training points:
               L(θ + α·d1 + β·d2), α, β on 51 points in [−1, 1], filter-normalized
               directions (biases not perturbed). Batched one grid row (51 weight
               sets) at a time, with bmm and with torch.func.vmap; "ms" is the faster.
               2 threads.

Timing: after a warm-up, a block of steps (or evaluations) is timed repeatedly;
the median over the repeats is reported, divided by the block size for the
training workloads. Blocks: mlp8 200 steps, mlp16 100, mlp64 10, compare4 50
units; grid and landscape51 one evaluation.

Usage:  python3 bench/pytorch_reference.py [--workloads mlp8,compare4] [--repeats N]
Default: all six workloads (mlp8, mlp16, mlp64, compare4, grid, landscape51), 30 repeats.
PyTorch from pip (`pip install torch`); it is not a dependency of the Swift package.
"""

import copy
import json
import math
import statistics
import sys
import time
import workload_args

import torch
import torch.nn as nn
import torch.nn.functional as F



def spiral(n, classes, seed=0, noise=0.1):
    """n points of a `classes`-arm spiral in 2-D (float32) and their labels."""
    g = torch.Generator().manual_seed(seed)
    labels = torch.arange(n) % classes
    r = torch.rand(n, generator=g)
    angle = 4.0 * r + labels * (2 * math.pi / classes) + noise * torch.randn(n, generator=g)
    x = torch.stack([r * torch.cos(angle), r * torch.sin(angle)], dim=1)
    return x.float(), labels


def mlp(widths):
    """nn.Linear layers with tanh between them (none after the last)."""
    layers = []
    for i, (a, b) in enumerate(zip(widths[:-1], widths[1:])):
        layers.append(nn.Linear(a, b))
        if i < len(widths) - 2:
            layers.append(nn.Tanh())
    return nn.Sequential(*layers)


def tagged(result):
    """`result` with the implementation, torch's CPU capability and version added."""
    return {**result, "impl": "pytorch", "isa": torch.backends.cpu.get_cpu_capability().lower(),
            "version": torch.__version__}


def training_result(name, per_step, threads=1):
    """The JSON object of a training workload timed at `per_step` seconds per unit."""
    return tagged({"workload": name, "steps_per_second": round(1.0 / per_step, 1),
                   "median_us": round(per_step * 1e6, 2), "threads": threads})


def median_time(fn, repeats, warmup):
    """Median wall time (s) of fn() over `repeats` calls, after `warmup` calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def train_steps_workload(name, widths, n, classes, make_opt, block, repeats):
    """Time full-batch training steps; median µs per step over blocks of `block` steps."""
    torch.set_num_threads(1)
    torch.manual_seed(0)
    x, y = spiral(n, classes)
    model = mlp(widths)
    opt = make_opt(model.parameters())

    def steps():
        for _ in range(block):
            opt.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            opt.step()

    return training_result(name, median_time(steps, repeats, warmup=3) / block)


def bench_mlp8(repeats):
    """2-8-2 tanh, 256 points, cross-entropy, SGD lr 0.1."""
    return train_steps_workload("mlp8", [2, 8, 2], 256, 2,
                                lambda p: torch.optim.SGD(p, lr=0.1), block=200, repeats=repeats)


def bench_mlp16(repeats):
    """W1: 2-16-16-2 tanh, 512 points, cross-entropy, SGD lr 0.1."""
    return train_steps_workload("mlp16", [2, 16, 16, 2], 512, 2,
                                lambda p: torch.optim.SGD(p, lr=0.1), block=100, repeats=repeats)


def bench_mlp64(repeats):
    """W1b: 2-64-64-64-3 tanh, 2048 points, cross-entropy, Adam lr 1e-3."""
    return train_steps_workload("mlp64", [2, 64, 64, 64, 3], 2048, 3,
                                lambda p: torch.optim.Adam(p, lr=1e-3), block=10, repeats=repeats)


def bench_compare4(repeats):
    """Four mlp16 runs (SGD lr 0.1, 0.05, 0.2, 0.3; same data, same initial weights)
    stepped one after the other; µs per step of all four."""
    torch.set_num_threads(1)
    torch.manual_seed(0)
    x, y = spiral(512, 2)
    base = mlp([2, 16, 16, 2])
    models = [copy.deepcopy(base) for _ in range(4)]
    opts = [torch.optim.SGD(m.parameters(), lr=lr) for m, lr in zip(models, (0.1, 0.05, 0.2, 0.3))]
    block = 50

    def units():
        for _ in range(block):
            for model, opt in zip(models, opts):
                opt.zero_grad()
                loss = F.cross_entropy(model(x), y)
                loss.backward()
                opt.step()

    return training_result("compare4", median_time(units, repeats, warmup=3) / block)


def bench_grid(repeats):
    """W2: forward of the mlp16 network over a 200×100 grid of points."""
    torch.set_num_threads(1)
    torch.manual_seed(0)
    model = mlp([2, 16, 16, 2])
    xs, ys = torch.linspace(-1, 1, 200), torch.linspace(-1, 1, 100)
    grid = torch.cartesian_prod(ys, xs).flip(1).contiguous()  # row-major, x fastest

    def forward():
        with torch.no_grad():
            model(grid)

    ms = median_time(forward, repeats, warmup=5) * 1e3
    return tagged({"workload": "grid", "ms": round(ms, 3), "threads": 1})


def filter_normalized(weights, generator):
    """A random direction shaped like the weights: each weight-matrix row rescaled to the
    norm of the same weight row; bias directions zero."""
    out = []
    for w in weights:
        d = torch.randn(w.shape, generator=generator)
        if w.dim() == 2:
            d = d * (w.norm(dim=1, keepdim=True) / (d.norm(dim=1, keepdim=True) + 1e-10))
        else:
            d = torch.zeros_like(w)
        out.append(d)
    return out


def forward_batched(x, ws, y):
    """Per-weight-set mean cross-entropy for weights [A, out, in] / biases [A, out]
    of a tanh MLP, by bmm: returns [A]."""
    a = ws[0].shape[0]
    h = x.expand(a, *x.shape)
    n_layers = len(ws) // 2
    for i in range(n_layers):
        h = torch.baddbmm(ws[2 * i + 1].unsqueeze(1), h, ws[2 * i].transpose(1, 2))
        if i < n_layers - 1:
            h = torch.tanh(h)
    k = h.shape[-1]
    return F.cross_entropy(h.reshape(-1, k), y.repeat(a), reduction="none").view(a, -1).mean(1)


def forward_single(x, ws, y):
    """Mean cross-entropy of one tanh MLP (for torch.func.vmap)."""
    h = x
    n_layers = len(ws) // 2
    for i in range(n_layers):
        h = F.linear(h, ws[2 * i], ws[2 * i + 1])
        if i < n_layers - 1:
            h = torch.tanh(h)
    return F.cross_entropy(h, y)


def landscape_rows(x, y, theta, d1, d2, alphas, betas, row_loss):
    """The N×N surface, one grid row (fixed β, all α) at a time: loss[i][j] at β_i, α_j."""
    rows = []
    for beta in betas:
        ws = [t + alphas.view(-1, *[1] * t.dim()) * a + beta * b
              for t, a, b in zip(theta, d1, d2)]
        rows.append(row_loss(x, ws, y))
    return torch.stack(rows)


def bench_landscape51(repeats):
    """51×51 surface of the mlp16 network on 512 points, bmm and vmap, 2 threads."""
    torch.set_num_threads(2)
    torch.manual_seed(0)
    x, y = spiral(512, 2)
    theta = [p.detach() for p in mlp([2, 16, 16, 2]).parameters()]
    g = torch.Generator().manual_seed(1)
    d1, d2 = filter_normalized(theta, g), filter_normalized(theta, g)
    grid = torch.linspace(-1, 1, 51)
    vmapped = torch.func.vmap(forward_single, in_dims=(None, 0, None))

    def surface(row_loss):
        with torch.no_grad():
            return landscape_rows(x, y, theta, d1, d2, grid, grid, row_loss)

    by_bmm, by_vmap = surface(forward_batched), surface(vmapped)
    centre = forward_single(x, theta, y)
    assert torch.allclose(by_bmm, by_vmap, rtol=1e-4, atol=1e-5), "bmm and vmap surfaces differ"
    assert torch.allclose(by_bmm[25, 25], centre, rtol=1e-5), "surface centre is not L(θ)"
    bmm_ms = median_time(lambda: surface(forward_batched), repeats, warmup=2) * 1e3
    vmap_ms = median_time(lambda: surface(vmapped), repeats, warmup=2) * 1e3
    return tagged({"workload": "landscape51", "ms": round(min(bmm_ms, vmap_ms), 2), "threads": 2,
                   "bmm_ms": round(bmm_ms, 2), "vmap_ms": round(vmap_ms, 2)})


BENCHES = {"mlp8": bench_mlp8, "mlp16": bench_mlp16, "mlp64": bench_mlp64,
           "compare4": bench_compare4, "grid": bench_grid, "landscape51": bench_landscape51}


def main():
    """Run the selected workloads and print one JSON line each."""
    names, repeats = workload_args.parse(__doc__.splitlines()[0], BENCHES)
    print(f"# torch {torch.__version__}, float32 CPU eager, "
          f"capability {torch.backends.cpu.get_cpu_capability()}", file=sys.stderr)
    for name in names:
        print(json.dumps(BENCHES[name](repeats)), flush=True)


if __name__ == "__main__":
    main()
