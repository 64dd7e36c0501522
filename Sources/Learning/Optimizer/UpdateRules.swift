import Platform
import TensorCore

/// One optimizer's per-parameter update, with its state. Each follows
/// torch.optim's implementation step for step (weight decay included).
protocol UpdateRule {
    /// Updates `params` in place with gradients `grads` (of the data objective;
    /// the rule adds weight decay itself) at learning rate `lr`.
    mutating func apply(_ params: inout [Tensor], _ grads: [Tensor], lr: Float)

    /// Takes new hyperparameters from `spec` (same rule), keeping the state (buffers,
    /// moments, step count), as changing a param group's values in torch.optim does.
    mutating func retune(_ spec: OptimizerSpec)
}

/// Runs `body(θ, g)` over every element of every parameter.
@inline(__always)
func updateElements(_ params: inout [Tensor], _ grads: [Tensor], _ body: (inout Float, Float) -> Void) {
    for i in params.indices {
        let g = grads[i].pointer
        params[i].withUnsafeMutableBufferPointer { p in for j in p.indices { body(&p[j], g[j]) } }
    }
}

/// Runs `body(θ, g, s)` with one state tensor per parameter.
@inline(__always)
func updateElements(
    _ params: inout [Tensor], _ grads: [Tensor], _ state: inout [Tensor],
    _ body: (inout Float, Float, inout Float) -> Void
) {
    for i in params.indices {
        let g = grads[i].pointer
        state[i].withUnsafeMutableBufferPointer { s in
            params[i].withUnsafeMutableBufferPointer { p in for j in p.indices { body(&p[j], g[j], &s[j]) } }
        }
    }
}

/// Runs `body(θ, g, s, t)` with two state tensors per parameter.
@inline(__always)
func updateElements(
    _ params: inout [Tensor], _ grads: [Tensor], _ s1: inout [Tensor], _ s2: inout [Tensor],
    _ body: (inout Float, Float, inout Float, inout Float) -> Void
) {
    for i in params.indices {
        let g = grads[i].pointer
        s1[i].withUnsafeMutableBufferPointer { a in
            s2[i].withUnsafeMutableBufferPointer { b in
                params[i].withUnsafeMutableBufferPointer { p in
                    for j in p.indices { body(&p[j], g[j], &a[j], &b[j]) }
                }
            }
        }
    }
}

func zerosLike(_ params: [Tensor]) -> [Tensor] { params.map { Tensor.zeros($0.shape) } }

/// torch.optim.SGD with momentum μ and dampening 0:
/// g ← g + λθ; b ← g (first step) or μb + g; d = g + μb (Nesterov) or b; θ ← θ − η d.
/// μ = 0 is plain SGD.
struct SGDRule: UpdateRule {
    var momentum: Float, nesterov: Bool, weightDecay: Float
    var buffers: [Tensor] = []

    mutating func apply(_ params: inout [Tensor], _ grads: [Tensor], lr: Float) {
        let (mu, wd, nest) = (momentum, weightDecay, nesterov)
        if mu == 0 {
            updateElements(&params, grads) { p, g in p -= lr * (g + wd * p) }
            return
        }
        let first = buffers.isEmpty
        if first { buffers = zerosLike(params) }
        updateElements(&params, grads, &buffers) { p, g0, b in
            let g = g0 + wd * p
            b = first ? g : mu * b + g
            p -= lr * (nest ? g + mu * b : b)
        }
    }
}

/// torch.optim.Adagrad (lr_decay 0): g ← g + λθ; G ← G + g²; θ ← θ − η g/(√G + ε).
struct AdagradRule: UpdateRule {
    var weightDecay: Float, eps: Float
    var sums: [Tensor] = []

    mutating func apply(_ params: inout [Tensor], _ grads: [Tensor], lr: Float) {
        if sums.isEmpty { sums = zerosLike(params) }
        let (wd, eps) = (weightDecay, eps)
        updateElements(&params, grads, &sums) { p, g0, s in
            let g = g0 + wd * p
            s += g * g
            p -= lr * g / (s.squareRoot() + eps)
        }
    }
}

