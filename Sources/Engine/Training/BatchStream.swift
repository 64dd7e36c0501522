import TensorCore

/// Mini-batch indices from a seeded stream, reshuffled every epoch.
///
/// Batch size 0 (or ≥ N) means the whole training set in its original order,
/// drawing no random numbers. Otherwise each epoch is a fresh permutation cut
/// into consecutive batches; the last one may be smaller (as PyTorch's
/// DataLoader with drop_last=False).
public struct BatchStream: Sendable {
    public let count: Int
    public let batchSize: Int
    private var rng: SeededRandom
    private var order: [Int] = []
    private var position = 0
    /// Completed epochs.
    public private(set) var epoch = 0

    public init(count: Int, batchSize: Int, seed: UInt64) {
        self.count = count
        self.batchSize = batchSize
        rng = SeededRandom(seed: seed, stream: "batches")
    }

    public var isFullBatch: Bool { batchSize <= 0 || batchSize >= count }

    /// The next batch's indices, or nil for the full training set.
    public mutating func next() -> [Int]? {
        if isFullBatch {
            epoch += 1
            return nil
        }
        if position >= order.count {
            if !order.isEmpty { epoch += 1 }
            order = rng.permutation(count)
            position = 0
        }
        let end = min(position + batchSize, order.count)
        let batch = Array(order[position..<end])
        position = end
        return batch
    }

    /// Epochs as a real number (completed epochs plus the fraction of this one).
    public var progress: Double {
        if isFullBatch { return Double(epoch) }
        return Double(epoch) + (order.isEmpty ? 0 : Double(position) / Double(count))
    }
}
