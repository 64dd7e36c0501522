#!/usr/bin/env python3
"""Reference values for losscape's embedding losses (cosine-head and pair losses), from PyTorch.

Eight losses, written here in float64 PyTorch exactly as losscape defines them.
For fixed inputs the script records the batch loss and its gradient with respect
to the inputs, by autograd in float64. Inputs are drawn in float32 (the values
the Swift side holds) and converted to float64 for the computation.

Cosine-head losses take cosines c ∈ [−1, 1]^{N×K} (c_k = ŵ_k·ĥ) and labels y;
ℓ_i per example, batch loss the plain mean, or Σ_i w_{y_i} ℓ_i / Σ_i w_{y_i}
with class weights w. Gradient: d(batch loss)/d(cosines).
- normface (s):            ℓ = −log softmax(s·c)_y
- cosface (s, m):          z = s·c, z_y = s(c_y − m); ℓ = −log softmax(z)_y
- arcface (s, m):          z = s·c, z_y = s·t, t = c_y cos m − sin θ_y sin m with
                           sin θ_y = √max(0, 1 − c_y²) when c_y > cos(π − m), else
                           t = c_y − m·sin m; ℓ = −log softmax(z)_y
- circle (m, γ):           α_p = [1 + m − c_y]₊, α_n = [c_j + m]₊ (both detached);
                           ℓ = softplus(logsumexp_{j≠y} γα_n(c_j − m) − γα_p(c_y − 1 + m))
- cosine_contrastive (m, w): ℓ = (1 − c_y) + w/(K − 1)·Σ_{j≠y} relu(c_j − m)

Pair losses take raw embeddings h ∈ R^{N×d} and labels; ĥ = F.normalize(h, dim=1,
eps=1e−12); gradient d(loss)/d(h) (through the normalisation). Class weights do
not apply. A batch with nothing to average gives 0 with a zero gradient.
- contrastive (m):  mean over pairs i < j of y_ij d_ij² + (1 − y_ij) relu(m − d_ij)²,
                    d_ij = ‖ĥ_i − ĥ_j‖ (torch.norm), y_ij = 1 for the same label; N < 2 → 0
- triplet (m):      batch-hard: for every anchor with a positive (p ≠ a, same label)
                    and a negative, D_p = max_p ‖ĥ_a − ĥ_p‖², D_n = min_n ‖ĥ_a − ĥ_n‖²
                    (sums of squared differences; ties → first index), relu(D_p − D_n + m);
                    the mean over those anchors
- supcon (τ):       S = ĥĥᵀ/τ; anchor i with positives P(i) (p ≠ i, same label):
                    ℓ_i = −1/|P(i)| Σ_{p∈P(i)} (S_ip − logsumexp_{a≠i} S_ia); mean over anchors

Cases: per loss its defaults on random batches, two other parameter settings,
and edge cases. Cosine-head: c ~ U(−0.98, 0.98), N ∈ {1, 4, 9} × K ∈ {2, 3, 5}
at the defaults; a class-weighted batch; arcface rows past the branch point
cos(π − m) and just above it; circle rows whose α_n all clamp to 0. Pair losses:
h ~ N(0, 1), d ∈ {2, 3, 8} × N ∈ {2, 6, 12}, labels a shuffled i mod C with C
cycling through 2, 3, 4 (N = 2: a same-label pair for d = 2, 8, a different-label
pair for d = 3); degenerate batches (one class, a class with a single
point, N = 1; for triplet also all labels distinct). Random inputs closer than
KINK_GAP to a kink (cosine_contrastive c_j = m, arcface's branch point, triplet's
relu and near-ties in its max/min, where the gradient jumps; contrastive d = m,
where its derivative does) are redrawn.
Seeded: the output is identical from run to run (same torch version).

Usage:  python3 reference/embedding_losses_reference.py [--out PATH]
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
DEFAULT_OUT = REPO / "Tests" / "LearningTests" / "Fixtures" / "embedding_losses.json"
SEED = 20250315
COS_RANGE = 0.98
KINK_GAP = 1e-3  # random inputs this close to a kink of the gradient are redrawn
NORMALIZE_EPS = 1e-12


# ---------------------------------------------------------------------------
# Shared pieces
# ---------------------------------------------------------------------------

def f32(array):
    """Round to float32, then return a float64 tensor holding those values."""
    return torch.tensor(np.asarray(array, dtype=np.float32).astype(np.float64))


def one_hot(c, y):
    """Boolean one-hot mask of the labels, shaped like c."""
    return F.one_hot(y, c.shape[1]).bool()


def label_cos(c, y):
    """c_y, shape [N]."""
    return c.gather(1, y[:, None]).squeeze(1)


def softplus(x):
    """log(1 + e^x), exact (no threshold switch)."""
    return torch.logaddexp(torch.zeros_like(x), x)


def reduce_batch(per_example, y, class_weights):
    """Mean over the batch, or Σ w_{y_i} ℓ_i / Σ w_{y_i} with class weights."""
    if class_weights is None:
        return per_example.mean()
    w = class_weights[y]
    return (w * per_example).sum() / w.sum()


def unit_rows(h):
    """ĥ = h / max(‖h‖, 1e−12) row-wise (F.normalize)."""
    return F.normalize(h, dim=1, eps=NORMALIZE_EPS)


def zero_loss(h):
    """A zero that still has a (zero) gradient with respect to h."""
    return (h * 0).sum()


# ---------------------------------------------------------------------------
# Cosine-head losses: (c [N,K], y [N], params) -> per-example ℓ [N]
# ---------------------------------------------------------------------------

def normface(c, y, p):
    """−log softmax(s·c)_y."""
    return F.cross_entropy(p["scale"] * c, y, reduction="none")


def cosface(c, y, p):
    """z = s·c, z_y = s(c_y − m); −log softmax(z)_y."""
    z = p["scale"] * (c - p["margin"] * one_hot(c, y).to(c.dtype))
    return F.cross_entropy(z, y, reduction="none")


def arcface_branch_point(m):
    """cos(π − m): for c_y at or below it the target is c_y − m·sin m."""
    return math.cos(math.pi - m)


def arcface_target(cy, m):
    """cos(θ_y + m) = c_y cos m − sin θ_y sin m if c_y > cos(π − m), else c_y − m·sin m."""
    sine = torch.sqrt(torch.clamp(1 - cy * cy, min=0))
    return torch.where(cy > arcface_branch_point(m),
                       cy * math.cos(m) - sine * math.sin(m),
                       cy - m * math.sin(m))


def arcface(c, y, p):
    """z = s·c, z_y = s·cos(θ_y + m) (branch past π − m); −log softmax(z)_y."""
    s, m = p["scale"], p["margin"]
    t = arcface_target(label_cos(c, y), m)
    z = torch.where(one_hot(c, y), s * t[:, None], s * c)
    return F.cross_entropy(z, y, reduction="none")


def circle(c, y, p):
    """softplus(logsumexp_{j≠y} γα_n(s_n − m) − γα_p(s_p − 1 + m)), α detached."""
    m, g = p["margin"], p["gamma"]
    sp = label_cos(c, y)
    alpha_p = torch.clamp(1 + m - sp, min=0).detach()
    alpha_n = torch.clamp(c + m, min=0).detach()
    neg = (g * alpha_n * (c - m)).masked_fill(one_hot(c, y), -math.inf)
    return softplus(torch.logsumexp(neg, dim=1) - g * alpha_p * (sp - 1 + m))


def cosine_contrastive(c, y, p):
    """(1 − c_y) + w/(K − 1)·Σ_{j≠y} relu(c_j − m)."""
    k = c.shape[1]
    push = torch.relu(c - p["margin"]).masked_fill(one_hot(c, y), 0.0).sum(dim=1)
    return (1 - label_cos(c, y)) + p["negative_weight"] / (k - 1) * push


# ---------------------------------------------------------------------------
# Pair losses: (h [N,d] raw embeddings, y [N], params) -> batch loss (scalar)
# ---------------------------------------------------------------------------

def contrastive(h, y, p):
    """mean_{i<j} y_ij d_ij² + (1 − y_ij) relu(m − d_ij)², d_ij = ‖ĥ_i − ĥ_j‖."""
    n = h.shape[0]
    if n < 2:
        return zero_loss(h)
    u = unit_rows(h)
    i, j = torch.triu_indices(n, n, offset=1)
    d = torch.norm(u[i] - u[j], dim=1)
    same = y[i] == y[j]
    return torch.where(same, d ** 2, torch.relu(p["margin"] - d) ** 2).mean()


def squared_distances(u):
    """D_ij = Σ_k (ĥ_ik − ĥ_jk)² (differences, not the matmul expansion)."""
    return ((u[:, None, :] - u[None, :, :]) ** 2).sum(dim=2)


def triplet_masks(y):
    """positive (same label, j ≠ i) and negative masks [N, N], and the valid anchors."""
    n = y.shape[0]
    same = y[:, None] == y[None, :]
    pos = same & ~torch.eye(n, dtype=torch.bool)
    neg = ~same
    return pos, neg, pos.any(dim=1) & neg.any(dim=1)


def triplet_hardest(h, y):
    """Per anchor: D_p (hardest positive), D_n (hardest negative), the valid mask, D."""
    u = unit_rows(h)
    dist = squared_distances(u)
    pos, neg, valid = triplet_masks(y)
    ip = torch.argmax(dist.masked_fill(~pos, -math.inf), dim=1)  # first index on ties
    iq = torch.argmin(dist.masked_fill(~neg, math.inf), dim=1)
    dp = dist.gather(1, ip[:, None]).squeeze(1)
    dn = dist.gather(1, iq[:, None]).squeeze(1)
    return dp, dn, valid, dist


def triplet(h, y, p):
    """Batch-hard triplet: mean over valid anchors of relu(D_p − D_n + m)."""
    dp, dn, valid, _ = triplet_hardest(h, y)
    if not bool(valid.any()):
        return zero_loss(h)
    return torch.relu(dp - dn + p["margin"])[valid].mean()


def supcon(h, y, p):
    """mean over anchors with a positive of −1/|P(i)| Σ_p (S_ip − logsumexp_{a≠i} S_ia)."""
    n = h.shape[0]
    eye = torch.eye(n, dtype=torch.bool)
    pos = (y[:, None] == y[None, :]) & ~eye
    counts = pos.sum(dim=1)
    valid = counts > 0
    if not bool(valid.any()):
        return zero_loss(h)
    u = unit_rows(h)
    s = u @ u.T / p["temperature"]
    lse = torch.logsumexp(s.masked_fill(eye, -math.inf), dim=1)
    log_prob = torch.where(pos, s - lse[:, None], torch.zeros_like(s))
    per_anchor = -log_prob.sum(dim=1)[valid] / counts[valid].to(h.dtype)
    return per_anchor.mean()


# ---------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------

COSINE = {
    "normface": (normface, {"scale": 16.0}, [{"scale": 1.0}, {"scale": 64.0}]),
    "cosface": (cosface, {"scale": 30.0, "margin": 0.35},
                [{"scale": 64.0, "margin": 0.35}, {"scale": 16.0, "margin": 0.1}]),
    "arcface": (arcface, {"scale": 30.0, "margin": 0.5},
                [{"scale": 64.0, "margin": 0.5}, {"scale": 16.0, "margin": 1.0}]),
    "circle": (circle, {"margin": 0.25, "gamma": 32.0},
               [{"margin": 0.4, "gamma": 80.0}, {"margin": 0.1, "gamma": 256.0}]),
    "cosine_contrastive": (cosine_contrastive, {"margin": 0.4, "negative_weight": 1.0},
                           [{"margin": 0.0, "negative_weight": 2.0},
                            {"margin": 0.8, "negative_weight": 0.5}]),
}

PAIR = {
    "contrastive": (contrastive, {"margin": 1.0}, [{"margin": 0.5}, {"margin": 1.5}]),
    "triplet": (triplet, {"margin": 0.2}, [{"margin": 0.5}, {"margin": 1.0}]),
    "supcon": (supcon, {"temperature": 0.1}, [{"temperature": 0.05}, {"temperature": 1.0}]),
}

LOSSES = {**{k: ("cosine",) + v for k, v in COSINE.items()},
          **{k: ("embedding",) + v for k, v in PAIR.items()}}


def head(name):
    """'cosine' (inputs are cosines) or 'embedding' (inputs are raw embeddings)."""
    return LOSSES[name][0]


def defaults(name):
    """The loss's default parameters."""
    return dict(LOSSES[name][2])


