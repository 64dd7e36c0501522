#!/usr/bin/env python3
"""Reference values for losscape's loss library (issue 3), computed with PyTorch.

Every loss of the issue's numbered table is written here in float64 PyTorch,
exactly as the table states it (torch.nn.functional where it matches). For a
batch of fixed random inputs the script records the batch loss and its gradient
with respect to the logits (classification) or the predictions (regression),
obtained by autograd in float64. Inputs are rounded to float32 first, because
that is what the Swift side computes on.

Conventions (issue 3): z ∈ R^K logits, p = softmax(z), y the label, p_y its
probability, m = z_y − max_{k≠y} z_k the margin; regression e = ŷ − y.
Batch loss: the plain mean of the per-example values, or, with class weights w,
Σ_i w_{y_i} ℓ_i / Σ_i w_{y_i}.

Numerics (the same formulas, evaluated stably):
- log-probabilities always come from log_softmax, never log(softmax);
- 1 − p_y = exp(log(1 − p_y)), with log(1 − p_y) = log1p(−p_y) for p_y ≤ ½ and
  logsumexp_{k≠y} log p_k above, so it is accurate, and its gradient finite,
  when p_y rounds to 0 or 1;
- losses invariant to adding a constant to every logit (all but taylor_softmax
  and squentropy; checked) are evaluated at z − max_k z_k (see `centered`).
With these, the same code run in float32 meets the Swift tolerance (relative
1e−4, absolute 1e−6) on every case; the script checks and reports that.

Cases: every loss, its defaults and 1–4 other parameter settings, K = 2, 3, 5
(z_loss K ≥ 3), batch 8, "normal" logits N(0, 3²) and "extreme" logits mixing
rows up to ±1e4 (±30 for exponential and comp_sum τ < 1, which overflow); a few
class-weighted cases; regression "normal" (e ~ N(0, 2²)) and "outlier" (2 of 8
errors at ±20..50). Inputs closer than KINK_GAP to a kink of the gradient (a
hinge corner, a tie in a max, |e| = 0, a z_error mask switch) are redrawn.
Seeded: the output is identical from run to run.

Usage:  python3 reference/losses_reference.py [--out PATH]
"""

import argparse
import math
import pathlib

import numpy as np
import torch
import torch.nn.functional as F

import fixture_file

torch.set_default_dtype(torch.float64)

REPO = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "Tests" / "LearningTests" / "Fixtures" / "losses.json"
SEED = 20250301
BATCH = 8
CLASSES = (2, 3, 5)
KINK_GAP = 1e-2  # inputs this close to a kink of the gradient are redrawn


# ---------------------------------------------------------------------------
# Shared pieces
# ---------------------------------------------------------------------------

def f32(array):
    """Round to float32, then return a float64 tensor holding those values."""
    return torch.tensor(np.asarray(array, dtype=np.float32).astype(np.float64))


def one_hot(z, y):
    """Boolean one-hot mask of the labels, shaped like z."""
    return F.one_hot(y, z.shape[1]).bool()


def label_logp(z, y):
    """log p_y, from log_softmax."""
    return F.log_softmax(z, dim=1).gather(1, y[:, None]).squeeze(1)


def log_one_minus_py(z, y):
    """log(1 − p_y), accurate at both ends.

    p_y ≤ ½: log1p(−p_y) (its gradient carries the factor p_y exactly);
    p_y > ½: log Σ_{k≠y} p_k = logsumexp_{k≠y} log p_k (no cancellation as p_y → 1).
    """
    logp = F.log_softmax(z, dim=1)
    logp_y = logp.gather(1, y[:, None]).squeeze(1)
    small = logp_y <= -math.log(2)
    via_py = torch.log1p(-torch.exp(torch.where(small, logp_y, torch.full_like(logp_y, -1.0))))
    via_others = torch.logsumexp(logp.masked_fill(one_hot(z, y), -math.inf), dim=1)
    return torch.where(small, via_py, via_others)


def one_minus_py(z, y):
    """1 − p_y = Σ_{k≠y} p_k."""
    return torch.exp(log_one_minus_py(z, y))


def margin(z, y):
    """m = z_y − max_{k≠y} z_k (the max's gradient goes to its argmax)."""
    others = z.masked_fill(one_hot(z, y), -math.inf)
    return z.gather(1, y[:, None]).squeeze(1) - others.max(dim=1).values


def centered(z):
    """z − max_k z_k, the max held constant (detached).

    Softmax- and margin-based losses are invariant to adding a constant to all
    logits, so evaluating them here changes neither value nor gradient; it
    keeps every intermediate small, so the formulas stay accurate in float32
    for logits near ±1e4 (a recipe for the Swift side too).
    """
    return z - z.max(dim=1, keepdim=True).values.detach()


def softplus(x):
    """log(1 + e^x), exact (no threshold switch)."""
    return torch.logaddexp(torch.zeros_like(x), x)


def reduce_batch(per_example, y, class_weights):
    """Mean over the batch, or Σ w_{y_i} ℓ_i / Σ w_{y_i} with class weights."""
    if class_weights is None:
        return per_example.mean()
    w = class_weights[y]
    return (w * per_example).sum() / w.sum()


