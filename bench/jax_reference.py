#!/usr/bin/env python3
"""JAX timings of the workloads `losscape bench --json` runs (the JAX peer of
bench/pytorch_reference.py).

CPU, float32, jax.jit. Prints one JSON object per line, in the schema of
`losscape bench --json` ("workload"; "steps_per_second" and "median_us" for the
training workloads, "ms" for the others; "threads"; "isa") plus "impl": "jax",
"version" (jax.__version__) and, for the training workloads, "variant":

  jit      a jitted train step (forward, loss, jax.value_and_grad, optimizer
           update), called once per step from Python and waited for with
           block_until_ready; parameters and optimizer state are donated.
  scan100  one jitted function running 100 steps with lax.scan; its time / 100.

Workloads (the same networks, data sizes and optimizers as the Swift bench):

  mlp8         2-8-2 tanh MLP, full batch of 256 spiral points (2 classes),
               cross-entropy, SGD lr 0.1. 1 thread.
  mlp16        2-16-16-2 tanh MLP, full batch of 512 spiral points (2 classes),
               cross-entropy, SGD lr 0.1. 1 thread.
  mlp64        2-64-64-64-3 tanh MLP, full batch of 2048 spiral points (3 classes),
               cross-entropy, Adam lr 1e-3 (torch.optim.Adam's defaults: betas
               0.9/0.999, eps 1e-8, bias-corrected as torch does). 1 thread.
  compare4     four mlp16 runs, SGD lr 0.1, 0.05, 0.2, 0.3, on the same data from the
               same initial weights, stepped one after the other. One unit = one step
               of all four; "steps_per_second" = units per second (1e6 / median_us).
               jit: four calls of the jitted step (learning rate an argument, so one
               compilation) per unit, each waited for; scan100: the four states
               advanced one after the other in one scan body. 1 thread.
  grid         jitted forward of the mlp16 network over a 200×100 grid. 1 thread.
  landscape51  51×51 loss surface of the mlp16 network on its 512 training points:
               L(θ + α·d1 + β·d2), α, β on 51 points in [−1, 1], filter-normalized
               directions (biases not perturbed). "ms": one grid row (51 weight
               sets) at a time, a jitted jax.vmap of the loss called from Python per
               row (like the PyTorch bmm variant); "one_jit_ms": the whole surface in
               one jitted lax.map over the rows. 2 threads where the machine has them
               (run in a child process, see below), otherwise 1; "threads" says which.

Parameters start as nn.Linear's default (U(±1/√fan_in) for weights and biases),
drawn with numpy; the spiral is generated as in the PyTorch script, with numpy.

Threads. Before jax is imported the script
  - restricts its own CPU affinity (os.sched_setaffinity, Linux; no taskset
    needed) to the first N CPUs it is allowed, N = $LOSSCAPE_JAX_THREADS or 1:
    jaxlib sizes XLA:CPU's intra-op thread pool from the affinity mask, and no
    XLA flag bounds that pool in jaxlib 0.10;
  - appends to XLA_FLAGS "--xla_cpu_multi_thread_eigen=false
    intra_op_parallelism_threads=1" (N = 1; "=true ... =N" otherwise). The
    first keeps Eigen's matmuls on the calling thread; the second is the usual
    recipe's spelling, which XLA's flag parser passes over (no effect);
  - sets JAX_PLATFORMS=cpu unless it is set.
landscape51 runs in a child process of this script with LOSSCAPE_JAX_THREADS=2
(and LOSSCAPE_JAX_CPUS = the parent's allowed CPUs, XLA_FLAGS as given), so its
affinity can be two CPUs while the parent's is one; with LOSSCAPE_JAX_THREADS set
by hand every workload, landscape51 included, runs in-process with that many. Without sched_setaffinity (macOS) nothing
is pinned and "threads" reports the CPU count.

"isa": jax only reports device_kind "cpu"; XLA:CPU's LLVM JIT compiles for the
host CPU's instruction set (unless --xla_cpu_max_isa caps it), so the script
reports the host's best ("avx512" if the CPU has avx512f, else "avx2", "neon"
on arm64), or that flag's value when it is set.

Timing: after a warm-up (which includes compilation), a block of steps (or
evaluations) is timed repeatedly; the median over the repeats is reported,
divided by the block size for the training workloads. Blocks (jit variant, as in
the PyTorch script): mlp8 200 steps, mlp16 100, mlp64 10, compare4 50 units;
scan100: one call (100 steps or units); grid and landscape51 one evaluation.

Usage:  python3 bench/jax_reference.py [--workloads mlp8,compare4] [--repeats N]
Default: all six workloads (mlp8, mlp16, mlp64, compare4, grid, landscape51), 30 repeats.
JAX from pip (`pip install jax`); it is not a dependency of the Swift package.
"""

