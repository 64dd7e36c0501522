/// A loss's resolved parameter values (defaults filled in), by name.
public struct LossParameters: Sendable, Equatable {
    public private(set) var values: [String: Double]

    public init(_ values: [String: Double] = [:]) { self.values = values }

    /// The value of a parameter the loss declares (a missing one is a programming error).
    public subscript(name: String) -> Double {
        guard let v = values[name] else { preconditionFailure("loss parameter \(name) not resolved") }
        return v
    }

    /// Declared parameters with defaults filled in from `info`.
    public static func resolved(_ given: [String: Double], for info: LossInfo) -> LossParameters {
        var v: [String: Double] = [:]
        for p in info.parameters { v[p.name] = given[p.name] ?? p.defaultValue }
        return LossParameters(v)
    }
}