# ---------------------------------------------------------------------------
# Classification losses: each returns the per-example loss ℓ_i, shape [N].
# Signature: (z [N,K] float64, y [N] int64, params dict, counts) -> [N]
# ---------------------------------------------------------------------------

def cross_entropy(z, y, p, counts):
    """1. −log softmax(z/T)_y."""
    return F.cross_entropy(z / p["temperature"], y, reduction="none")


def label_smoothing(z, y, p, counts):
    """2. (1−ε)(−log p_y) + ε·mean_k(−log p_k)."""
    logp = F.log_softmax(z, dim=1)
    eps = p["epsilon"]
    return (1 - eps) * (-label_logp(z, y)) + eps * (-logp.mean(dim=1))


def focal(z, y, p, counts):
    """3. −(1−p_y)^γ log p_y, with (1−p_y)^γ = exp(γ·log(1−p_y))."""
    return -torch.exp(p["gamma"] * log_one_minus_py(z, y)) * label_logp(z, y)


def poly1(z, y, p, counts):
    """4. −log p_y + ε(1−p_y)."""
    return -label_logp(z, y) + p["epsilon"] * one_minus_py(z, y)


def poly1_focal(z, y, p, counts):
    """5. −(1−p_y)^γ log p_y + ε(1−p_y)^(γ+1)."""
    l1m = log_one_minus_py(z, y)
    g = p["gamma"]
    return -torch.exp(g * l1m) * label_logp(z, y) + p["epsilon"] * torch.exp((g + 1) * l1m)


def brier(z, y, p, counts):
    """6. Σ_k (p_k − 1[k=y])²."""
    return ((F.softmax(z, dim=1) - one_hot(z, y).to(z.dtype)) ** 2).sum(dim=1)


def mae(z, y, p, counts):
    """7. Σ_k |p_k − 1[k=y]| = 2(1 − p_y) (the closed form; checked against the sum)."""
    return 2 * one_minus_py(z, y)


def gce(z, y, p, counts):
    """8. (1 − p_y^q)/q, with 1 − p_y^q = −expm1(q·log p_y)."""
    q = p["q"]
    return -torch.expm1(q * label_logp(z, y)) / q


def _nce(z, y):
    """Normalized CE: (−log p_y) / (−Σ_k log p_k)."""
    return label_logp(z, y) / F.log_softmax(z, dim=1).sum(dim=1)


def sce(z, y, p, counts):
    """9. α(−log p_y) + β·(−a)(1 − p_y)."""
    return p["alpha"] * (-label_logp(z, y)) + p["beta"] * (-p["a"]) * one_minus_py(z, y)


def nce_rce(z, y, p, counts):
    """10. α·(−log p_y)/(−Σ_k log p_k) + β·(−a)(1 − p_y)."""
    return p["alpha"] * _nce(z, y) + p["beta"] * (-p["a"]) * one_minus_py(z, y)


def nce_mae(z, y, p, counts):
    """11. α·(−log p_y)/(−Σ_k log p_k) + β·2(1 − p_y)."""
    return p["alpha"] * _nce(z, y) + p["beta"] * 2 * one_minus_py(z, y)


def comp_sum(z, y, p, counts):
    """12. v = Σ_{k≠y} e^{z_k − z_y}: log(1+v) if τ = 1, else ((1+v)^{1−τ} − 1)/(1−τ).

    log(1+v) = logsumexp_k (z_k − z_y); (1+v)^{1−τ} − 1 = expm1((1−τ)·log(1+v)).
    """
    tau = p["tau"]
    log1pv = torch.logsumexp(z - z.gather(1, y[:, None]), dim=1)
    if tau == 1:
        return log1pv
    return torch.expm1((1 - tau) * log1pv) / (1 - tau)


def taylor_softmax(z, y, p, counts):
    """13. −log[(1 + z_y + z_y²/2) / Σ_k (1 + z_k + z_k²/2)]."""
    t = 1 + z + z * z / 2
    return torch.log(t.sum(dim=1)) - torch.log(t.gather(1, y[:, None]).squeeze(1))


def squentropy(z, y, p, counts):
    """14. −log p_y + (1/(K−1)) Σ_{k≠y} z_k²."""
    k = z.shape[1]
    sq = (z * z).masked_fill(one_hot(z, y), 0.0).sum(dim=1)
    return -label_logp(z, y) + sq / (k - 1)


def encouraging(z, y, p, counts):
    """15. −log p_y + b(p_y).

    b(p) = log(1 − p) for p ≤ le, else log(1 − le) + (p − le)/(le − 1);
    le = 1: b(p) = log(max(1 − p, 1e−5)).
    """
    le = p["le"]
    l1m = log_one_minus_py(z, y)
    if le >= 1:
        bonus = torch.clamp(l1m, min=math.log(1e-5))
    else:
        py = torch.exp(label_logp(z, y))
        bonus = torch.where(py <= le, l1m, math.log(1 - le) + (py - le) / (le - 1))
    return -label_logp(z, y) + bonus


