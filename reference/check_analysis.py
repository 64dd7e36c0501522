#!/usr/bin/env python3
"""Recompute a run folder's analysis.json with NumPy and compare it with losscape's.

Inputs per folder: weights-final.json (torch nn.Linear layout, float32 values),
data.csv (`split,x1,x2,label[,clean_label]` or `split,x1,x2,y`), config.toml (the
loss, or the last `[[events]]` loss at or before the final step, picks the
probability map: sparsemax(z), taylor_softmax t/Σt with t = 1 + z + z²/2, else
softmax(z)) and metrics.jsonl (the final step). The forward pass, the features and
the probability map run in float32 like the engine; every statistic in float64:
calibration (15 bins, ECE, MCE, NLL with p clamped at 1e-12, Brier), confusion,
per-class and balanced accuracy, logit margins z_y − max_{k≠y} z_k (min, median,
mean), train_clean/flipped under label noise, normalised margin (min train margin /
‖θ‖₂), linear regions (relu/leaky_relu: distinct activation patterns on a 200×200
grid of pixel centres over the data box + 10 % per side), and for regression the
residuals ŷ − y (MAE, RMSE, 20-bin histogram over [min, max]).

Comparison: integers (n, step, bin and histogram counts, confusion, flipped count)
exactly; linear_regions within ±1 % (a pre-activation within an ulp of 0 can flip
sign between float32 matmul summation orders, NumPy's BLAS vs the engine's kernels);
other numbers within |got − ref| ≤ 1e-6 + 1e-4·|ref|; nulls and key sets must match.
(A confidence within float32 rounding of a bin edge could also change bins.)

Usage: python3 reference/check_analysis.py DIR [DIR ...]
       python3 reference/check_analysis.py --make [--binary PATH]   (default
       .build/debug/losscape) trains a handful of run folders in a temp dir
       (3-class tanh with 30 % label noise, relu and leaky_relu regions,
       sparsemax, taylor_softmax, a loss switched by an event, sine and plane
       regression with mse, test_fraction = 0) and checks them with any DIRs.
Prints PASS/FAIL per folder (with the first differences); exits 1 on any FAIL.
"""
import argparse, json, math, os, subprocess, sys, tempfile, tomllib
import numpy as np

F32 = np.float32
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ACT = {"tanh": np.tanh, "relu": lambda x: np.maximum(x, F32(0)), "linear": lambda x: x,
       "leaky_relu": lambda x: np.where(x > 0, x, F32(0.01) * x), "sigmoid": lambda x: F32(1) / (F32(1) + np.exp(-x)),
       "sin": np.sin, "gelu": lambda x: (x * (0.5 * (1 + np.vectorize(math.erf)(x / math.sqrt(2))))).astype(F32)}
FEAT = {"x1": lambda a, b: a, "x2": lambda a, b: b, "x1^2": lambda a, b: a * a, "x2^2": lambda a, b: b * b,
        "x1*x2": lambda a, b: a * b, "sin(x1)": lambda a, b: np.sin(a), "sin(x2)": lambda a, b: np.sin(b)}


def forward(w, pts, patterns=False):
    """Logits [N, K] (float32) of points [N, 2]; with patterns, the hidden pre-activations > 0 instead."""
    h = np.stack([FEAT[f](pts[:, 0], pts[:, 1]) for f in w["features"]], axis=1).astype(F32)
    bits = []
    for i, layer in enumerate(w["layers"]):
        W = np.array(layer["weight"]["data"], F32).reshape(layer["weight"]["shape"])
        z = h @ W.T + np.array(layer["bias"]["data"], F32)
        if i == len(w["layers"]) - 1:
            return np.concatenate(bits, axis=1) if patterns else z
        bits.append(z > 0)
        h = ACT[layer["activation"]](z).astype(F32)


def probabilities(z, loss):
    if loss == "taylor_softmax":
        t = F32(1) + z + z * z / F32(2)
        return t / t.sum(axis=1, keepdims=True, dtype=F32)
    if loss == "sparsemax":
        zd = z.astype(np.float64)
        s = -np.sort(-zd, axis=1)
        k = np.arange(1, z.shape[1] + 1)
        cum = np.cumsum(s, axis=1)
        support = (1 + k * s > cum).sum(axis=1)  # the condition holds on a prefix
        tau = (cum[np.arange(len(z)), support - 1] - 1) / support
        return np.maximum(zd - tau[:, None], 0).astype(F32)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True, dtype=F32)


