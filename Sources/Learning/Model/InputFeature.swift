import Platform
import TensorCore

/// An input feature computed from a point (x1, x2), as in TensorFlow Playground.
public enum InputFeature: String, CaseIterable, Sendable, Codable {
    case x1, x2
    case x1Squared = "x1^2"
    case x2Squared = "x2^2"
    case x1x2 = "x1*x2"
    case sinX1 = "sin(x1)"
    case sinX2 = "sin(x2)"

    public func value(_ x1: Float, _ x2: Float) -> Float {
        switch self {
        case .x1: return x1
        case .x2: return x2
        case .x1Squared: return x1 * x1
        case .x2Squared: return x2 * x2
        case .x1x2: return x1 * x2
        case .sinX1: return LibM.sin(x1)
        case .sinX2: return LibM.sin(x2)
        }
    }

    /// The feature matrix [N, features.count] of points [N, 2].
    public static func matrix(_ features: [InputFeature], of points: Tensor) -> Tensor {
        let n = points.shape[0], f = features.count
        if features == [.x1, .x2] { return points }
        var out = Tensor(uninitializedShape: [n, f])
        let p = points.pointer
        out.withUnsafeMutableBufferPointer { d in
            for i in 0..<n {
                for (j, feature) in features.enumerated() { d[i * f + j] = feature.value(p[2 * i], p[2 * i + 1]) }
            }
        }
        return out
    }
}