def ldr_kl(z, y, p, counts):
    """16. λ·log[(1/K) Σ_k exp((z_k − z_y + c·1[k≠y])/λ)] on raw logits.

    Evaluated as λ·logsumexp_k((z_k + c·1[k≠y])/λ) − z_y − λ·log K.
    """
    lam, c = p["lambda"], p["c"]
    k = z.shape[1]
    offset = z + c * (~one_hot(z, y)).to(z.dtype)
    zy = z.gather(1, y[:, None]).squeeze(1)
    return lam * torch.logsumexp(offset / lam, dim=1) - zy - lam * math.log(k)


def sparsemax_threshold(z):
    """τ(z) of sparsemax(z) = [z − τ]₊, differentiable in z for a fixed support."""
    k = z.shape[1]
    zs, _ = torch.sort(z, dim=1, descending=True)
    cums = zs.cumsum(dim=1)
    ks = torch.arange(1, k + 1, dtype=z.dtype)
    support_size = (1 + ks * zs > cums).sum(dim=1)
    return (cums.gather(1, support_size[:, None] - 1).squeeze(1) - 1) / support_size


def sparsemax_probs(z):
    """sparsemax(z) = [z − τ(z)]₊."""
    return torch.relu(z - sparsemax_threshold(z)[:, None])


def sparsemax(z, y, p, counts):
    """17. −z_y + ½Σ_{j∈S}(z_j² − τ²) + ½ (gradient sparsemax(z) − e_y).

    z_j² − τ² is written as (z_j − τ)(z_j + τ).
    """
    tau = sparsemax_threshold(z)[:, None]
    in_support = (z > tau).detach().to(z.dtype)
    quad = (in_support * (z - tau) * (z + tau)).sum(dim=1)
    return -z.gather(1, y[:, None]).squeeze(1) + quad / 2 + 0.5


def z_loss(z, y, p, counts):
    """18. (1/a)·softplus(a(b − ẑ_y)), ẑ_y = (z_y − μ)/σ, population σ, σ² ≥ 1e−24."""
    a, b = p["a"], p["b"]
    mu = z.mean(dim=1, keepdim=True)
    var = ((z - mu) ** 2).mean(dim=1).clamp_min(1e-24)
    zy = (z.gather(1, y[:, None]).squeeze(1) - mu.squeeze(1)) / torch.sqrt(var)
    return softplus(a * (b - zy)) / a


def hinge(z, y, p, counts):
    """19. max(0, c − m) (Crammer–Singer), c = margin."""
    return torch.relu(p["margin"] - margin(z, y))


def hinge_ww(z, y, p, counts):
    """20. Σ_{k≠y} max(0, c + z_k − z_y) (Weston–Watkins)."""
    terms = torch.relu(p["margin"] + z - z.gather(1, y[:, None]))
    return terms.masked_fill(one_hot(z, y), 0.0).sum(dim=1)


def squared_hinge(z, y, p, counts):
    """21. max(0, c − m)²."""
    return torch.relu(p["margin"] - margin(z, y)) ** 2


def exponential(z, y, p, counts):
    """22. exp(−m)."""
    return torch.exp(-margin(z, y))


def modified_huber(z, y, p, counts):
    """23. max(0, 1 − m)² for m ≥ −1, else −4m."""
    m = margin(z, y)
    return torch.where(m >= -1, torch.relu(1 - m) ** 2, -4 * m)


def class_priors(counts, dtype):
    """π = n_c / Σ n."""
    n = torch.tensor(counts, dtype=dtype)
    return n / n.sum()


def logit_adjusted(z, y, p, counts):
    """24. −log softmax(z + τ·log π)_y, π = class frequencies."""
    return F.cross_entropy(z + p["tau"] * torch.log(class_priors(counts, z.dtype)), y, reduction="none")


def ldam_margins(counts, max_margin, dtype):
    """Δ_c = C / n_c^{1/4}, with C such that max_c Δ_c = max_margin."""
    inv = torch.tensor(counts, dtype=dtype) ** -0.25
    return inv * (max_margin / inv.max())


def ldam(z, y, p, counts):
    """25. −log softmax(s·(z − Δ_y e_y))_y."""
    delta = ldam_margins(counts, p["max_margin"], z.dtype)
    shifted = z - one_hot(z, y).to(z.dtype) * delta[y][:, None]
    return F.cross_entropy(p["scale"] * shifted, y, reduction="none")


# ---------------------------------------------------------------------------
# Regression losses: (pred [N], target [N], params) -> per-example [N]
# (z_error is batch-level and returns the batch loss).
# ---------------------------------------------------------------------------

def mse(pred, target, p):
    """26. e²."""
    return (pred - target) ** 2


def l1(pred, target, p):
    """27. |e|."""
    return (pred - target).abs()


def huber(pred, target, p):
    """28. ½e² if |e| ≤ δ else δ(|e| − ½δ) (PyTorch HuberLoss)."""
    return F.huber_loss(pred, target, reduction="none", delta=p["delta"])


def pseudo_huber(pred, target, p):
    """29. δ²(√(1 + (e/δ)²) − 1)."""
    d = p["delta"]
    e = pred - target
    return d * d * (torch.sqrt(1 + (e / d) ** 2) - 1)


