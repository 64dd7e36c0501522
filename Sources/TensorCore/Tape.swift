/// Reverse-mode automatic differentiation on a tape of tensor ops.
///
/// Every op on `Variable`s appends one node (its value and, when an input needs
/// a gradient, a closure that maps the gradient of the node's value to
/// gradients of its inputs). `gradients(of:)` walks the nodes backwards once.
/// Nodes are whole tensors, never scalars, and a tape can be `reset()` and
/// reused so a training step allocates only its tensors.
///
/// A tape is confined to one thread (the engine's queue); it is not Sendable.
///
/// Backward closures capture node ids (`{ [aID = a.id] g, acc in … }`), never
/// `Variable`s: a Variable holds its tape, so a captured one would make a
/// reference cycle (tape → closure → variable → tape) and every tape that is
/// dropped without `reset()` would leak with all its tensors.
public final class Tape {
    /// Receives gradients for nodes during the backward pass.
    public typealias Backward = (_ upstream: Tensor, _ grads: inout GradientAccumulator) -> Void

    @usableFromInline var values: [Tensor] = []
    @usableFromInline var needsGrad: [Bool] = []
    @usableFromInline var backwards: [Backward?] = []

    public init() {}

    /// The number of nodes recorded.
    public var count: Int { values.count }

    /// Forgets every node, keeping the arrays' capacity.
    public func reset() {
        values.removeAll(keepingCapacity: true)
        needsGrad.removeAll(keepingCapacity: true)
        backwards.removeAll(keepingCapacity: true)
    }

    /// A leaf whose gradient is wanted (a parameter).
    public func parameter(_ value: Tensor) -> Variable { leaf(value, needsGrad: true) }

    /// A leaf without gradient (data, labels, constants).
    public func constant(_ value: Tensor) -> Variable { leaf(value, needsGrad: false) }

    func leaf(_ value: Tensor, needsGrad flag: Bool) -> Variable {
        values.append(value)
        needsGrad.append(flag)
        backwards.append(nil)
        return Variable(tape: self, id: values.count - 1)
    }

    /// Records an op's output. `backward` is kept only when an input needs a
    /// gradient; it is then called with the gradient of `value`.
    @inlinable
    public func record(_ value: Tensor, inputs: Variable..., backward: @escaping Backward) -> Variable {
        var flag = false
        for v in inputs {
            precondition(v.tape === self, "variables from different tapes")
            if needsGrad[v.id] { flag = true }
        }
        values.append(value)
        needsGrad.append(flag)
        backwards.append(flag ? backward : nil)
        return Variable(tape: self, id: values.count - 1)
    }

    /// Reverse pass from `output`, seeded with `seed` (default: ones, i.e. the
    /// gradient of the sum of `output`'s elements). With a random seed v this
    /// computes vᵀJ.
    public func gradients(of output: Variable, seed: Tensor? = nil) -> Gradients {
        precondition(output.tape === self, "output from another tape")
        var acc = GradientAccumulator(count: values.count, needsGrad: needsGrad)
        let s = seed ?? Tensor.ones(values[output.id].shape)
        precondition(s.shape == values[output.id].shape, "seed shape \(s.shape) for output \(values[output.id].shape)")
        acc.add(s, to: output.id)
        var id = output.id
        while id >= 0 {
            if let g = acc.grads[id], let back = backwards[id] {
                back(g, &acc)
                acc.grads[id] = nil  // an intermediate node's gradient is used once; free it
            }
            id -= 1
        }
        return Gradients(grads: acc.grads)
    }
}

/// Accumulates gradients per node during a backward pass.
public struct GradientAccumulator {
    @usableFromInline var grads: [Tensor?]
    @usableFromInline let needsGrad: [Bool]

    init(count: Int, needsGrad: [Bool]) {
        grads = [Tensor?](repeating: nil, count: count)
        self.needsGrad = needsGrad
    }

    /// Adds `g` to the gradient of node `id` (nothing when it needs none).
    /// `g` must have the node's shape; broadcasting ops reduce first.
    @inlinable
    public mutating func add(_ g: Tensor, to id: Int) {
        guard needsGrad[id] else { return }
        if grads[id] == nil {
            grads[id] = g
        } else {
            grads[id]!.addScaled(g)
        }
    }

    @inlinable public func needs(_ v: Variable) -> Bool { needsGrad[v.id] }

    /// Whether node `id` needs a gradient (backward closures capture ids, see ``Tape``).
    @inlinable public func needs(_ id: Int) -> Bool { needsGrad[id] }
}

/// The result of a backward pass: the gradient of each leaf that needs one.
public struct Gradients {
    let grads: [Tensor?]

    /// The gradient with respect to `v`, or nil when nothing depends on it.
    public subscript(v: Variable) -> Tensor? { v.id < grads.count ? grads[v.id] : nil }

    /// The gradient with respect to `v`, zeros when nothing depends on it.
    public func of(_ v: Variable) -> Tensor { self[v] ?? Tensor.zeros(v.shape) }
}

/// A handle to a node on a tape: a tensor value that remembers how it was made.
public struct Variable {
    public let tape: Tape
    public let id: Int

    @usableFromInline init(tape: Tape, id: Int) {
        self.tape = tape
        self.id = id
    }

    @inlinable public var value: Tensor { tape.values[id] }
    @inlinable public var shape: Shape { tape.values[id].shape }
    @inlinable public var needsGrad: Bool { tape.needsGrad[id] }
}