def classification(z, p, y, K):
    n = len(y)
    p64, pred = p.astype(np.float64), np.argmax(p, axis=1)
    c = p64[np.arange(n), pred]
    correct = pred == y
    b = np.minimum(np.floor(c * 15).astype(int), 14)
    bins, ece, mce = [], 0.0, 0.0
    for j in range(15):
        m = b == j
        cnt = int(m.sum())
        conf, acc = (float(c[m].mean()), float(correct[m].mean())) if cnt else (None, None)
        if cnt:
            ece += cnt / n * abs(acc - conf)
            mce = max(mce, abs(acc - conf))
        bins.append({"lo": j / 15, "hi": (j + 1) / 15, "count": cnt, "confidence": conf, "accuracy": acc})
    conf_m = np.zeros((K, K), int)
    np.add.at(conf_m, (y, pred), 1)
    rows = conf_m.sum(axis=1)
    per = [float(conf_m[k, k] / rows[k]) if rows[k] else None for k in range(K)]
    present = [a for a in per if a is not None]
    onehot = np.eye(K)[y]
    z64 = z.astype(np.float64)
    margins = z64[np.arange(n), y] - np.where(onehot > 0, -np.inf, z64).max(axis=1)
    return {"n": n, "accuracy": float(correct.mean()), "balanced_accuracy": float(np.mean(present)),
            "nll": float(np.mean(-np.log(np.maximum(p64[np.arange(n), y], 1e-12)))),
            "brier": float(np.mean(((p64 - onehot) ** 2).sum(axis=1))), "ece": ece, "mce": mce, "bins": bins,
            "confusion": conf_m.tolist(), "per_class_accuracy": per,
            "margins": {"min": float(margins.min()), "median": float(np.median(margins)), "mean": float(margins.mean())}}, margins, pred


def regression(yhat, y):
    e = yhat[:, 0].astype(np.float64) - y
    lo, hi = float(e.min()), float(e.max())
    width = (hi - lo) / 20 if hi > lo else 1.0
    edges = [hi if j == 20 and hi > lo else lo + j * width for j in range(21)]
    counts = np.bincount(np.clip(np.floor((e - lo) / width).astype(int), 0, 19), minlength=20)
    return {"n": len(e), "mae": float(np.abs(e).mean()), "rmse": float(np.sqrt((e * e).mean())),
            "residual_histogram": {"edges": edges, "counts": counts.tolist()}}


def analyse(folder):
    w = json.load(open(os.path.join(folder, "weights-final.json")))
    cfg = tomllib.load(open(os.path.join(folder, "config.toml"), "rb"))
    step = json.loads(open(os.path.join(folder, "metrics.jsonl")).read().strip().split("\n")[-1])["step"]
    loss = cfg["loss"]["name"]
    for ev in cfg.get("events", []):
        if ev["step"] <= step and "name" in ev.get("loss", {}):
            loss = ev["loss"]["name"]
    lines = open(os.path.join(folder, "data.csv")).read().split("\n")
    head, rows = lines[0].split(","), [l.split(",") for l in lines[1:] if l]
    split = {s: [r for r in rows if r[0] == s] for s in ("train", "test")}
    # Float(text) in the engine: parse to float32, then widen
    pts = {s: np.array([[F32(r[1]), F32(r[2])] for r in v], F32).reshape(-1, 2) for s, v in split.items()}
    out = {s: forward(w, pts[s]) for s in pts}
    res = {"step": step}
    if head[3] == "y":
        for s in ("train", "test"):
            y = np.array([F32(r[3]) for r in split[s]], F32).astype(np.float64)
            res[s] = regression(out[s], y) if len(y) else None
        return res
    K = len(w["layers"][-1]["bias"]["data"])
    lab = {s: np.array([int(r[3]) for r in split[s]], int) for s in split}
    clean = np.array([int(r[4] if len(r) > 4 else r[3]) for r in split["train"]], int)
    prob = {s: probabilities(out[s], loss) for s in out}
    res["train"], margins, pred = classification(out["train"], prob["train"], lab["train"], K)
    res["test"] = classification(out["test"], prob["test"], lab["test"], K)[0] if len(lab["test"]) else None
    flipped = lab["train"] != clean
    if flipped.any():
        res["train_clean"] = classification(out["train"], prob["train"], clean, K)[0]
        res["flipped"] = {"count": int(flipped.sum()), "memorised": float((pred[flipped] == lab["train"][flipped]).mean())}
    theta = np.concatenate([np.array(l[k]["data"], F32).astype(np.float64) for l in w["layers"] for k in ("weight", "bias")])
    nm = float(margins.min() / np.linalg.norm(theta))
    res["normalised_margin"] = nm if math.isfinite(nm) else None
    res["linear_regions"] = None
    if len(w["layers"]) > 1 and w["layers"][0]["activation"] in ("relu", "leaky_relu"):
        allp = np.concatenate([pts["train"], pts["test"]]).astype(np.float64)
        lo, hi = allp.min(axis=0), allp.max(axis=0)
        (x0, y0), (x1, y1) = lo - np.maximum(hi - lo, 1e-3) * 0.1, hi + np.maximum(hi - lo, 1e-3) * 0.1
        t = (np.arange(200) + 0.5) / 200
        gx, gy = np.meshgrid(x0 + t * (x1 - x0), y1 - t * (y1 - y0))  # row r is y, column c is x
        grid = np.stack([gx.ravel(), gy.ravel()], axis=1).astype(F32)
        res["linear_regions"] = len(np.unique(np.packbits(forward(w, grid, patterns=True), axis=1), axis=0))
    return res


