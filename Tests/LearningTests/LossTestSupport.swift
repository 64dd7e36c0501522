import Foundation
import TensorCore

@testable import Learning

/// Namespace of the loss suites, so `swift test --filter LearningTests.Loss` runs them all.
enum LossTests {}

/// A loss id with parameter overrides; its description names both (test arguments).
struct LossSetting: Sendable, CustomStringConvertible {
    let id: String
    let params: [String: Double]

    init(_ id: String, _ params: [String: Double] = [:]) {
        self.id = id
        self.params = params
    }

    var description: String {
        ([id] + params.keys.sorted().map { "\($0)=\(formatParameter(params[$0]!))" }).joined(separator: " ")
    }

    var info: LossInfo { LossCatalog.entry(id)!.info }
}

extension LossTests {
    /// Every loss at its defaults plus settings that exercise other branches.
    static let settings: [LossSetting] =
        LossCatalog.entries.filter { $0.info.head == .linear }.map { LossSetting($0.info.id) } + [
            LossSetting("cross_entropy", ["temperature": 0.5]), LossSetting("label_smoothing", ["epsilon": 0.4]),
            LossSetting("focal", ["gamma": 0.5]), LossSetting("poly1", ["epsilon": -0.5]),
            LossSetting("poly1_focal", ["gamma": 0.5, "epsilon": 2]), LossSetting("gce", ["q": 0.2]),
            LossSetting("sce", ["alpha": 1, "beta": 0.5, "a": -2]), LossSetting("nce_rce", ["alpha": 10, "beta": 0.1, "a": -6]),
            LossSetting("nce_mae", ["alpha": 3, "beta": 0.5]), LossSetting("comp_sum", ["tau": 0]),
            LossSetting("comp_sum", ["tau": 0.5]), LossSetting("comp_sum", ["tau": 1.5]), LossSetting("comp_sum", ["tau": 2]),
            LossSetting("encouraging", ["le": 0.5]), LossSetting("encouraging", ["le": 1]),
            LossSetting("ldr_kl", ["lambda": 0.5, "c": 0.1]), LossSetting("z_loss", ["a": 2, "b": 0.5]),
            LossSetting("hinge", ["margin": 2]), LossSetting("hinge_ww", ["margin": 2]), LossSetting("squared_hinge", ["margin": 3]),
            LossSetting("logit_adjusted", ["tau": 0.5]), LossSetting("ldam", ["max_margin": 0.3, "scale": 3]),
            LossSetting("huber", ["delta": 0.5]), LossSetting("pseudo_huber", ["delta": 2]), LossSetting("quantile", ["q": 0.9]),
            LossSetting("z_error", ["tau": 1.5]), LossSetting("smooth_l1", ["beta": 0.5]),
        ]

    /// A loss from the catalog with K classes (equal counts unless given); traps on a bad name.
    static func make(
        _ id: String, _ params: [String: Double] = [:], classes: Int = 3,
        counts: [Int]? = nil
    ) -> any LossFunction {
        let info = LossCatalog.entry(id)!.info
        let context =
            info.family == .classification
            ? LossContext(classes: classes, classCounts: counts ?? Array(repeating: 10, count: classes))
            : LossContext.regression()
        return try! LossCatalog.make(id, parameters: params, context: context, family: info.family)
    }

    static var classificationIDs: [String] { LossCatalog.ids(for: .classification) }
    static var regressionIDs: [String] { LossCatalog.ids(for: .regression) }

    /// Batch loss and its gradient with respect to the outputs.
    static func valueAndGradient(
        _ loss: any LossFunction, outputs: Tensor, targets: LossTargets,
        classWeights: [Float]? = nil
    ) -> (value: Float, gradient: Tensor) {
        let tape = Tape()
        let z = tape.parameter(outputs)
        let l = loss.batchLoss(z, targets, classWeights: classWeights)
        return (l.value.scalar, tape.gradients(of: l).of(z))
    }

    /// Per-example losses and the gradient of their sum.
    static func perExample(_ loss: any LossFunction, outputs: Tensor, targets: LossTargets) -> (values: Tensor, gradient: Tensor) {
        let tape = Tape()
        let z = tape.parameter(outputs)
        let l = loss.perExample(z, targets)
        return (l.value, tape.gradients(of: l).of(z))
    }

    /// |a − b| ≤ atol + rtol·|b| (the fixture tolerance by default).
    static func close(_ a: Double, _ b: Double, rtol: Double = 1e-4, atol: Double = 1e-6) -> Bool {
        abs(a - b) <= atol + rtol * abs(b)
    }

    /// Softmax of one row in Double.
    static func softmax(_ z: [Float]) -> [Double] {
        let m = Double(z.max()!)
        let e = z.map { Foundation.exp(Double($0) - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// Rows of a matrix tensor.
    static func rows(_ t: Tensor) -> [[Float]] {
        let k = t.shape[1]
        return (0..<t.shape[0]).map { i in (0..<k).map { t[i, $0] } }
    }

    /// Deterministic labels 0, 1, …, K − 1, 0, … for N rows.
    static func labels(_ n: Int, classes k: Int) -> [Int] { (0..<n).map { $0 % k } }
}