def batch_loss(name, params, x, y, class_weights=None):
    """The batch loss of inputs x (cosines or embeddings) with labels y."""
    kind, fn, _, _ = LOSSES[name]
    if kind == "cosine":
        return reduce_batch(fn(x, y, params), y, class_weights)
    assert class_weights is None, "class weights do not apply to pair losses"
    return fn(x, y, params)


def value_grad(name, params, x, y, class_weights=None):
    """Batch loss and d(batch loss)/d(inputs) by autograd."""
    x = x.clone().requires_grad_(True)
    value = batch_loss(name, params, x, y, class_weights)
    (grad,) = torch.autograd.grad(value, x)
    return value.detach(), grad


# ---------------------------------------------------------------------------
# Kinks: distance of the inputs from a point where the gradient jumps
# ---------------------------------------------------------------------------

def kink_distance(name, params, x, y):
    """How far the inputs are from a kink (inf for smooth losses; circle's clamps of the
    detached α are continuous in value and gradient, contrastive's relu² only in its
    second derivative, kept away from all the same)."""
    if name == "cosine_contrastive":
        gap = (x - params["margin"]).abs().masked_fill(one_hot(x, y), math.inf)
        return float(gap.min())
    if name == "arcface":
        return float((label_cos(x, y) - arcface_branch_point(params["margin"])).abs().min())
    if name == "contrastive":
        if x.shape[0] < 2:
            return math.inf
        u = unit_rows(x)
        i, j = torch.triu_indices(x.shape[0], x.shape[0], offset=1)
        d = torch.norm(u[i] - u[j], dim=1)
        diff = y[i] != y[j]
        return float((d[diff] - params["margin"]).abs().min()) if bool(diff.any()) else math.inf
    if name == "triplet":
        dp, dn, valid, dist = triplet_hardest(x, y)
        pos, neg, _ = triplet_masks(y)
        best = math.inf
        for a in torch.nonzero(valid).flatten().tolist():
            best = min(best, abs(float(dp[a] - dn[a]) + params["margin"]))
            for mask, top in ((pos[a], True), (neg[a], False)):
                vals = torch.sort(dist[a][mask], descending=top).values
                if vals.numel() > 1:
                    best = min(best, abs(float(vals[0] - vals[1])))
        return best
    return math.inf


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------

