extension DataSpec {
    /// Refuses out-of-range values and impossible combinations with a
    /// `DataError` naming the key, e.g. `data.classes: moons supports 2 classes, got 3`.
    /// A CSV's own checks (task, labels, size) happen when it is loaded.
    public func validate() throws {
        func fail(_ key: String, _ message: String) -> DataError { .invalid(key: "data." + key, message: message) }

        if kind == .csv {
            guard let path, !path.isEmpty else { throw fail("path", "kind = \"csv\" needs a path to the CSV file") }
        } else if path != nil {
            throw fail("path", "only used with kind = \"csv\" (kind is \(kind.rawValue))")
        }
        if kind != .csv {
            guard (1...DataSpec.maxSamples).contains(samples) else {
                throw fail("samples", "must be between 1 and \(DataSpec.maxSamples), got \(samples)")
            }
            guard noise.isFinite, noise >= 0, noise <= DataSpec.maxNoise else {
                throw fail("noise", "must be between 0 and \(formatDataValue(DataSpec.maxNoise)), got \(formatDataValue(noise))")
            }
        }
        guard testFraction.isFinite, testFraction >= 0, testFraction < 1 else {
            throw fail("test_fraction", "must be in [0, 1), got \(formatDataValue(testFraction))")
        }
        guard labelNoise.isFinite, labelNoise >= 0, labelNoise < 1 else {
            throw fail("label_noise", "must be in [0, 1), got \(formatDataValue(labelNoise))")
        }
        guard imbalance.isFinite, imbalance >= 1, imbalance <= DataSpec.maxImbalance else {
            throw fail("imbalance", "must be between 1 (balanced) and \(formatDataValue(DataSpec.maxImbalance)), got \(formatDataValue(imbalance))")
        }
        guard outliers.isFinite, outliers >= 0, outliers < 1 else {
            throw fail("outliers", "must be in [0, 1), got \(formatDataValue(outliers))")
        }

        if kind.isRegression {
            if labelNoise > 0 { throw fail("label_noise", "\(kind.rawValue) is a regression dataset; label noise needs classes") }
            if imbalance != 1 { throw fail("imbalance", "\(kind.rawValue) is a regression dataset; imbalance needs classes") }
        }
        if kind.isClassification {
            if outliers > 0 {
                throw fail("outliers", "\(kind.rawValue) is a classification dataset; outliers apply to regression targets (use label_noise)")
            }
            let allowed = kind.allowedClasses
            guard allowed.contains(classes) else {
                let what = allowed.count == 1 ? "\(allowed[0]) classes" : "\(kind.allowedClassesText) classes"
                throw fail("classes", "\(kind.rawValue) supports \(what), got \(classes)")
            }
        }
        if kind == .csv && imbalance != 1 {
            throw fail("imbalance", "not supported for csv data (the file's class counts are used as they are)")
        }

        if kind != .csv {
            let nTest = DataSpec.testCount(total: samples, testFraction: testFraction)
            let nTrain = samples - nTest
            let needed = kind.isClassification ? classes : 1
            if samples < needed {
                throw fail("samples", "\(samples) samples for \(classes) classes; need at least one training point per class")
            }
            if nTrain < needed {
                let what = kind.isClassification ? "at least one per class (\(classes))" : "at least 1"
                throw fail(
                    "test_fraction",
                    "test_fraction \(formatDataValue(testFraction)) of \(dataPlural(samples, "sample")) leaves \(dataPlural(nTrain, "training point")); need \(what)"
                )
            }
        }
    }
}

/// A Double as a preset would write it: "0.1", "3", "1e-05".
func formatDataValue(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return String(x)
}

/// "1 point", "3 points".
func dataPlural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