def log_cosh(pred, target, p):
    """30. log cosh e = e + softplus(−2e) − log 2 (stable for large |e|)."""
    e = pred - target
    return e + softplus(-2 * e) - math.log(2)


def quantile(pred, target, p):
    """31. max(q·(y − ŷ), (q − 1)·(y − ŷ))."""
    r = target - pred
    q = p["q"]
    return torch.maximum(q * r, (q - 1) * r)


def z_error_mask(e, tau):
    """m_i = 1[|z_i| ≤ τ], z_i = (e_i − mean e)/(std e + 1e−8), population std."""
    e = e.detach()
    zs = (e - e.mean()) / (e.std(unbiased=False) + 1e-8)
    return (zs.abs() <= tau).to(e.dtype), zs


def z_error(pred, target, p):
    """32. Σ m_i e_i² / max(Σ m_i, 1), mask without gradient (batch-level)."""
    e = pred - target
    m, _ = z_error_mask(e, p["tau"])
    return (m * e * e).sum() / torch.clamp(m.sum(), min=1.0)


def smooth_l1(pred, target, p):
    """33. ½e²/β if |e| < β else |e| − ½β (PyTorch SmoothL1Loss)."""
    return F.smooth_l1_loss(pred, target, reduction="none", beta=p["beta"])


# ---------------------------------------------------------------------------
# Registry: defaults, extra parameter settings, regime details
# ---------------------------------------------------------------------------

def spec(fn, defaults, settings=(), extreme=1e4, min_classes=2, kinks=None, batch_level=False,
         shift_invariant=True):
    """One table entry: the function, defaults, extra settings (overrides)."""
    return dict(fn=fn, defaults=defaults, settings=[{}] + list(settings), extreme=extreme,
                min_classes=min_classes, kinks=kinks, batch_level=batch_level,
                shift_invariant=shift_invariant)


def kink_margin_max(z, y, p):
    """Gap between the two largest non-label logits (the max switches there)."""
    others = z.masked_fill(one_hot(z, y), -math.inf)
    if z.shape[1] < 3:
        return math.inf
    top2 = torch.topk(others, 2, dim=1).values
    return float((top2[:, 0] - top2[:, 1]).min())


def kink_hinge(z, y, p):
    """Distance of c − m from 0, and of the max from a switch."""
    return min(float((p["margin"] - margin(z, y)).abs().min()), kink_margin_max(z, y, p))


def kink_hinge_ww(z, y, p):
    """Distance of every c + z_k − z_y (k ≠ y) from 0."""
    t = (p["margin"] + z - z.gather(1, y[:, None])).abs().masked_fill(one_hot(z, y), math.inf)
    return float(t.min())


def kink_encouraging(z, y, p):
    """le = 1: distance of log(1 − p_y) from the clamp at log 1e−5 (10× the gap)."""
    if p["le"] < 1:
        return math.inf
    return float((log_one_minus_py(z, y) - math.log(1e-5)).abs().min()) / 10


def kink_abs(pred, target, p):
    """Distance of e from 0."""
    return float((pred - target).abs().min())


def kink_z_error(pred, target, p):
    """Distance of |z_i| from τ (the mask switches there)."""
    _, zs = z_error_mask(pred - target, p["tau"])
    return float((zs.abs() - p["tau"]).abs().min())


CLASSIFICATION = {
    "cross_entropy": spec(cross_entropy, {"temperature": 1.0},
                          [{"temperature": 0.5}, {"temperature": 2.0}]),
    "label_smoothing": spec(label_smoothing, {"epsilon": 0.1}, [{"epsilon": 0.3}]),
    "focal": spec(focal, {"gamma": 2.0}, [{"gamma": 0.0}, {"gamma": 0.5}]),
    "poly1": spec(poly1, {"epsilon": 1.0}, [{"epsilon": 2.0}, {"epsilon": -0.5}]),
    "poly1_focal": spec(poly1_focal, {"gamma": 2.0, "epsilon": 1.0},
                        [{"gamma": 0.5, "epsilon": 2.0}]),
    "brier": spec(brier, {}),
    "mae": spec(mae, {}),
    "gce": spec(gce, {"q": 0.7}, [{"q": 0.3}, {"q": 1.0}]),
    "sce": spec(sce, {"alpha": 0.1, "beta": 1.0, "a": -4.0},
                [{"alpha": 1.0, "beta": 0.5, "a": -2.0}]),
    "nce_rce": spec(nce_rce, {"alpha": 1.0, "beta": 1.0, "a": -4.0},
                    [{"alpha": 10.0, "beta": 0.1, "a": -6.0}]),
    "nce_mae": spec(nce_mae, {"alpha": 1.0, "beta": 1.0}, [{"alpha": 10.0, "beta": 0.1}]),
    "comp_sum": spec(comp_sum, {"tau": 1.0},
                     [{"tau": 0.0}, {"tau": 0.5}, {"tau": 1.5}, {"tau": 2.0}]),
    "taylor_softmax": spec(taylor_softmax, {}, shift_invariant=False),
    "squentropy": spec(squentropy, {}, shift_invariant=False),
    "encouraging": spec(encouraging, {"le": 0.75}, [{"le": 0.5}, {"le": 1.0}],
                        kinks=kink_encouraging),
    "ldr_kl": spec(ldr_kl, {"lambda": 1.0, "c": 1.0},
                   [{"lambda": 0.5}, {"lambda": 2.0, "c": 0.1}]),
    "sparsemax": spec(sparsemax, {}),
    "z_loss": spec(z_loss, {"a": 1.0, "b": 1.0}, [{"a": 2.0, "b": 0.5}], min_classes=3),
    "hinge": spec(hinge, {"margin": 1.0}, [{"margin": 0.5}], kinks=kink_hinge),
    "hinge_ww": spec(hinge_ww, {"margin": 1.0}, [{"margin": 2.0}], kinks=kink_hinge_ww),
    "squared_hinge": spec(squared_hinge, {"margin": 1.0}, [{"margin": 0.5}],
                          kinks=kink_margin_max),
    "exponential": spec(exponential, {}, extreme=30.0, kinks=kink_margin_max),
    "modified_huber": spec(modified_huber, {}, kinks=kink_margin_max),
    "logit_adjusted": spec(logit_adjusted, {"tau": 1.0}, [{"tau": 0.5}]),
    "ldam": spec(ldam, {"max_margin": 0.5, "scale": 1.0}, [{"max_margin": 0.3, "scale": 30.0}]),
}