def random_cosines(rng, n, k):
    """Cosines ~ U(−0.98, 0.98) and labels ~ U{0..K−1}."""
    c = f32(rng.uniform(-COS_RANGE, COS_RANGE, size=(n, k)))
    y = torch.tensor(rng.integers(0, k, size=n), dtype=torch.int64)
    return c, y


def shuffled_labels(rng, n, classes):
    """i mod C, shuffled: every class has ⌊N/C⌋ or ⌈N/C⌉ points."""
    return torch.tensor(rng.permutation(np.arange(n) % classes), dtype=torch.int64)


def random_embeddings(rng, n, d):
    """h ~ N(0, 1)."""
    return f32(rng.normal(0.0, 1.0, size=(n, d)))


def draw(rng, name, params, make):
    """make(rng) -> (x, y), redrawn while x lies within KINK_GAP of a kink."""
    for _ in range(1000):
        x, y = make(rng)
        if kink_distance(name, params, x, y) > KINK_GAP:
            return x, y
    raise RuntimeError(f"could not draw inputs away from kinks for {name} {params}")


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------

def param_tag(params):
    """'scale=30,margin=0.5' for the case id."""
    return ",".join(f"{k}={v:g}" for k, v in params.items())


def finite(*tensors):
    """True when every value is finite."""
    return all(bool(torch.isfinite(t).all()) for t in tensors)