import os

THREADS_ENV = "LOSSCAPE_JAX_THREADS"  # CPUs (threads) to use; default 1
CPUS_ENV = "LOSSCAPE_JAX_CPUS"  # the CPUs a parent run was allowed, for its child
LANDSCAPE_THREADS = 2


def _allowed_cpus():
    """The CPUs this run may use: those a parent run passed down, else the affinity mask."""
    given = os.environ.get(CPUS_ENV)
    if given:
        return [int(c) for c in given.split(",")]
    if hasattr(os, "sched_getaffinity"):
        return sorted(os.sched_getaffinity(0))
    return list(range(os.cpu_count() or 1))


def _limit_cpus(cpus, threads):
    """Restrict this process to the first `threads` of `cpus`, before jax starts its
    thread pool; returns the number of CPUs jax will use."""
    if not hasattr(os, "sched_setaffinity"):
        return len(cpus)
    os.sched_setaffinity(0, cpus[:max(threads, 1)])
    return len(os.sched_getaffinity(0))


# Must happen before jax is imported (see the docstring: "Threads").
ALLOWED_CPUS = _allowed_cpus()
THREADS = _limit_cpus(ALLOWED_CPUS, int(os.environ.get(THREADS_ENV, "1")))
GIVEN_XLA_FLAGS = os.environ.get("XLA_FLAGS", "")  # handed unchanged to a child run
os.environ["XLA_FLAGS"] = " ".join(filter(None, [
    GIVEN_XLA_FLAGS,
    f"--xla_cpu_multi_thread_eigen={'true' if THREADS > 1 else 'false'}",
    f"intra_op_parallelism_threads={THREADS}"]))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import functools  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import workload_args  # noqa: E402

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import jaxlib  # noqa: E402
import numpy as np  # noqa: E402
from jax import lax  # noqa: E402

SCAN_STEPS = 100


def host_isa():
    """The instruction set XLA:CPU compiles for (best effort; see the docstring)."""
    kind = jax.devices()[0].device_kind.lower()
    if kind not in ("", "cpu"):
        return kind
    capped = re.search(r"--xla_cpu_max_isa=(\w+)", os.environ.get("XLA_FLAGS", ""))
    if capped:
        return capped.group(1).lower()
    if platform.machine().lower() in ("arm64", "aarch64"):
        return "neon"
    try:
        with open("/proc/cpuinfo") as f:
            flags = next((line.split(":", 1)[1].split() for line in f if line.startswith("flags")), [])
    except OSError:
        return "cpu"
    for flag, name in (("avx512f", "avx512"), ("avx2", "avx2"), ("avx", "avx"), ("sse4_2", "sse4_2")):
        if flag in flags:
            return name
    return "cpu"


def tagged(result):
    """`result` with the implementation, ISA and jax version added."""
    return {**result, "impl": "jax", "isa": host_isa(), "version": jax.__version__}


def training_result(name, variant, per_step):
    """The JSON object of a training workload timed at `per_step` seconds per unit."""
    return tagged({"workload": name, "variant": variant, "steps_per_second": round(1.0 / per_step, 1),
                   "median_us": round(per_step * 1e6, 2), "threads": THREADS})


