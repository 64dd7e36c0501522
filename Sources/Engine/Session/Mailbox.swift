import Synchronization

/// A latest-wins mailbox: the engine puts snapshots, the UI takes the newest.
/// One lock, kept together with its value.
public final class Mailbox<Value: Sendable>: Sendable {
    private let slot = Mutex<(value: Value?, fresh: Bool)>((nil, false))

    public init() {}

    /// Replaces whatever is there.
    public func put(_ v: Value) { slot.withLock { $0 = (v, true) } }

    /// The newest value if it has not been taken yet.
    public func takeFresh() -> Value? {
        slot.withLock { s in
            guard s.fresh else { return nil }
            s.fresh = false
            return s.value
        }
    }

    /// The newest value, taken or not.
    public func peek() -> Value? { slot.withLock { $0.value } }
}