def make_case(name, params, x, y, note, class_weights=None):
    """One fixture entry (value and gradient by autograd)."""
    value, grad = value_grad(name, params, x, y, class_weights)
    n, width = x.shape
    shape = f"N{n}/K{width}" if head(name) == "cosine" else f"N{n}/d{width}"
    cid = "/".join([name, param_tag(params), shape, note.replace(" ", "_")])
    if not finite(value, grad):
        raise AssertionError(f"non-finite value or gradient in {cid}")
    return {
        "id": cid, "loss": name, "head": head(name), "params": params,
        "inputs": x.tolist(), "labels": y.tolist(),
        "class_weights": None if class_weights is None else class_weights.tolist(),
        "value": float(value), "grad": grad.tolist(), "note": note,
    }


def cosine_cases(rng, name):
    """Defaults on the N × K grid, other settings, a weighted batch, loss-specific rows."""
    base = defaults(name)
    cases = []
    for n in (1, 4, 9):
        for k in (2, 3, 5):
            c, y = draw(rng, name, base, lambda r: random_cosines(r, n, k))
            cases.append(make_case(name, base, c, y, "random"))
    for override, (n, k) in zip(LOSSES[name][3], ((9, 3), (4, 5))):
        params = {**base, **override}
        c, y = draw(rng, name, params, lambda r: random_cosines(r, n, k))
        cases.append(make_case(name, params, c, y, "random"))
    c, y = draw(rng, name, base, lambda r: random_cosines(r, 9, 3))
    w = f32(rng.uniform(0.2, 3.0, size=3))
    cases.append(make_case(name, base, c, y, "class weighted", class_weights=w))
    cases += SPECIAL[name](rng, base) if name in SPECIAL else []
    return cases


