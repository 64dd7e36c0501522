import Foundation
import Learning

/// A landscape as plain text: a shade-ramp picture of the surface (β up,
/// α right; `X` the centre, `o` the projected path) with its values.
public enum LandscapeText {
    /// Light to dark: low values are light.
    public static let ramp = Array(" .:-=+*#%@")

    /// The shade index (0..<ramp.count) of v in [lo, hi]; log-spaced when `log`.
    static func shade(_ v: Double, _ lo: Double, _ hi: Double, log: Bool) -> Character {
        guard v.isFinite else { return "?" }
        var t: Double
        if hi <= lo {
            t = 0
        } else if log {
            t = (Foundation.log(v) - Foundation.log(lo)) / (Foundation.log(hi) - Foundation.log(lo))
        } else {
            t = (v - lo) / (hi - lo)
        }
        guard !t.isNaN else { return ramp[0] }
        t = min(max(t, 0), 1)
        return ramp[min(ramp.count - 1, Int(t * Double(ramp.count)))]
    }

    /// The picture and a summary, several lines ending in a newline.
    public static func render(_ setup: LandscapeSetup, surface: LandscapeSurface, sharpness: Double?, name: String) -> String {
        let o = setup.options
        let grid = surface.grid
        let n = grid.count
        let range = surface.finiteRange ?? 0...0
        let log = surface.metric == .loss && range.lowerBound > 0 && range.upperBound / range.lowerBound > 10
        var cells = surface.values.map { row in row.map { shade($0, range.lowerBound, range.upperBound, log: log) } }
        if let p = setup.pca {
            /// The grid index of coordinate `t`, nil outside the grid (NaN, ±inf and
            /// huge values included: they are tested as Doubles before any `Int`).
            func index(_ t: Double) -> Int? {
                let r = ((t + grid.span) / (2 * grid.span) * Double(n - 1)).rounded()
                return r.isFinite && r >= 0 && r < Double(n) ? Int(r) : nil
            }
            for point in p.path where grid.span > 0 {
                if let i = index(point.y), let j = index(point.x) { cells[i][j] = "o" }
            }
        }
        if let c = grid.centerIndex { cells[c][c] = "X" }
        let width = n <= 50 ? 2 : 1
        func f(_ x: Double) -> String { x.isFinite ? String(format: "%.4g", x) : "\(x)" }
        let span = f(grid.span)
        let kind =
            o.directions == .pca
            ? "PCA directions of the training path"
            : "random directions, \(o.normalization.rawValue) normalization"
        var lines: [String] = []
        lines.append("\(name): landscape at step \(setup.step); \(kind), biases \(o.biases == .ignore ? "ignored" : "normalized")")
        lines.append("\(o.split.rawValue) \(surface.metric.rawValue) on \(n)×\(n) points, α, β ∈ [−\(span), \(span)]\(log ? " (log shading)" : "")")
        let label = max(span.count + 1, 2)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let tag = i == n - 1 ? span : (i == 0 ? "-" + span : (grid.centerIndex == i ? "0" : ""))
            let row = cells[i].map { String(repeating: String($0), count: width) }.joined()
            lines.append(tag.padding(toLength: label, withPad: " ", startingAt: 0) + "|" + row + "|")
        }
        let axis = "-" + span
        let inner = n * width - axis.count - span.count
        lines.append(String(repeating: " ", count: label + 1) + axis + String(repeating: " ", count: max(inner, 1)) + span + "  α")
        lines.append(
            "shades: '\(ramp.first!)' \(f(range.lowerBound)) … '\(ramp.last!)' \(f(range.upperBound)); X the centre"
                + (setup.pca != nil ? ", o the path" : ""))
        var summary = "centre \(f(surface.center))  min \(f(range.lowerBound))  max \(f(range.upperBound))"
        if let p = setup.pca {
            summary += String(format: "  explained variance %.1f%% + %.1f%%", p.explainedVariance[0] * 100, p.explainedVariance[1] * 100)
        } else {
            summary += "  cos(d1, d2) \(f(setup.computation.directions.cosine))"
        }
        if let sharpness { summary += "  sharpness \(f(sharpness))" }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }
}