/// torch.optim.RMSprop (not centered, no momentum):
/// g ← g + λθ; v ← αv + (1−α)g²; θ ← θ − η g/(√v + ε).
struct RMSpropRule: UpdateRule {
    var alpha: Float, weightDecay: Float, eps: Float
    var squares: [Tensor] = []

    mutating func apply(_ params: inout [Tensor], _ grads: [Tensor], lr: Float) {
        if squares.isEmpty { squares = zerosLike(params) }
        let (a, wd, eps) = (alpha, weightDecay, eps)
        updateElements(&params, grads, &squares) { p, g0, v in
            let g = g0 + wd * p
            v = a * v + (1 - a) * g * g
            p -= lr * g / (v.squareRoot() + eps)
        }
    }
}

/// torch.optim.Adam / AdamW: (Adam) g ← g + λθ, or (AdamW) θ ← θ(1 − ηλ);
/// m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
/// θ ← θ − (η/(1−β₁ᵗ)) · m / (√v/√(1−β₂ᵗ) + ε).
struct AdamRule: UpdateRule {
    var beta1: Float, beta2: Float, eps: Float, weightDecay: Float, decoupled: Bool
    var first: [Tensor] = [], second: [Tensor] = []
    var t = 0

    mutating func apply(_ params: inout [Tensor], _ grads: [Tensor], lr: Float) {
        if first.isEmpty { first = zerosLike(params); second = zerosLike(params) }
        t += 1
        let (b1, b2, eps, wd, dec) = (beta1, beta2, eps, weightDecay, decoupled)
        let bc1 = 1 - Float(LibM.pow(Double(b1), Double(t)))
        let bc2 = 1 - Float(LibM.pow(Double(b2), Double(t)))
        let stepSize = lr / bc1
        let bc2Sqrt = bc2.squareRoot()
        updateElements(&params, grads, &first, &second) { p, g0, m, v in
            var g = g0
            if dec { p *= 1 - lr * wd } else { g += wd * p }
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            p -= stepSize * m / (v.squareRoot() / bc2Sqrt + eps)
        }
    }
}

extension SGDRule {
    mutating func retune(_ spec: OptimizerSpec) {
        momentum = spec.ruleKind == .sgd ? 0 : Float(spec.momentum)
        weightDecay = Float(spec.resolvedWeightDecay)
    }
}

extension AdagradRule {
    mutating func retune(_ spec: OptimizerSpec) {
        weightDecay = Float(spec.resolvedWeightDecay)
        eps = Float(spec.resolvedEps)
    }
}

extension RMSpropRule {
    mutating func retune(_ spec: OptimizerSpec) {
        alpha = Float(spec.alpha)
        weightDecay = Float(spec.resolvedWeightDecay)
        eps = Float(spec.resolvedEps)
    }
}

extension AdamRule {
    mutating func retune(_ spec: OptimizerSpec) {
        beta1 = Float(spec.beta1)
        beta2 = Float(spec.beta2)
        eps = Float(spec.resolvedEps)
        weightDecay = Float(spec.resolvedWeightDecay)
    }
}

func makeRule(_ spec: OptimizerSpec) -> any UpdateRule {
    let wd = Float(spec.resolvedWeightDecay), eps = Float(spec.resolvedEps)
    switch spec.ruleKind {
    case .sgd: return SGDRule(momentum: 0, nesterov: false, weightDecay: wd)
    case .momentum: return SGDRule(momentum: Float(spec.momentum), nesterov: false, weightDecay: wd)
    case .nesterov: return SGDRule(momentum: Float(spec.momentum), nesterov: true, weightDecay: wd)
    case .adagrad: return AdagradRule(weightDecay: wd, eps: eps)
    case .rmsprop: return RMSpropRule(alpha: Float(spec.alpha), weightDecay: wd, eps: eps)
    case .adam: return AdamRule(beta1: Float(spec.beta1), beta2: Float(spec.beta2), eps: eps, weightDecay: wd, decoupled: false)
    case .adamw: return AdamRule(beta1: Float(spec.beta1), beta2: Float(spec.beta2), eps: eps, weightDecay: wd, decoupled: true)
    case .sam: preconditionFailure("SAM is not a base rule")
    }
}
