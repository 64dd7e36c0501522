/// The datasets losscape can generate or load (`[data] kind`).
///
/// Generated points lie roughly within [−3, 3]² (TensorFlow Playground's shapes
/// at half its ±6 scale); see each generator's doc comment for its formula.
public enum DatasetKind: String, CaseIterable, Sendable, Codable {
    case circles, xor, gauss, spiral, moons, checkerboard
    case plane, sine
    case csv

    /// True for the regression generators (plane, sine). A CSV's task comes
    /// from its header (`label` or `y`), so `csv` answers false here.
    public var isRegression: Bool { self == .plane || self == .sine }

    /// True for the generated classification datasets.
    public var isClassification: Bool { !isRegression && self != .csv }

    /// The class counts the shape allows; empty for regression. A CSV's class
    /// count comes from its labels (2 to `DataSpec.maxClasses`).
    public var allowedClasses: [Int] {
        switch self {
        case .circles, .gauss, .spiral: return Array(2...DataSpec.maxClasses)
        case .xor: return [2, 4]
        case .moons, .checkerboard: return [2]
        case .plane, .sine: return []
        case .csv: return Array(2...DataSpec.maxClasses)
        }
    }

    /// The allowed class counts as text: "2–5", "2 or 4", "2", or "—" for regression.
    public var allowedClassesText: String {
        let c = allowedClasses
        guard let lo = c.first, let hi = c.last else { return "—" }
        if c.count == 1 { return "\(lo)" }
        if c == Array(lo...hi) { return "\(lo)–\(hi)" }
        return c.map(String.init).joined(separator: " or ")
    }

    /// One line for `losscape list datasets`.
    public var summary: String {
        switch self {
        case .circles: return "concentric rings, one class per ring (classes 2–5)"
        case .xor: return "quadrants: same-sign vs opposite-sign (2 classes), or one class per quadrant (4)"
        case .gauss: return "Gaussian blobs on a circle of radius 2, one per class (classes 2–5)"
        case .spiral: return "interleaved spiral arms, 1.75 turns, one per class (classes 2–5)"
        case .moons: return "two interleaving half-moons (2 classes)"
        case .checkerboard: return "4×4 two-colour board over [−3, 3]² (2 classes)"
        case .plane: return "regression: y = 0.5·x1 − 0.8·x2 + noise over [−3, 3]²"
        case .sine: return "regression, 1-D: y = sin x1 + noise, x1 in [−3, 3]"
        case .csv: return "your points from a CSV file: header x1,x2,label or x1,x2,y (data.path)"
        }
    }

    /// The default input features: ["x1"] for 1-D data (sine), ["x1", "x2"]
    /// otherwise. A CSV whose x2 column is all 0 is 1-D too: use
    /// `Dataset.defaultFeatures` once it is loaded.
    public var defaultFeatures: [InputFeature] { self == .sine ? [.x1] : [.x1, .x2] }

    /// The kind named `name`, or a `DataError` naming `data.kind` and the choices.
    public static func named(_ name: String) throws -> DatasetKind {
        guard let k = DatasetKind(rawValue: name) else {
            throw DataError.invalid(
                key: "data.kind",
                message:
                    "unknown dataset \"\(name)\"\(Suggestion.didYouMean(name, among: allCases.map(\.rawValue))) (expected one of \(allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        return k
    }
}
