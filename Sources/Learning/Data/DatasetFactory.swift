import TensorCore

/// Makes the dataset a `DataSpec` describes.
///
/// Deterministic: the same spec and seed give a bit-identical dataset. All
/// randomness comes from `SeededRandom(seed: spec.seed ?? seed, stream: …)`
/// with one stream per purpose, so turning one knob does not reshuffle the rest:
/// - "data": the clean points (and regression targets with their noise);
/// - "data.noise": the input jitter of classification shapes (always drawn, so
///   changing `noise` moves the same points further or closer);
/// - "data.split": which points are test points, and the order of each split;
/// - "data.label_noise": which training labels flip, and to what;
/// - "data.outliers": which training targets become outliers.
///
/// Splits: test count = round(samples · test_fraction), half away from zero;
/// the rest is training. Classification is split per class: the training
/// split follows the imbalance profile (`ClassBalance`), the test split is
/// balanced (⌊N_test/K⌋ per class, the first N_test mod K classes one more).
/// Both splits are shuffled (labels are not sorted).
public enum DatasetFactory {
    /// The dataset of `spec`; `seed` is the run's seed (`spec.seed` overrides
    /// it); `baseDirectory` is the preset file's folder, for a relative CSV path.
    public static func make(_ spec: DataSpec, seed: UInt64, baseDirectory: String?) throws -> Dataset {
        try spec.validate()
        let seed = spec.seed ?? seed
        switch spec.kind {
        case .circles: return classification(spec, Circles.self, seed: seed)
        case .xor: return classification(spec, Xor.self, seed: seed)
        case .gauss: return classification(spec, Gauss.self, seed: seed)
        case .spiral: return classification(spec, Spiral.self, seed: seed)
        case .moons: return classification(spec, Moons.self, seed: seed)
        case .checkerboard: return classification(spec, Checkerboard.self, seed: seed)
        case .plane: return regression(spec, Plane.self, seed: seed, oneDimensional: false)
        case .sine: return regression(spec, Sine.self, seed: seed, oneDimensional: true)
        case .csv: return try CSVDataset.make(spec, seed: seed, baseDirectory: baseDirectory)
        }
    }

    static func classification(_ spec: DataSpec, _ generator: any PointGenerator.Type, seed: UInt64) -> Dataset {
        let k = spec.classes
        let nTest = DataSpec.testCount(total: spec.samples, testFraction: spec.testFraction)
        let nTrain = spec.samples - nTest
        let trainCounts = ClassBalance.counts(total: nTrain, classes: k, ratio: spec.imbalance, minimum: 1)
        let testCounts = ClassBalance.counts(total: nTest, classes: k, ratio: 1, minimum: 0)

        var rng = SeededRandom(seed: seed, stream: "data")
        var jitter = SeededRandom(seed: seed, stream: "data.noise")
        var splitter = SeededRandom(seed: seed, stream: "data.split")
        var train: [(SIMD2<Double>, Int)] = [], test: [(SIMD2<Double>, Int)] = []
        train.reserveCapacity(nTrain); test.reserveCapacity(nTest)
        for c in 0..<k {
            let n = trainCounts[c] + testCounts[c]
            var points = generator.points(ofClass: c, classes: k, count: n, rng: &rng)
            for i in points.indices {
                let dx = jitter.normal(), dy = jitter.normal()
                points[i] += spec.noise * SIMD2(dx, dy)
            }
            for (j, i) in splitter.permutation(n).enumerated() {
                if j < trainCounts[c] { train.append((points[i], c)) } else { test.append((points[i], c)) }
            }
        }
        splitter.shuffle(&train)
        splitter.shuffle(&test)

        let clean = train.map(\.1)
        var noisy = clean
        if spec.labelNoise > 0 {
            var flips = SeededRandom(seed: seed, stream: "data.label_noise")
            noisy = LabelNoise.apply(to: clean, classes: k, rate: spec.labelNoise, kind: spec.labelNoiseKind, rng: &flips)
        }
        return Dataset(
            task: .classification(classes: k),
            train: DataSplit(x: matrix(train.map(\.0)), labels: noisy, cleanLabels: clean),
            test: DataSplit(x: matrix(test.map(\.0)), labels: test.map(\.1)))
    }

    static func regression(
        _ spec: DataSpec, _ generator: any TargetGenerator.Type, seed: UInt64,
        oneDimensional: Bool
    ) -> Dataset {
        let nTest = DataSpec.testCount(total: spec.samples, testFraction: spec.testFraction)
        let nTrain = spec.samples - nTest
        var rng = SeededRandom(seed: seed, stream: "data")
        // The points are independent draws, so the first N_train are a random training split.
        let (x, y) = generator.sample(count: spec.samples, noise: spec.noise, rng: &rng)
        var trainY = y[..<nTrain].map { Float($0) }
        if spec.outliers > 0 {
            var outlierRng = SeededRandom(seed: seed, stream: "data.outliers")
            trainY = Outliers.apply(to: trainY, fraction: spec.outliers, rng: &outlierRng).targets
        }
        return Dataset(
            task: .regression,
            train: DataSplit(x: matrix(Array(x[..<nTrain])), targets: trainY),
            test: DataSplit(x: matrix(Array(x[nTrain...])), targets: y[nTrain...].map { Float($0) }),
            isOneDimensional: oneDimensional)
    }

    /// An [N, 2] tensor of points (N may be 0).
    static func matrix(_ points: [SIMD2<Double>]) -> Tensor {
        var t = Tensor(uninitializedShape: [points.count, 2])
        t.withUnsafeMutableBufferPointer { b in
            for (i, p) in points.enumerated() { b[2 * i] = Float(p.x); b[2 * i + 1] = Float(p.y) }
        }
        return t
    }

    /// An [N, 2] tensor of Float points (N may be 0).
    static func matrix(_ points: [SIMD2<Float>]) -> Tensor {
        var t = Tensor(uninitializedShape: [points.count, 2])
        t.withUnsafeMutableBufferPointer { b in
            for (i, p) in points.enumerated() { b[2 * i] = p.x; b[2 * i + 1] = p.y }
        }
        return t
    }
}