def set_label_cosines(c, y, values):
    """c with c_{i, y_i} replaced by values[i] where values[i] is not None (float32)."""
    c = c.clone()
    for i, v in enumerate(values):
        if v is not None:
            c[i, y[i]] = float(np.float32(v))
    return c


def arcface_special(rng, base):
    """Rows past the branch point cos(π − m), rows just above it, and a mix."""
    cases = []
    for params in (base, {**base, "margin": 1.0, "scale": 16.0}):
        t = arcface_branch_point(params["margin"])
        c, y = random_cosines(rng, 6, 3)
        below = [t - 0.005, t - 0.05, -0.99, t - 0.2 if t - 0.2 > -1 else -0.995, None, None]
        c = set_label_cosines(c, y, below)
        cases.append(make_case("arcface", params, c, y, "branch past pi-m"))
        c, y = random_cosines(rng, 6, 3)
        c = set_label_cosines(c, y, [t + 0.005, t + 0.002, t + 0.02, t + 0.005, t + 0.05, None])
        cases.append(make_case("arcface", params, c, y, "just above pi-m"))
    return cases


def circle_special(rng, base):
    """Every α_n clamped to 0 (all negatives below −m), some clamped, none clamped."""
    m = base["margin"]
    cases = []
    for k in (3, 5):
        c, y = random_cosines(rng, 6, k)
        neg = rng.uniform(-COS_RANGE, -m - 0.05, size=c.shape)
        c = torch.where(one_hot(c, y), c, f32(neg))
        cases.append(make_case("circle", base, c, y, "all alpha_n clamped"))
    c, y = random_cosines(rng, 8, 4)
    mixed = np.where(rng.random(c.shape) < 0.5, rng.uniform(-COS_RANGE, -m - 0.05, size=c.shape),
                     rng.uniform(-m + 0.05, COS_RANGE, size=c.shape))
    c = torch.where(one_hot(c, y), c, f32(mixed))
    cases.append(make_case("circle", base, c, y, "some alpha_n clamped"))
    c, y = random_cosines(rng, 6, 3)
    pos = rng.uniform(0.9, COS_RANGE, size=c.shape)
    c = torch.where(one_hot(c, y), f32(pos), f32(rng.uniform(-m + 0.05, COS_RANGE, size=c.shape)))
    cases.append(make_case("circle", base, c, y, "small alpha_p no alpha_n clamped"))
    return cases


def cosine_contrastive_special(rng, base):
    """Every negative below the margin (only the pull term) and every one above it."""
    m = base["margin"]
    cases = []
    c, y = random_cosines(rng, 5, 4)
    c = torch.where(one_hot(c, y), c, f32(rng.uniform(-COS_RANGE, m - 0.05, size=c.shape)))
    cases.append(make_case("cosine_contrastive", base, c, y, "all negatives below margin"))
    c, y = random_cosines(rng, 5, 4)
    c = torch.where(one_hot(c, y), c, f32(rng.uniform(m + 0.05, COS_RANGE, size=c.shape)))
    cases.append(make_case("cosine_contrastive", base, c, y, "all negatives above margin"))
    return cases


