import Foundation
import Learning
import TensorCore

/// Small JSON writing helpers. Floats are printed with the shortest digits
/// that read back to the same Float32/Double (Swift's `description`), so run
/// folders round-trip bit-exactly; NaN and infinities become `null`.
public enum JSONText {
    public static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "null" }
        return "\(x)"
    }

    public static func number(_ x: Float) -> String { x.isFinite ? "\(x)" : "null" }

    public static func string(_ s: String) -> String {
        var e = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": e += "\\\""
            case "\\": e += "\\\\"
            case "\n": e += "\\n"
            case "\t": e += "\\t"
            case "\r": e += "\\r"
            default:
                // control characters (C0, DEL, C1) escaped: TOML forbids them raw, JSON allows the escape
                if c.value < 0x20 || (0x7F...0x9F).contains(c.value) {
                    e += String(format: "\\u%04x", c.value)
                } else {
                    e.unicodeScalars.append(c)
                }
            }
        }
        return e + "\""
    }

    /// `{"shape":[…],"data":[…]}`.
    public static func tensor(_ t: Tensor) -> String {
        "{\"shape\":[\(t.shape.dims.map(String.init).joined(separator: ","))],\"data\":[\(t.scalars.map(number).joined(separator: ","))]}"
    }

    public static func array(_ xs: [Double]) -> String { "[" + xs.map { number($0) }.joined(separator: ",") + "]" }
}
