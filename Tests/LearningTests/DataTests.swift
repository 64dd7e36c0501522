import TensorCore
import Testing

@testable import Learning

/// Namespace of the dataset suites, so `swift test --filter DataTests` runs them all.
enum DataTests {}

/// Helpers shared by the dataset suites.
extension DataTests {
    static func make(_ spec: DataSpec, seed: UInt64 = 1) throws -> Dataset {
        try DatasetFactory.make(spec, seed: seed, baseDirectory: nil)
    }

    static func points(_ s: DataSplit) -> [SIMD2<Float>] {
        let v = s.x.scalars
        return (0..<s.count).map { SIMD2(v[2 * $0], v[2 * $0 + 1]) }
    }

    /// Every (kind, classes) pair a generated classification dataset allows.
    static let classificationCases: [(DatasetKind, Int)] = DatasetKind.allCases
        .filter(\.isClassification)
        .flatMap { kind in kind.allowedClasses.map { (kind, $0) } }

    static func identical(_ a: Dataset, _ b: Dataset) -> Bool {
        a.task == b.task && a.isOneDimensional == b.isOneDimensional
            && a.train.x == b.train.x && a.test.x == b.test.x
            && a.train.labels == b.train.labels && a.train.cleanLabels == b.train.cleanLabels
            && a.test.labels == b.test.labels
            && a.train.targets.map(\.bitPattern) == b.train.targets.map(\.bitPattern)
            && a.test.targets.map(\.bitPattern) == b.test.targets.map(\.bitPattern)
    }
}