SPECIAL = {"arcface": arcface_special, "circle": circle_special,
           "cosine_contrastive": cosine_contrastive_special}


def pair_cases(rng, name):
    """Defaults on the d × N grid, other settings, degenerate batches."""
    base = defaults(name)
    cases = []
    classes = iter([2, 3, 4] * 2)
    for d in (2, 3, 8):
        for n in (2, 6, 12):
            if n == 2:  # a same-label pair (d = 2, 8) or a different-label pair (d = 3)
                labels = torch.tensor([1, 0] if d == 3 else [1, 1])
                h, y = draw(rng, name, base, lambda r: (random_embeddings(r, n, d), labels))
                note = "pair same label" if d != 3 else "pair different labels"
            else:
                cl = next(classes)
                h, y = draw(rng, name, base,
                            lambda r: (random_embeddings(r, n, d), shuffled_labels(r, n, cl)))
                note = f"random {cl} classes"
            cases.append(make_case(name, base, h, y, note))
    for override, (n, d, cl) in zip(LOSSES[name][3], ((12, 3, 3), (6, 8, 2))):
        params = {**base, **override}
        h, y = draw(rng, name, params,
                    lambda r: (random_embeddings(r, n, d), shuffled_labels(r, n, cl)))
        cases.append(make_case(name, params, h, y, f"random {cl} classes"))
    # degenerate batches
    h, y = draw(rng, name, base, lambda r: (random_embeddings(r, 6, 3), torch.zeros(6, dtype=torch.int64)))
    cases.append(make_case(name, base, h, y, "one class only" + (" no negative" if name == "triplet" else "")))
    h, y = draw(rng, name, base,
                lambda r: (random_embeddings(r, 7, 3), torch.tensor([0, 1, 0, 2, 1, 0, 1])))
    cases.append(make_case(name, base, h, y, "a class with one point"))
    h = random_embeddings(rng, 1, 3)
    cases.append(make_case(name, base, h, torch.tensor([1]), "single point"))
    if name == "triplet":
        h = random_embeddings(rng, 5, 3)
        cases.append(make_case(name, base, h, torch.arange(5), "all labels distinct no positive"))
        h, y = draw(rng, name, base,
                    lambda r: (random_embeddings(r, 6, 2), torch.tensor([0, 0, 1, 1, 2, 2])))
        cases.append(make_case(name, base, h, y, "every class a pair"))
    return cases


# ---------------------------------------------------------------------------
# Self-check: identities and independent formulas; a wrong formula fails loudly
# ---------------------------------------------------------------------------

def assert_close(a, b, what, rtol=1e-10, atol=1e-12):
    """Raise AssertionError naming the identity when a ≠ b."""
    a, b = torch.as_tensor(a, dtype=torch.float64), torch.as_tensor(b, dtype=torch.float64)
    if not torch.allclose(a, b, rtol=rtol, atol=atol):
        raise AssertionError(f"self-check failed: {what}: max diff {float((a - b).abs().max())}")


