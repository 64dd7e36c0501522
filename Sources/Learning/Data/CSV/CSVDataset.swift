import Platform
import TensorCore

/// A `Dataset` from a user's CSV file (`kind = "csv"`, `path` relative to the
/// preset's folder).
///
/// All rows are used (`samples`, `noise` and `classes` are ignored; the task
/// and K come from the header and labels). The rows are shuffled with the
/// "data.split" stream, then the first round(N · test_fraction) are the test
/// split (not stratified: the file's class proportions are kept as they are).
/// Label noise applies to the training labels of a classification file,
/// outliers to the training targets of a regression file, as for generated
/// data. `imbalance` is refused (`DataSpec.validate`): subsampling a user's
/// data silently would surprise more than it helps. A file whose x2 column
/// is all 0 is 1-D (`isOneDimensional`, default features ["x1"]).
enum CSVDataset {
    static func make(_ spec: DataSpec, seed: UInt64, baseDirectory: String?) throws -> Dataset {
        let path = spec.resolvedPath(baseDirectory: baseDirectory) ?? ""
        let table = try CSVTable.load(path)
        let n = table.points.count
        let nTest = DataSpec.testCount(total: n, testFraction: spec.testFraction)
        let nTrain = n - nTest
        guard nTrain >= 1 else {
            throw DataError.invalid(
                key: "data.test_fraction",
                message: "test_fraction \(formatDataValue(spec.testFraction)) of the \(dataPlural(n, "point")) in \(path) leaves no training point")
        }
        switch table.task {
        case .classification:
            if spec.outliers > 0 {
                throw DataError.invalid(
                    key: "data.outliers",
                    message: "\(path) is classification data (header x1,x2,label); outliers apply to regression targets (use label_noise)")
            }
        case .regression:
            if spec.labelNoise > 0 {
                throw DataError.invalid(key: "data.label_noise", message: "\(path) is regression data (header x1,x2,y); label noise needs classes")
            }
        }

        var splitter = SeededRandom(seed: seed, stream: "data.split")
        let order = splitter.permutation(n)
        let testRows = Array(order[..<nTest]), trainRows = Array(order[nTest...])
        let trainX = DatasetFactory.matrix(trainRows.map { table.points[$0] })
        let testX = DatasetFactory.matrix(testRows.map { table.points[$0] })

        switch table.task {
        case .classification(let k):
            let clean = trainRows.map { table.labels[$0] }
            if let missing = (0..<k).first(where: { !clean.contains($0) }) {
                throw DataError.invalid(
                    key: "data.test_fraction",
                    message: "test_fraction \(formatDataValue(spec.testFraction)) leaves class \(missing) of \(path) without a training point")
            }
            var noisy = clean
            if spec.labelNoise > 0 {
                var flips = SeededRandom(seed: seed, stream: "data.label_noise")
                noisy = LabelNoise.apply(to: clean, classes: k, rate: spec.labelNoise, kind: spec.labelNoiseKind, rng: &flips)
            }
            return Dataset(
                task: table.task,
                train: DataSplit(x: trainX, labels: noisy, cleanLabels: clean),
                test: DataSplit(x: testX, labels: testRows.map { table.labels[$0] }),
                isOneDimensional: table.isOneDimensional)
        case .regression:
            var trainY = trainRows.map { table.targets[$0] }
            if spec.outliers > 0 {
                var rng = SeededRandom(seed: seed, stream: "data.outliers")
                trainY = Outliers.apply(to: trainY, fraction: spec.outliers, rng: &rng).targets
            }
            return Dataset(
                task: .regression,
                train: DataSplit(x: trainX, targets: trainY),
                test: DataSplit(x: testX, targets: testRows.map { table.targets[$0] }),
                isOneDimensional: table.isOneDimensional)
        }
    }
}

extension DataSpec {
    /// Whether a CSV file's header says classification (`x1,x2,label`) or regression
    /// (`x1,x2,y`), read from its first line only; nil when the file or header cannot be read
    /// (loading the data reports that with its line).
    public func csvHeaderIsClassification(baseDirectory: String?) -> Bool? {
        guard kind == .csv, let path = resolvedPath(baseDirectory: baseDirectory),
            case .success(let bytes) = SystemFile.read(path, upTo: 4096)  // the header line only
        else { return nil }
        var first = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        if first.hasPrefix("\u{FEFF}") { first.removeFirst() }
        let header = first.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.filter { !" \t\r".contains($0) }.lowercased() }
        switch header {
        case ["x1", "x2", "label"]: return true
        case ["x1", "x2", "y"]: return false
        default: return nil
        }
    }
}