def spiral(n, classes, seed=0, noise=0.1):
    """n points of a `classes`-arm spiral in 2-D (float32) and their labels (int32)."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % classes
    r = rng.random(n)
    angle = 4.0 * r + labels * (2 * math.pi / classes) + noise * rng.standard_normal(n)
    x = np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1)
    return jnp.asarray(x, jnp.float32), jnp.asarray(labels, jnp.int32)


def init_mlp(widths, seed=0):
    """[(W [in, out], b [out])] per layer, nn.Linear's default init U(±1/√in)."""
    rng = np.random.default_rng(seed)
    params = []
    for a, b in zip(widths[:-1], widths[1:]):
        bound = 1.0 / math.sqrt(a)
        params.append((jnp.asarray(rng.uniform(-bound, bound, (a, b)), jnp.float32),
                       jnp.asarray(rng.uniform(-bound, bound, b), jnp.float32)))
    return params


def forward(params, x):
    """Logits of the tanh MLP (no activation after the last layer)."""
    h = x
    for i, (w, b) in enumerate(params):
        h = h @ w + b
        if i < len(params) - 1:
            h = jnp.tanh(h)
    return h


def loss_fn(params, x, y):
    """Mean cross-entropy of the MLP on (x, y)."""
    logp = jax.nn.log_softmax(forward(params, x))
    return -jnp.mean(jnp.take_along_axis(logp, y[:, None], axis=1))


def sgd_init(params):
    """Plain SGD keeps no state."""
    return ()


def sgd_update(params, grads, state, lr):
    """θ ← θ − lr·g."""
    return jax.tree_util.tree_map(lambda p, g: p - lr * g, params, grads), state


def adam_init(params):
    """Step count and zero first and second moments."""
    def zeros():
        return jax.tree_util.tree_map(jnp.zeros_like, params)
    return (jnp.zeros((), jnp.float32), zeros(), zeros())  # distinct buffers: both are donated


def adam_update(params, grads, state, lr, b1=0.9, b2=0.999, eps=1e-8):
    """torch.optim.Adam (defaults, no weight decay): θ ← θ − lr/(1−β1^t) · m / (√v/√(1−β2^t) + ε)."""
    t, m, v = state
    t = t + 1
    tree_map = jax.tree_util.tree_map
    m = tree_map(lambda m, g: b1 * m + (1 - b1) * g, m, grads)
    v = tree_map(lambda v, g: b2 * v + (1 - b2) * g * g, v, grads)
    step_size = lr / (1 - b1 ** t)
    root_bc2 = jnp.sqrt(1 - b2 ** t)
    params = tree_map(lambda p, m, v: p - step_size * m / (jnp.sqrt(v) / root_bc2 + eps), params, m, v)
    return params, (t, m, v)


def train_step(update, params, state, lr, x, y):
    """One full-batch step: loss and gradient, then the optimizer update."""
    loss, grads = jax.value_and_grad(loss_fn)(params, x, y)
    params, state = update(params, grads, state, lr)
    return params, state, loss


def scan_steps(update, params, state, lr, x, y):
    """SCAN_STEPS train steps in one lax.scan; returns the final state and the losses."""
    def body(carry, _):
        p, s, loss = train_step(update, *carry, lr, x, y)
        return (p, s), loss
    (params, state), losses = lax.scan(body, (params, state), None, length=SCAN_STEPS)
    return params, state, losses


def scan_steps_lockstep(update, runs, lrs, x, y):
    """SCAN_STEPS units in one lax.scan, each unit one step of every run in turn."""
    def body(carry, _):
        out, losses = [], []
        for (p, s), lr in zip(carry, lrs):
            p, s, loss = train_step(update, p, s, lr, x, y)
            out.append((p, s))
            losses.append(loss)
        return tuple(out), jnp.stack(losses)
    return lax.scan(body, tuple(runs), None, length=SCAN_STEPS)


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


