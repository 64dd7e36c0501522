/// A dense, row-major Float32 tensor with value semantics (copy-on-write).
///
/// Tensors are plain values: arithmetic on them computes eagerly and never
/// records gradients. Differentiation goes through `Tape` and `Variable`,
/// whose ops are built from the kernels in the `Tensor+…` files.
public struct Tensor: Sendable {
    public private(set) var shape: Shape
    @usableFromInline var storage: TensorStorage

    /// A tensor of `shape` whose elements are not yet written. Kernels use it
    /// for outputs they fill completely.
    public init(uninitializedShape shape: Shape) {
        self.shape = shape
        storage = TensorStorage(uninitializedCount: shape.count)
    }

    public init(shape: Shape, repeating value: Float) {
        self.shape = shape
        storage = TensorStorage(repeating: value, count: shape.count)
    }

    /// A tensor with the given elements in row-major order.
    public init(shape: Shape, scalars: [Float]) {
        precondition(
            scalars.count == shape.count,
            "\(scalars.count) scalars for shape \(shape) of \(shape.count) elements")
        self.init(uninitializedShape: shape)
        scalars.withUnsafeBufferPointer { storage.pointer.update(from: $0.baseAddress!, count: $0.count) }
    }

    /// A rank-1 tensor.
    public init(_ scalars: [Float]) { self.init(shape: [scalars.count], scalars: scalars) }

    /// A rank-0 tensor.
    public init(scalar: Float) { self.init(shape: .scalar, repeating: scalar) }

    /// A matrix from rows of equal length.
    public init(rows: [[Float]]) {
        let cols = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == cols }, "ragged rows")
        self.init(shape: [rows.count, cols], scalars: rows.flatMap { $0 })
    }

    public static func zeros(_ shape: Shape) -> Tensor { Tensor(shape: shape, repeating: 0) }
    public static func ones(_ shape: Shape) -> Tensor { Tensor(shape: shape, repeating: 1) }

    @inlinable public var count: Int { shape.count }
    @inlinable public var rank: Int { shape.rank }

    /// The elements in row-major order.
    public var scalars: [Float] { Array(UnsafeBufferPointer(start: storage.pointer, count: count)) }

    /// The single element of a one-element tensor.
    public var scalar: Float {
        precondition(count == 1, "scalar of a tensor of shape \(shape)")
        return storage.pointer[0]
    }

    @inlinable public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.pointer, count: count))
    }

    /// Mutable access to the elements; copies the storage first when it is shared.
    @inlinable public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return try body(UnsafeMutableBufferPointer(start: storage.pointer, count: count))
    }

    /// A pointer for writing, after making the storage unique (copying it when shared). Valid until
    /// `self` is next copied, reassigned or destroyed: for buffers a caller owns and reuses (the fused
    /// training step's workspace), where nesting `withUnsafeMutableBufferPointer` over many tensors
    /// would obscure the kernel calls.
    @inlinable public mutating func uniquePointer() -> UnsafeMutablePointer<Float> {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage.pointer
    }

    /// The storage object: tensors sharing it share their elements (an identity
    /// for caches keyed on "the same data").
    public var storageIdentity: AnyObject { storage }

    /// Read-only pointer for kernels. Valid while `self` is alive.
    @inlinable public var pointer: UnsafePointer<Float> { UnsafePointer(storage.pointer) }

    /// Element at a flat row-major index.
    public subscript(flat i: Int) -> Float {
        get {
            precondition(i >= 0 && i < count, "index \(i) out of range for \(shape)")
            return storage.pointer[i]
        }
        set {
            precondition(i >= 0 && i < count, "index \(i) out of range for \(shape)")
            withUnsafeMutableBufferPointer { $0[i] = newValue }
        }
    }

    /// Element of a matrix.
    public subscript(row: Int, column: Int) -> Float {
        get {
            precondition(rank == 2 && row < shape[0] && column < shape[1], "index (\(row), \(column)) out of range for \(shape)")
            return storage.pointer[row * shape[1] + column]
        }
        set {
            precondition(rank == 2 && row < shape[0] && column < shape[1], "index (\(row), \(column)) out of range for \(shape)")
            let i = row * shape[1] + column
            withUnsafeMutableBufferPointer { $0[i] = newValue }
        }
    }

    /// The same elements under another shape of equal count.
    public func reshaped(_ newShape: Shape) -> Tensor {
        precondition(newShape.count == count, "cannot reshape \(shape) to \(newShape)")
        var t = self
        t.shape = newShape
        return t
    }

    /// True when every element is finite (no NaN, no ±inf).
    /// Eight at a time: x − x is 0 for a finite x and NaN for ±inf and NaN.
    public var isFinite: Bool {
        let p = pointer, n = count
        var acc = SIMD8<Float>()
        var i = 0
        while i + 8 <= n {
            let v = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self)
            acc += v - v
            i += 8
        }
        while i < n {
            acc[0] += p[i] - p[i]
            i += 1
        }
        return acc == SIMD8()
    }
}

extension Tensor: Equatable {
    /// Exact equality of shapes and elements (bitwise for non-NaN values).
    public static func == (a: Tensor, b: Tensor) -> Bool {
        a.shape == b.shape && a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in pa.elementsEqual(pb) } }
    }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        let shown = scalars.prefix(12).map { String($0) }.joined(separator: ", ")
        return "Tensor\(shape)(\(shown)\(count > 12 ? ", …" : ""))"
    }
}