REGRESSION = {
    "mse": spec(mse, {}),
    "l1": spec(l1, {}, kinks=kink_abs),
    "huber": spec(huber, {"delta": 1.0}, [{"delta": 0.5}]),
    "pseudo_huber": spec(pseudo_huber, {"delta": 1.0}, [{"delta": 2.0}]),
    "log_cosh": spec(log_cosh, {}),
    "quantile": spec(quantile, {"q": 0.5}, [{"q": 0.9}, {"q": 0.1}], kinks=kink_abs),
    "z_error": spec(z_error, {"tau": 2.0}, [{"tau": 1.5}], kinks=kink_z_error, batch_level=True),
    "smooth_l1": spec(smooth_l1, {"beta": 1.0}, [{"beta": 0.5}]),
}

# Losses that get weighted cases, and the class counts used for weights/priors.
WEIGHTED = ("cross_entropy", "focal", "label_smoothing", "gce", "mae")
PRIOR_LOSSES = ("logit_adjusted", "ldam")


def class_counts(k):
    """Imbalanced counts with an exponential profile, largest/smallest = 20."""
    return [int(round(200 * 20.0 ** (-c / (k - 1)))) for c in range(k)]


def extreme_scale(name, params):
    """±1e4, or ±30 for the two losses that overflow (exponential, comp_sum τ < 1)."""
    if name == "comp_sum" and params["tau"] < 1:
        return 30.0
    return CLASSIFICATION[name]["extreme"]


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------

def normal_logits(rng, k):
    """Logits ~ N(0, 3²)."""
    return rng.normal(0.0, 3.0, size=(BATCH, k))


def extreme_logits(rng, k, s):
    """A mix of rows reaching ±s: normal, uniform ±s, a common offset ±s plus N(0, 3²),
    one entry at ±s, and entries that are each normal or ±s·U(0.5, 1)."""
    rows = []
    kinds = ["normal", "uniform", "offset", "one_big", "uniform", "offset", "mixed", "mixed"]
    for kind in kinds[:BATCH]:
        base = rng.normal(0.0, 3.0, size=k)
        if kind == "uniform":
            base = rng.uniform(-s, s, size=k)
        elif kind == "offset":
            base = base + rng.uniform(-s, s)
        elif kind == "one_big":
            base[rng.integers(k)] = s * rng.choice([-1.0, 1.0])
        elif kind == "mixed":
            big = rng.random(k) < 0.5
            base = np.where(big, rng.choice([-1.0, 1.0], size=k) * s * rng.uniform(0.5, 1, size=k), base)
        rows.append(base)
    return np.stack(rows)


def draw_classification(rng, name, params, k, regime, kinks):
    """Logits and labels, redrawn while the inputs sit within KINK_GAP of a kink."""
    for _ in range(1000):
        if regime == "normal":
            z = f32(normal_logits(rng, k))
        else:
            z = f32(extreme_logits(rng, k, extreme_scale(name, params)))
        y = torch.tensor(rng.integers(0, k, size=BATCH), dtype=torch.int64)
        if kinks is None or kinks(z, y, params) > KINK_GAP:
            return z, y
    raise RuntimeError(f"could not draw inputs away from kinks for {name}")


def draw_regression(rng, params, regime, kinks):
    """Targets ~ N(0, 1); errors ~ N(0, 2²), in the outlier regime 2 of 8 at ±U(20, 50)."""
    for _ in range(1000):
        target = rng.normal(0.0, 1.0, size=BATCH)
        err = rng.normal(0.0, 2.0, size=BATCH)
        if regime == "outlier":
            idx = rng.choice(BATCH, size=2, replace=False)
            err[idx] = rng.choice([-1.0, 1.0], size=2) * rng.uniform(20, 50, size=2)
        pred, target = f32(target + err), f32(target)
        if kinks is None or kinks(pred, target, params) > KINK_GAP:
            return pred, target
    raise RuntimeError("could not draw regression inputs away from kinks")