def train_workload(name, widths, n, classes, init, update, lr, block, repeats):
    """Both variants of a full-batch training workload."""
    x, y = spiral(n, classes)
    lr = jnp.asarray(lr, jnp.float32)
    step = jax.jit(functools.partial(train_step, update), donate_argnums=(0, 1))
    scan = jax.jit(functools.partial(scan_steps, update), donate_argnums=(0, 1))
    results = []

    params = init_mlp(widths)
    state = init(params)

    def steps():
        nonlocal params, state
        for _ in range(block):
            params, state, loss = step(params, state, lr, x, y)
            jax.block_until_ready((params, state, loss))

    results.append(training_result(name, "jit", median_time(steps, repeats, warmup=3) / block))

    params = init_mlp(widths)
    state = init(params)

    def scanned():
        nonlocal params, state
        params, state, losses = scan(params, state, lr, x, y)
        jax.block_until_ready((params, state, losses))

    results.append(training_result(name, "scan100", median_time(scanned, repeats, warmup=2) / SCAN_STEPS))
    return results


def bench_mlp8(repeats):
    """2-8-2 tanh, 256 points, cross-entropy, SGD lr 0.1."""
    return train_workload("mlp8", [2, 8, 2], 256, 2, sgd_init, sgd_update, 0.1, block=200, repeats=repeats)


def bench_mlp16(repeats):
    """W1: 2-16-16-2 tanh, 512 points, cross-entropy, SGD lr 0.1."""
    return train_workload("mlp16", [2, 16, 16, 2], 512, 2, sgd_init, sgd_update, 0.1, block=100, repeats=repeats)


def bench_mlp64(repeats):
    """W1b: 2-64-64-64-3 tanh, 2048 points, cross-entropy, Adam lr 1e-3."""
    return train_workload("mlp64", [2, 64, 64, 64, 3], 2048, 3, adam_init, adam_update, 1e-3,
                          block=10, repeats=repeats)


def bench_compare4(repeats):
    """Four mlp16 runs (SGD lr 0.1, 0.05, 0.2, 0.3; same data, same initial weights)
    stepped one after the other; µs per step of all four, both variants."""
    x, y = spiral(512, 2)
    lrs = [jnp.asarray(lr, jnp.float32) for lr in (0.1, 0.05, 0.2, 0.3)]
    block = 50
    step = jax.jit(functools.partial(train_step, sgd_update), donate_argnums=(0, 1))
    scan = jax.jit(functools.partial(scan_steps_lockstep, sgd_update), donate_argnums=(0,))

    def fresh_runs():
        """Four copies of the same initial weights (init_mlp is seeded)."""
        return [(init_mlp([2, 16, 16, 2]), ()) for _ in lrs]

    results = []
    runs = fresh_runs()

    def units():
        for _ in range(block):
            for i, lr in enumerate(lrs):
                params, state, loss = step(*runs[i], lr, x, y)
                jax.block_until_ready((params, state, loss))
                runs[i] = (params, state)

    results.append(training_result("compare4", "jit", median_time(units, repeats, warmup=3) / block))

    runs = tuple(fresh_runs())

    def scanned():
        nonlocal runs
        runs, losses = scan(runs, lrs, x, y)
        jax.block_until_ready((runs, losses))

    results.append(training_result("compare4", "scan100",
                                   median_time(scanned, repeats, warmup=2) / SCAN_STEPS))
    return results


def bench_grid(repeats):
    """W2: jitted forward of the mlp16 network over a 200×100 grid of points."""
    params = init_mlp([2, 16, 16, 2])
    xs, ys = jnp.linspace(-1, 1, 200), jnp.linspace(-1, 1, 100)
    gx, gy = jnp.meshgrid(xs, ys)  # [100, 200]: row-major, x fastest
    grid = jnp.stack([gx.ravel(), gy.ravel()], axis=1).astype(jnp.float32)
    fwd = jax.jit(forward)
    ms = median_time(lambda: fwd(params, grid).block_until_ready(), repeats, warmup=5) * 1e3
    return [tagged({"workload": "grid", "ms": round(ms, 3), "threads": THREADS})]


