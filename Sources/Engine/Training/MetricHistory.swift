/// A bounded metric log for live charts: records at steps that are multiples
/// of `stride`; when it holds more than `capacity`, every other record is
/// dropped and the stride doubles. A million steps still draw in constant time.
public struct MetricHistory: Sendable, Equatable {
    public private(set) var records: [MetricRecord] = []
    public private(set) var stride = 1
    public let capacity: Int

    public init(capacity: Int = 1024) { self.capacity = max(capacity, 2) }

    /// True when a record at `step` would be kept.
    public func wants(step: Int) -> Bool { step % stride == 0 }

    public mutating func append(_ r: MetricRecord) {
        guard wants(step: r.step) else { return }
        if let last = records.last, last.step >= r.step { return }
        records.append(r)
        if records.count > capacity {
            stride *= 2
            records.removeAll { $0.step % stride != 0 }
        }
    }
}