# ---------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------

def classification_value_grad(name, params, z, y, weights=None, counts=None):
    """Batch loss and d(batch loss)/d(logits) by autograd (shift-invariant losses
    are evaluated at centered(z), which changes neither)."""
    entry = CLASSIFICATION[name]
    z = z.clone().requires_grad_(True)
    zin = centered(z) if entry["shift_invariant"] else z
    per_example = entry["fn"](zin, y, params, counts)
    value = reduce_batch(per_example, y, weights)
    (grad,) = torch.autograd.grad(value, z)
    return value.detach(), grad


def regression_value_grad(name, params, pred, target):
    """Batch loss and d(batch loss)/d(predictions) by autograd."""
    entry = REGRESSION[name]
    pred = pred.clone().requires_grad_(True)
    out = entry["fn"](pred, target, params)
    value = out if entry["batch_level"] else out.mean()
    (grad,) = torch.autograd.grad(value, pred)
    return value.detach(), grad


def param_tag(params):
    """'gamma=2,epsilon=1' for the case id ('' for no parameters)."""
    return ",".join(f"{k}={v:g}" for k, v in params.items())


def case_id(*parts):
    """Join the non-empty parts with '/'."""
    return "/".join(p for p in parts if p)


def finite(*tensors):
    """True when every value is finite."""
    return all(bool(torch.isfinite(t).all()) for t in tensors)


def classification_case(name, params, k, regime, z, y, weights=None, counts=None, suffix=""):
    """One fixture entry, or None (with a note) when value or gradient is not finite."""
    value, grad = classification_value_grad(name, params, z, y, weights, counts)
    cid = case_id(name, param_tag(params), f"K{k}", regime, suffix)
    if not finite(value, grad):
        print(f"note: dropped {cid}: non-finite value or gradient")
        return None
    return {
        "id": cid, "loss": name, "params": params, "task": "classification", "classes": k,
        "logits": z.tolist(), "labels": y.tolist(),
        "class_weights": None if weights is None else weights.tolist(),
        "class_counts": counts,
        "value": float(value), "grad": grad.tolist(),
    }


def classification_cases(rng):
    """Every classification loss × setting × K × regime, then the weighted cases."""
    cases = []
    for name, entry in CLASSIFICATION.items():
        for override in entry["settings"]:
            params = {**entry["defaults"], **override}
            for k in CLASSES:
                if k < entry["min_classes"]:
                    continue
                counts = class_counts(k) if name in PRIOR_LOSSES else None
                for regime in ("normal", "extreme"):
                    z, y = draw_classification(rng, name, params, k, regime, entry["kinks"])
                    cases.append(classification_case(name, params, k, regime, z, y, counts=counts))
    for name in WEIGHTED:
        entry = CLASSIFICATION[name]
        params = dict(entry["defaults"])
        for k, regime, kind in ((3, "normal", "inverse"), (5, "normal", "sqrt"),
                                (3, "extreme", "inverse")):
            counts = torch.tensor(class_counts(k), dtype=torch.float64)
            weights = f32(1 / counts if kind == "inverse" else 1 / counts.sqrt())
            z, y = draw_classification(rng, name, params, k, regime, entry["kinks"])
            cases.append(classification_case(name, params, k, regime, z, y, weights=weights,
                                             suffix=f"weighted_{kind}"))
    return [c for c in cases if c is not None]


def regression_cases(rng):
    """Every regression loss × setting × regime."""
    cases = []
    for name, entry in REGRESSION.items():
        for override in entry["settings"]:
            params = {**entry["defaults"], **override}
            for regime in ("normal", "outlier"):
                pred, target = draw_regression(rng, params, regime, entry["kinks"])
                value, grad = regression_value_grad(name, params, pred, target)
                cid = case_id(name, param_tag(params), regime)
                if not finite(value, grad):
                    print(f"note: dropped {cid}: non-finite value or gradient")
                    continue
                cases.append({
                    "id": cid, "loss": name, "params": params, "task": "regression",
                    "predictions": pred.tolist(), "targets": target.tolist(),
                    "value": float(value), "grad": grad.tolist(),
                })
    return cases


# ---------------------------------------------------------------------------
# Self-check: identities from the issue; a wrong formula fails loudly
# ---------------------------------------------------------------------------

def assert_close(a, b, what, rtol=1e-10, atol=1e-12):
    """Raise AssertionError naming the identity when a ≠ b."""
    a, b = torch.as_tensor(a), torch.as_tensor(b)
    if not torch.allclose(a, b, rtol=rtol, atol=atol):
        raise AssertionError(f"self-check failed: {what}: max diff {float((a - b).abs().max())}")


def loss_and_grad(name, params, z, y, weights=None, counts=None):
    """(value, grad) with defaults filled in."""
    full = {**CLASSIFICATION[name]["defaults"], **params}
    return classification_value_grad(name, full, z, y, weights, counts)