def filter_normalized(params, rng):
    """A random direction shaped like the parameters: each weight column (one output
    unit, a row of nn.Linear's weight) rescaled to that column's norm; biases zero."""
    out = []
    for w, b in params:
        d = rng.standard_normal(w.shape).astype(np.float32)
        w = np.asarray(w)
        d *= np.linalg.norm(w, axis=0, keepdims=True) / (np.linalg.norm(d, axis=0, keepdims=True) + 1e-10)
        out.append((jnp.asarray(d), jnp.zeros_like(b)))
    return out


def surface_row(theta, d1, d2, alphas, beta, x, y):
    """Losses at (α_j, β) for all α_j: the loss vmapped over 51 weight sets."""
    ws = jax.tree_util.tree_map(lambda t, a, b: t + alphas.reshape(-1, *[1] * t.ndim) * a + beta * b,
                                theta, d1, d2)
    return jax.vmap(loss_fn, in_axes=(0, None, None))(ws, x, y)


def bench_landscape51(repeats):
    """51×51 surface of the mlp16 network on 512 points: row by row, and in one jit."""
    if os.environ.get(THREADS_ENV) is None and THREADS < LANDSCAPE_THREADS <= len(ALLOWED_CPUS):
        return _in_child("landscape51", repeats, LANDSCAPE_THREADS)
    x, y = spiral(512, 2)
    theta = init_mlp([2, 16, 16, 2])
    rng = np.random.default_rng(1)
    d1, d2 = filter_normalized(theta, rng), filter_normalized(theta, rng)
    grid = jnp.linspace(-1, 1, 51, dtype=jnp.float32)
    betas = list(grid)  # 51 device scalars, sliced once, outside the timing
    row = jax.jit(surface_row)
    whole = jax.jit(lambda theta, d1, d2, grid, x, y:
                    lax.map(lambda beta: surface_row(theta, d1, d2, grid, beta, x, y), grid))

    def by_rows():
        return jnp.stack([row(theta, d1, d2, grid, beta, x, y) for beta in betas]).block_until_ready()

    def in_one_jit():
        return whole(theta, d1, d2, grid, x, y).block_until_ready()

    rows, one = by_rows(), in_one_jit()
    centre = loss_fn(theta, x, y)
    assert np.allclose(rows, one, rtol=1e-4, atol=1e-5), "row-by-row and one-jit surfaces differ"
    assert np.allclose(rows[25, 25], centre, rtol=1e-5), "surface centre is not L(θ)"
    rows_ms = median_time(by_rows, repeats, warmup=2) * 1e3
    one_ms = median_time(in_one_jit, repeats, warmup=2) * 1e3
    return [tagged({"workload": "landscape51", "ms": round(rows_ms, 2), "threads": THREADS,
                    "one_jit_ms": round(one_ms, 2)})]


def _in_child(workload, repeats, threads):
    """Run one workload in a child process limited to `threads` CPUs; its JSON lines."""
    env = {**os.environ, THREADS_ENV: str(threads), CPUS_ENV: ",".join(map(str, ALLOWED_CPUS)),
           "XLA_FLAGS": GIVEN_XLA_FLAGS}
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--workloads", workload,
                          "--repeats", str(repeats)], env=env, check=True, stdout=subprocess.PIPE, text=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


BENCHES = {"mlp8": bench_mlp8, "mlp16": bench_mlp16, "mlp64": bench_mlp64,
           "compare4": bench_compare4, "grid": bench_grid, "landscape51": bench_landscape51}


def main():
    """Run the selected workloads and print one JSON line per (workload, variant)."""
    names, repeats = workload_args.parse(__doc__.splitlines()[0], BENCHES)
    print(f"# jax {jax.__version__}, jaxlib {jaxlib.__version__}, float32 CPU jit, "
          f"{THREADS} CPU(s), XLA_FLAGS={os.environ['XLA_FLAGS']!r}", file=sys.stderr)
    for name in names:
        for result in BENCHES[name](repeats):
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