def compare(ref, got, path="", diffs=None):
    diffs = [] if diffs is None else diffs
    if isinstance(ref, dict) and isinstance(got, dict):
        if set(ref) != set(got):
            diffs.append(f"{path or '.'}: keys {sorted(set(ref) ^ set(got))} differ (ref {sorted(ref)})")
        for k in (k for k in ref if k in got):
            compare(ref[k], got[k], f"{path}.{k}", diffs)
    elif isinstance(ref, list) and isinstance(got, list) and len(ref) == len(got):
        for i, (a, b) in enumerate(zip(ref, got)):
            compare(a, b, f"{path}[{i}]", diffs)
    elif (d := differs(ref, got, path))[0]:
        diffs.append(f"{path}: expected {ref!r}{d[1]}, got {got!r}")
    return diffs


def differs(ref, got, path):
    """(whether a leaf differs, how it was compared)"""
    if ref is None or got is None or isinstance(got, (dict, list, str)):
        return ref != got, ""
    if path.endswith("linear_regions"):
        return abs(got - ref) > 0.01 * ref, " (±1 %)"
    if isinstance(ref, int):
        return got != ref or not isinstance(got, int), " exactly"
    return abs(got - ref) > 1e-6 + 1e-4 * abs(ref), ""


MAKE = [  # (folder, preset, --set overrides)
    ("tanh-noise3", "default", ["data.classes=3", "data.label_noise=0.3", "data.samples=600"]),
    ("relu-regions", "circles", []),
    ("leaky-relu-xor", "xor", ["model.activation=leaky_relu", "model.hidden=[8, 8]"]),
    ("sparsemax", "default", ["loss.name=sparsemax", "data.classes=3"]),
    ("taylor-softmax", "gauss", ["loss.name=taylor_softmax"]),
    ("event-to-taylor", None, []),
    ("sine-mse", "sine", []),
    ("plane-mse", "plane", []),
    ("no-test-split", "moons", ["data.test_fraction=0", "model.activation=relu"]),
]
EVENTS = '\n[[events]]\nstep = 150\nloss = { name = "taylor_softmax" }\n'


def make(binary, tmp):
    folders = []
    for name, preset, sets in MAKE:
        if preset is None:  # the default preset with a loss switch at step 150
            preset = os.path.join(tmp, "events.toml")
            with open(preset, "w") as f:
                f.write(open(os.path.join(ROOT, "presets", "default.toml")).read() + EVENTS)
        cmd = [binary, "run", preset, "--steps", "300", "--out", os.path.join(tmp, name)]
        cmd += [a for s in sets for a in ("--set", s)]
        if (r := subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)).returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed ({r.returncode}): {r.stderr.strip()}")
        folders.append(os.path.join(tmp, name))
    return folders


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="*"), ap.add_argument("--make", action="store_true")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/losscape"))
    a = ap.parse_args()
    dirs = a.dirs + (make(os.path.abspath(a.binary), tempfile.mkdtemp(prefix="check-analysis-")) if a.make else [])
    if not dirs:
        ap.error("give run folders or --make")
    failed = 0
    for d in dirs:
        got = json.load(open(os.path.join(d, "analysis.json")))
        diffs = compare(analyse(d), got)
        regions = f"  regions {got.get('linear_regions')}" if got.get("linear_regions") is not None else ""
        print(f"{'FAIL' if diffs else 'PASS'}  {d}{regions}" + "".join(f"\n      {x}" for x in diffs[:6])
              + (f"\n      … {len(diffs) - 6} more" if len(diffs) > 6 else ""))
        failed += bool(diffs)
    print(f"{len(dirs) - failed}/{len(dirs)} folders pass")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
