/// The `[data]` table of a preset: which dataset, how many points, and how it
/// is corrupted. Every field has the preset's default.
///
/// Ranges (checked by `validate()`):
/// - `samples` 1…1,000,000 points in total (train + test); at least one
///   training point (K for classification) after the split.
/// - `noise` 0…5, in data units; its meaning per kind is in the generator's
///   doc comment (Gaussian jitter of the inputs for classification, Gaussian
///   noise on the target for regression). Ignored for csv.
/// - `testFraction` in [0, 1): test count = round(samples · test_fraction)
///   (half away from zero); 0 gives an empty test split.
/// - `classes` 2…5 where the shape allows (`DatasetKind.allowedClasses`);
///   ignored for regression and csv (a CSV's labels decide).
/// - `labelNoise` in [0, 1), classification only: exactly
///   round(label_noise · N_train) training labels are flipped.
/// - `imbalance` ρ in [1, 1000], generated classification only: the ratio of
///   the largest to the smallest training class (exponential profile).
/// - `outliers` in [0, 1), regression only: the fraction of training targets
///   replaced by outliers.
/// - `path` the CSV file, relative to the preset's folder; only with `kind = "csv"`.
/// - `seed` overrides the run's seed for the data streams only (the UI's
///   "regenerate data" sets it); nil uses the run's seed.
public struct DataSpec: Equatable, Sendable {
    public var kind: DatasetKind
    public var samples: Int
    public var noise: Double
    public var testFraction: Double
    public var classes: Int
    public var labelNoise: Double
    public var labelNoiseKind: LabelNoiseKind
    public var imbalance: Double
    public var outliers: Double
    public var path: String?
    public var seed: UInt64?

    public init(
        kind: DatasetKind = .spiral, samples: Int = 500, noise: Double = 0.1, testFraction: Double = 0.2,
        classes: Int = 2, labelNoise: Double = 0, labelNoiseKind: LabelNoiseKind = .symmetric,
        imbalance: Double = 1, outliers: Double = 0, path: String? = nil, seed: UInt64? = nil
    ) {
        self.kind = kind
        self.samples = samples
        self.noise = noise
        self.testFraction = testFraction
        self.classes = classes
        self.labelNoise = labelNoise
        self.labelNoiseKind = labelNoiseKind
        self.imbalance = imbalance
        self.outliers = outliers
        self.path = path
        self.seed = seed
    }

    /// The most classes any dataset (CSV included) may have.
    public static let maxClasses = 5
    /// The most points a generated dataset may have.
    public static let maxSamples = 1_000_000
    /// The largest `noise`, in data units (the domain is about ±3).
    public static let maxNoise = 5.0
    /// The largest imbalance ratio ρ.
    public static let maxImbalance = 1000.0

    /// The preset keys of the `[data]` table, in order.
    public static let keys = [
        "kind", "samples", "noise", "test_fraction", "classes", "label_noise", "label_noise_kind",
        "imbalance", "outliers", "path", "seed",
    ]

    /// The number of test points of `total`: round(total · test_fraction), half away from zero.
    public static func testCount(total: Int, testFraction: Double) -> Int {
        Int((Double(total) * testFraction).rounded())
    }

    /// The task of a generated dataset (nil for csv: the file's header decides).
    public var task: PredictionTask? {
        switch kind {
        case .csv: return nil
        case .plane, .sine: return .regression
        default: return .classification(classes: classes)
        }
    }

    /// The CSV file's path: `path` as is when absolute or without a base
    /// directory, else `baseDirectory/path`.
    public func resolvedPath(baseDirectory: String?) -> String? {
        guard let path else { return nil }
        guard !path.hasPrefix("/"), let base = baseDirectory, !base.isEmpty else { return path }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }
}