def check_shift_invariance(rng):
    """Losses marked shift-invariant give the same value and gradient, uncentered,
    at z and at z + 7.25 (so evaluating them at centered(z) is exact)."""
    for name, entry in CLASSIFICATION.items():
        if not entry["shift_invariant"]:
            continue
        for override in entry["settings"]:
            params = {**entry["defaults"], **override}
            k = max(3, entry["min_classes"])
            z = f32(rng.normal(0, 3.0, size=(16, k)))
            y = torch.tensor(rng.integers(0, k, size=16))
            counts = class_counts(k) if name in PRIOR_LOSSES else None
            ref = classification_value_grad(name, params, z, y, counts=counts)
            for shift in (0.0, 7.25):
                zs = (z + shift).requires_grad_(True)
                value = entry["fn"](zs, y, params, counts).mean()
                (grad,) = torch.autograd.grad(value, zs)
                assert_close(value, ref[0], f"{name} {params} shift-invariant (value)", rtol=1e-9)
                assert_close(grad, ref[1], f"{name} {params} shift-invariant (grad)", rtol=1e-9)


def check_cross_entropy_identities(z, y):
    """comp_sum τ=1, label_smoothing ε=0, poly1 ε=0, focal γ=0, poly1_focal γ=ε=0 and
    logit_adjusted τ=0 equal cross_entropy; ldr_kl λ=1, c=0 is CE − log K."""
    k = z.shape[1]
    ce = loss_and_grad("cross_entropy", {}, z, y)
    for name, params in (("comp_sum", {"tau": 1.0}), ("label_smoothing", {"epsilon": 0.0}),
                         ("poly1", {"epsilon": 0.0}), ("focal", {"gamma": 0.0}),
                         ("poly1_focal", {"gamma": 0.0, "epsilon": 0.0}),
                         ("logit_adjusted", {"tau": 0.0})):
        counts = class_counts(k) if name in PRIOR_LOSSES else None
        value, grad = loss_and_grad(name, params, z, y, counts=counts)
        assert_close(value, ce[0], f"{name} {params} = cross_entropy (value)")
        assert_close(grad, ce[1], f"{name} {params} = cross_entropy (grad)")
    value, grad = loss_and_grad("ldr_kl", {"lambda": 1.0, "c": 0.0}, z, y)
    assert_close(value, ce[0] - math.log(k), "ldr_kl λ=1 c=0 = CE − log K")
    assert_close(grad, ce[1], "ldr_kl λ=1 c=0 gradient = CE gradient")


def check_probability_identities(z, y):
    """comp_sum τ=2 and gce q=1 equal 1 − p_y; mae equals 2(1 − p_y) = Σ_k |p_k − 1[k=y]|;
    comp_sum τ=0 equals Σ_{k≠y} e^{z_k − z_y} (moderate logits)."""
    onehot = F.one_hot(y, z.shape[1]).double()
    p = F.softmax(z, dim=1)
    one_minus = (1 - (p * onehot).sum(dim=1)).mean()
    atol = 1e-12 * max(1.0, float(z.abs().max()))
    assert_close(loss_and_grad("comp_sum", {"tau": 2.0}, z, y)[0], one_minus, "comp_sum τ=2 = 1 − p_y", atol=atol)
    assert_close(loss_and_grad("gce", {"q": 1.0}, z, y)[0], one_minus, "gce q=1 = 1 − p_y", atol=atol)
    assert_close(loss_and_grad("mae", {}, z, y)[0], 2 * one_minus, "mae = 2(1 − p_y)", atol=atol)
    abs_sum = (p - onehot).abs().sum(dim=1).mean()
    assert_close(loss_and_grad("mae", {}, z, y)[0], abs_sum, "mae = Σ|p − e_y|", atol=atol)
    if float(z.abs().max()) < 50:
        v = (torch.exp(z - z.gather(1, y[:, None])) * (1 - onehot)).sum(dim=1).mean()
        assert_close(loss_and_grad("comp_sum", {"tau": 0.0}, z, y)[0], v, "comp_sum τ=0 = Σ e^{z_k−z_y}")


def check_torch_equivalences(z, y, w):
    """label_smoothing = F.cross_entropy(label_smoothing=ε) (unweighted); weighted CE =
    F.cross_entropy(weight=w); taylor_softmax by its direct formula."""
    for eps in (0.1, 0.3):
        ref = F.cross_entropy(z, y, label_smoothing=eps)
        assert_close(loss_and_grad("label_smoothing", {"epsilon": eps}, z, y)[0], ref,
                     f"label_smoothing ε={eps} = F.cross_entropy(label_smoothing)")
    assert_close(loss_and_grad("cross_entropy", {}, z, y, weights=w)[0], F.cross_entropy(z, y, weight=w),
                 "weighted CE = F.cross_entropy(weight)")
    t = 1 + z + z * z / 2
    direct = -torch.log(t.gather(1, y[:, None]).squeeze(1) / t.sum(dim=1)).mean()
    assert_close(loss_and_grad("taylor_softmax", {}, z, y)[0], direct, "taylor_softmax direct")


def check_sparsemax(z, y):
    """sparsemax(z) sums to 1 and the loss gradient is (sparsemax(z) − e_y)/N."""
    n, k = z.shape
    sp = sparsemax_probs(z)
    assert_close(sp.sum(dim=1), torch.ones(n), "sparsemax sums to 1")
    assert_close(loss_and_grad("sparsemax", {}, z, y)[1], (sp - F.one_hot(y, k).double()) / n,
                 "sparsemax gradient = sparsemax(z) − e_y", rtol=1e-9)