def check_cosine_identities(rng):
    """normface s=1 = F.cross_entropy (weighted too); cosface m=0 and arcface m=0 =
    normface; arcface above the branch point = s·cos(acos c_y + m); circle =
    log(1 + Σ_j e^{a_j + b}) row by row; cosine_contrastive by a loop."""
    for k in (2, 3, 5):
        c, y = random_cosines(rng, 16, k)
        w = f32(rng.uniform(0.2, 3.0, size=k))
        for weights, ref in ((None, F.cross_entropy(c, y)), (w, F.cross_entropy(c, y, weight=w))):
            assert_close(batch_loss("normface", {"scale": 1.0}, c, y, weights), ref,
                         "normface s=1 = F.cross_entropy")
        cr = c.clone().requires_grad_(True)
        (g_ref,) = torch.autograd.grad(F.cross_entropy(cr, y, weight=w), cr)
        assert_close(value_grad("normface", {"scale": 1.0}, c, y, w)[1], g_ref,
                     "normface s=1 gradient = F.cross_entropy's")
        for s in (16.0, 30.0):
            ref = value_grad("normface", {"scale": s}, c, y)
            for name in ("cosface", "arcface"):
                got = value_grad(name, {"scale": s, "margin": 0.0}, c, y)
                assert_close(got[0], ref[0], f"{name} m=0 = normface (value)")
                assert_close(got[1], ref[1], f"{name} m=0 = normface (grad)")
        # arcface above the branch point: z_y = s·cos(θ_y + m)
        m = 0.5
        cy = label_cos(c, y)
        above = cy > arcface_branch_point(m)
        assert_close(arcface_target(cy, m)[above], torch.cos(torch.acos(cy) + m)[above],
                     "arcface target = cos(θ + m)")
        assert_close(arcface_target(cy, m)[~above], (cy - m * math.sin(m))[~above],
                     "arcface target past π − m")
        # circle and cosine_contrastive by explicit loops
        for p in ({"margin": 0.25, "gamma": 2.0}, {"margin": 0.4, "gamma": 8.0}):
            rows = []
            for i in range(16):
                yi, mm, g = int(y[i]), p["margin"], p["gamma"]
                sp = float(c[i, yi])
                b = -g * max(1 + mm - sp, 0) * (sp - 1 + mm)
                tot = sum(math.exp(g * max(float(c[i, j]) + mm, 0) * (float(c[i, j]) - mm) + b)
                          for j in range(k) if j != yi)
                rows.append(math.log1p(tot))
            assert_close(circle(c, y, p), torch.tensor(rows), f"circle {p} by loop", rtol=1e-9)
        for p in ({"margin": 0.4, "negative_weight": 1.0}, {"margin": -0.2, "negative_weight": 3.0}):
            rows = []
            for i in range(16):
                yi = int(y[i])
                push = sum(max(float(c[i, j]) - p["margin"], 0) for j in range(k) if j != yi)
                rows.append(1 - float(c[i, yi]) + p["negative_weight"] / (k - 1) * push)
            assert_close(cosine_contrastive(c, y, p), torch.tensor(rows), "cosine_contrastive by loop")


def check_circle_gradient(rng):
    """The detached α: gradient = σ(x)·(softmax of the negatives·γα_n, −γα_p)."""
    c, y = random_cosines(rng, 8, 4)
    p = {"margin": 0.25, "gamma": 4.0}
    _, grad = value_grad("circle", p, c, y)
    m, g = p["margin"], p["gamma"]
    oh = one_hot(c, y)
    sp = label_cos(c, y)
    an = torch.clamp(c + m, min=0)
    a = (g * an * (c - m)).masked_fill(oh, -math.inf)
    x = torch.logsumexp(a, dim=1) - g * (1 + m - sp) * (sp - 1 + m)
    soft = torch.softmax(a, dim=1)
    expect = torch.sigmoid(x)[:, None] * torch.where(oh, -g * (1 + m - sp)[:, None], soft * g * an)
    assert_close(grad, expect / 8, "circle gradient (α detached)")


