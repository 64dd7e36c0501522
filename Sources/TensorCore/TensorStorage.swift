/// The contiguous Float32 buffer behind a `Tensor`: 64-byte aligned, owned by
/// one object so tensors share it copy-on-write.
///
/// Mutation goes only through `Tensor`'s mutating accessors, which copy the
/// storage first unless it is uniquely referenced; so sharing a storage across
/// threads is safe.
public final class TensorStorage: @unchecked Sendable {
    public let count: Int
    @usableFromInline let pointer: UnsafeMutablePointer<Float>

    /// Storage of `count` elements, uninitialised (callers write every element).
    init(uninitializedCount count: Int) {
        self.count = count
        let bytes = max(count, 1) * MemoryLayout<Float>.stride
        pointer = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
            .bindMemory(to: Float.self, capacity: max(count, 1))
    }

    convenience init(repeating value: Float, count: Int) {
        self.init(uninitializedCount: count)
        pointer.initialize(repeating: value, count: count)
    }

    @usableFromInline func copy() -> TensorStorage {
        let s = TensorStorage(uninitializedCount: count)
        s.pointer.update(from: pointer, count: count)
        return s
    }

    deinit { UnsafeMutableRawPointer(pointer).deallocate() }
}