def check_binary_closed_forms(z, y):
    """K = 2, m = z_y − z_other: nce_mae = softplus(−m)/(softplus(−m) + softplus(m)) + 2σ(−m);
    hinge = max(0, 1 − m); sparsemax = 0 (m ≥ 1), (1 − m)²/4 (|m| < 1), −m (m ≤ −1)."""
    m = z.gather(1, y[:, None]).squeeze(1) - z.gather(1, (1 - y)[:, None]).squeeze(1)
    nce = softplus(-m) / (softplus(-m) + softplus(m))
    assert_close(loss_and_grad("nce_mae", {}, z, y)[0], (nce + 2 * torch.sigmoid(-m)).mean(),
                 "nce_mae K=2 closed form")
    assert_close(loss_and_grad("hinge", {}, z, y)[0], torch.relu(1 - m).mean(), "hinge K=2")
    huberized = torch.where(m >= 1, torch.zeros_like(m), torch.where(m <= -1, -m, (1 - m) ** 2 / 4))
    assert_close(loss_and_grad("sparsemax", {}, z, y)[0], huberized.mean(), "sparsemax K=2",
                 atol=1e-12 * max(1.0, float(z.abs().max())))


def check_regression(rng):
    """huber and smooth_l1 against their formulas, log_cosh = log cosh e with gradient
    tanh e, quantile q = ½ is |e|/2."""
    pred, target = f32(rng.normal(0, 5, size=64)), f32(rng.normal(0, 1, size=64))
    e = pred - target
    for delta in (0.5, 1.0, 2.0):
        hub = torch.where(e.abs() <= delta, 0.5 * e * e, delta * (e.abs() - 0.5 * delta))
        assert_close(huber(pred, target, {"delta": delta}), hub, f"huber δ={delta} formula")
        sl1 = torch.where(e.abs() < delta, 0.5 * e * e / delta, e.abs() - 0.5 * delta)
        assert_close(smooth_l1(pred, target, {"beta": delta}), sl1, f"smooth_l1 β={delta} formula")
    assert_close(log_cosh(pred, target, {}), torch.log(torch.cosh(e)), "log_cosh = log cosh e")
    assert_close(regression_value_grad("log_cosh", {}, pred, target)[1], torch.tanh(e) / 64,
                 "log_cosh gradient = tanh e")
    assert_close(quantile(pred, target, {"q": 0.5}), 0.5 * e.abs(), "quantile q=0.5 = |e|/2")


def self_check():
    """Check the issue's identities and the PyTorch equivalences on random inputs;
    a wrong formula raises AssertionError."""
    rng = np.random.default_rng(7)
    check_shift_invariance(rng)
    for k in CLASSES:
        for scale in (3.0, 30.0, 1e4):
            z = f32(rng.normal(0, scale, size=(16, k)))
            y = torch.tensor(rng.integers(0, k, size=16))
            check_cross_entropy_identities(z, y)
            check_probability_identities(z, y)
            check_torch_equivalences(z, y, f32(rng.uniform(0.2, 3.0, size=k)))
            check_sparsemax(z, y)
            if k == 2:
                check_binary_closed_forms(z, y)
    check_regression(rng)
    print("self-check passed")


def float32_check(cases):
    """Evaluate the same formulas in float32 on the fixture inputs and count the cases
    outside the Swift tolerance (relative 1e−4, absolute 1e−6): shows it is attainable."""
    def close(got, want):
        want = torch.tensor(want, dtype=torch.float64)
        return bool(((got.double() - want).abs() <= 1e-6 + 1e-4 * want.abs()).all())

    failed = []
    for c in cases:
        as32 = lambda v: torch.tensor(v, dtype=torch.float32)
        if c["task"] == "classification":
            weights = None if c["class_weights"] is None else as32(c["class_weights"])
            value, grad = classification_value_grad(c["loss"], c["params"], as32(c["logits"]),
                                                    torch.tensor(c["labels"]), weights, c["class_counts"])
        else:
            value, grad = regression_value_grad(c["loss"], c["params"], as32(c["predictions"]),
                                                as32(c["targets"]))
        if not (close(value, c["value"]) and close(grad, c["grad"])):
            failed.append(c["id"])
    print(f"float32 evaluation within tolerance on {len(cases) - len(failed)}/{len(cases)} cases")
    for cid in failed:
        print(f"note: float32 evaluation outside tolerance: {cid}")


def main():
    """Run the self-check, generate the cases, write the fixture."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    self_check()
    rng = np.random.default_rng(SEED)
    cases = classification_cases(rng) + regression_cases(rng)
    float32_check(cases)
    doc = {"generator": "reference/losses_reference.py", "torch": torch.__version__, "cases": cases}
    shown = fixture_file.write(args.out, doc, REPO)
    n_cls = sum(c["task"] == "classification" for c in cases)
    print(f"wrote {shown}: "
          f"{len(cases)} cases ({n_cls} classification, {len(cases) - n_cls} regression)")


if __name__ == "__main__":
    main()