def check_pair_losses(rng):
    """contrastive of 2 points by hand; triplet = max over all (p, n) triplets; supcon by a
    loop; gradcheck of all three (float64, away from kinks); rescaling h changes nothing."""
    for same in (True, False):
        h = random_embeddings(rng, 2, 3)
        y = torch.tensor([0, 0 if same else 1])
        u = h / h.norm(dim=1, keepdim=True)
        d = float((u[0] - u[1]).norm())
        for m in (0.5, 1.0, 1.5):
            expect = d * d if same else max(m - d, 0) ** 2
            assert_close(batch_loss("contrastive", {"margin": m}, h, y), expect, "contrastive N=2 by hand")
    for _ in range(5):
        h, y = random_embeddings(rng, 9, 3), shuffled_labels(rng, 9, 3)
        u = h / h.norm(dim=1, keepdim=True)
        n = 9
        terms = []
        for a in range(n):
            pos = [j for j in range(n) if j != a and y[j] == y[a]]
            neg = [j for j in range(n) if y[j] != y[a]]
            if pos and neg:
                terms.append(max(max(float(((u[a] - u[p]) ** 2).sum() - ((u[a] - u[q]) ** 2).sum()) + 0.2, 0)
                                 for p in pos for q in neg))
        assert_close(batch_loss("triplet", {"margin": 0.2}, h, y), sum(terms) / len(terms),
                     "triplet batch-hard = max over triplets")
        for tau in (0.1, 1.0):
            tot, anchors = 0.0, 0
            for i in range(n):
                pos = [j for j in range(n) if j != i and y[j] == y[i]]
                if not pos:
                    continue
                anchors += 1
                den = sum(math.exp(float(u[i] @ u[a]) / tau) for a in range(n) if a != i)
                tot += -sum(math.log(math.exp(float(u[i] @ u[p]) / tau) / den) for p in pos) / len(pos)
            assert_close(batch_loss("supcon", {"temperature": tau}, h, y), tot / anchors, "supcon by loop")
        for name in PAIR:
            ref = value_grad(name, defaults(name), h, y)
            got = value_grad(name, defaults(name), 2.5 * h, y)
            assert_close(got[0], ref[0], f"{name} invariant to scaling h (value)")
            assert_close(got[1], ref[1] / 2.5, f"{name} gradient scales as 1/|h|")
    for name in PAIR:
        params = defaults(name)
        h, y = draw(rng, name, params, lambda r: (random_embeddings(r, 6, 3), shuffled_labels(r, 6, 2)))
        hr = h.clone().requires_grad_(True)
        if not torch.autograd.gradcheck(lambda t: batch_loss(name, params, t, y), (hr,),
                                        eps=1e-6, atol=1e-7, rtol=1e-5):
            raise AssertionError(f"self-check failed: {name} gradcheck")


def check_degenerate():
    """N = 1 and label-degenerate batches give 0 with a zero gradient."""
    h = f32([[0.3, -1.2, 0.5]])
    for name in PAIR:
        value, grad = value_grad(name, defaults(name), h, torch.tensor([0]))
        assert float(value) == 0 and bool((grad == 0).all()), f"self-check failed: {name} N=1"
    h = f32(np.arange(12.0).reshape(4, 3) - 5)
    for y in (torch.zeros(4, dtype=torch.int64), torch.arange(4)):
        value, grad = value_grad("triplet", defaults("triplet"), h, y)
        assert float(value) == 0 and bool((grad == 0).all()), "self-check failed: triplet no anchor"
    value, grad = value_grad("supcon", defaults("supcon"), h, torch.arange(4))
    assert float(value) == 0 and bool((grad == 0).all()), "self-check failed: supcon no anchor"


def self_check():
    """Run every identity; a wrong formula raises AssertionError."""
    rng = np.random.default_rng(11)
    check_cosine_identities(rng)
    check_circle_gradient(rng)
    check_pair_losses(rng)
    check_degenerate()
    print("self-check passed")


def float32_check(cases):
    """Evaluate the same formulas in float32 on the fixture inputs and count the cases
    within the Swift tolerance (relative 1e−4, absolute 1e−6)."""
    def close(got, want):
        want = torch.tensor(want, dtype=torch.float64)
        return bool(((got.double() - want).abs() <= 1e-6 + 1e-4 * want.abs()).all())

    failed = []
    for c in cases:
        x = torch.tensor(c["inputs"], dtype=torch.float32)
        w = None if c["class_weights"] is None else torch.tensor(c["class_weights"], dtype=torch.float32)
        value, grad = value_grad(c["loss"], c["params"], x, torch.tensor(c["labels"]), w)
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
    cases = []
    for name in LOSSES:
        cases += cosine_cases(rng, name) if head(name) == "cosine" else pair_cases(rng, name)
    float32_check(cases)
    doc = {"generator": "reference/embedding_losses_reference.py", "torch": torch.__version__,
           "numpy": np.__version__, "cases": cases}
    shown = fixture_file.write(args.out, doc, REPO)
    counts = {}
    for c in cases:
        counts[c["loss"]] = counts.get(c["loss"], 0) + 1
    print(f"wrote {shown}: {len(cases)} cases (" + ", ".join(f"{k} {v}" for k, v in counts.items()) + ")")


if __name__ == "__main__":
    main()
