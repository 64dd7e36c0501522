import Foundation
import TensorCore
import Testing

@testable import Learning

/// The analysis definitions against hand-computed cases.
@Suite struct AnalysisTests {
    func probs(_ rows: [[Float]]) -> Tensor { Tensor(rows: rows) }

    /// Four points: confidences 0.9 (right), 0.9 (wrong), 0.5 (tie → first index, right), 0.34 (wrong).
    @Test func reliabilityBinsECEAndMCE() {
        let p = probs([[0.9, 0.1], [0.1, 0.9], [0.5, 0.5], [0.33, 0.34]])
        let c = Calibration(probabilities: p, labels: [0, 0, 0, 0])
        #expect(c.predictions == [0, 1, 0, 1], "ties go to the first index")
        #expect(c.n == 4 && c.accuracy == 0.5)
        // bins: 0.9 → ⌊13.5⌋ = 13; 0.5 → 7; 0.34 → ⌊5.1⌋ = 5
        #expect(c.bins.count == 15 && c.bins.map(\.count) == [0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 2, 0])
        #expect(c.bins[0].confidence == nil && c.bins[0].accuracy == nil, "empty bins have no mean")
        #expect(abs(c.bins[13].confidence! - 0.9) < 1e-7 && c.bins[13].accuracy == 0.5)
        #expect(abs(c.bins[5].lo - 5.0 / 15) < 1e-12 && abs(c.bins[5].hi - 6.0 / 15) < 1e-12)
        // ECE = ¼|0 − 0.34| + ¼|1 − 0.5| + ½|0.5 − 0.9| = 0.085 + 0.125 + 0.2
        #expect(abs(c.ece - 0.41) < 1e-6)
        #expect(abs(c.mce - 0.5) < 1e-6)
        // NLL = mean −log p_0 = (−log .9 − log .1 − log .5 − log .33)/4
        let nll = -(log(0.9) + log(0.1) + log(0.5) + log(Double(Float(0.33)))) / 4
        #expect(abs(c.nll - nll) < 1e-6)
        // Brier = mean Σ (p − onehot)²
        let brier = (0.01 + 0.01 + 0.81 + 0.81 + 0.25 + 0.25 + 0.67 * 0.67 + 0.34 * 0.34) / 4
        #expect(abs(c.brier - brier) < 1e-6)
    }

    @Test func confidenceOneFallsInTheLastBinAndZeroProbabilityIsClamped() {
        let c = Calibration(probabilities: probs([[1, 0], [0, 1]]), labels: [0, 0])
        #expect(c.bins[14].count == 2)
        #expect(abs(c.nll - (-log(1e-12)) / 2) < 1e-9, "p_y = 0 counts as 1e−12")
        let empty = Calibration(probabilities: Tensor.zeros([0, 3]), labels: [])
        #expect(empty.n == 0 && empty.ece.isNaN && empty.bins.allSatisfy { $0.count == 0 })
    }

    @Test func confusionPerClassAndBalancedAccuracy() {
        // class 2 is absent from the labels
        let r = ClassReport(predictions: [0, 0, 1, 1, 2], labels: [0, 1, 1, 1, 0], classes: 3)
        #expect(r.confusion == [[1, 0, 1], [1, 2, 0], [0, 0, 0]])
        #expect(r.perClassAccuracy[0] == 0.5 && abs(r.perClassAccuracy[1]! - 2.0 / 3) < 1e-12 && r.perClassAccuracy[2] == nil)
        #expect(abs(r.balancedAccuracy - (0.5 + 2.0 / 3) / 2) < 1e-12, "the mean over classes present")
    }

    @Test func logitMarginsAndTheirSummary() {
        let m = LogitMargins.of(logits: Tensor(rows: [[3, 1, 2], [0, 5, -1], [1, 1, 1], [2, 0, 0]]), labels: [0, 0, 2, 0])
        #expect(m == [1, -5, 0, 2])
        let s = LogitMargins.summary(m)
        #expect(s.min == -5 && s.median == 0.5 && s.mean == -0.5, "an even count: the mean of the two middle values")
        #expect(LogitMargins.summary([3, -1, 2]).median == 2)
        #expect(LogitMargins.summary([]).min.isNaN)
    }

    @Test func residualHistogram() {
        let r = ResidualReport(predictions: Tensor([1, 2, 3, 5]), targets: [0, 0, 0, 0])
        #expect(r.n == 4 && r.mae == 2.75 && abs(r.rmse - (39.0 / 4).squareRoot()) < 1e-12)
        #expect(r.edges.count == 21 && r.edges.first == 1 && r.edges.last == 5)
        #expect(r.counts.reduce(0, +) == 4 && r.counts.first == 1 && r.counts.last == 1, "the maximum falls in the last bin")
    }

    /// A relu net whose single hidden unit is x1: two regions (x1 > 0 and x1 ≤ 0) in a symmetric box.
    @Test func linearRegionsCountActivationPatterns() {
        let spec = MLPSpec(hidden: [2], activation: .relu, features: [.x1, .x2])
        let model = MLP(
            spec: spec,
            layers: [
                DenseLayer(weight: Tensor(shape: [2, 2], scalars: [1, 0, 0, 1]), bias: Tensor([0, 0])),
                DenseLayer(weight: Tensor(shape: [2, 2], scalars: [1, 0, 0, 1]), bias: Tensor([0, 0])),
            ])
        let r = LinearRegions(model: model, box: (-1, 1, -1, 1), side: 10)
        #expect(r.count == 4, "the quadrants")
        #expect(r.region[0] != r.region[9] && r.region[0] != r.region[90])
        #expect(!LinearRegions.applies(to: MLPSpec(activation: .tanh)) && LinearRegions.applies(to: MLPSpec(activation: .leakyRelu)))
    }
}

/// Analyses of hostile outputs (a diverged run's ±inf, NaN and huge values) bin what they can
/// and never trap: bin indices are clamped as Doubles before any Int.
@Suite struct HostileAnalysisTests {
    @Test func calibrationOfNonFiniteProbabilities() {
        let values: [Float] = [.infinity, 0, .nan, 1, -.infinity, 2, 3e38, -3e38, 0.5, 0.5]
        let c = Calibration(probabilities: Tensor(shape: [5, 2], scalars: values), labels: [0, 1, 0, 1, 1])
        #expect(c.n == 5 && c.bins.map(\.count).reduce(0, +) == 5)
    }

    @Test func residualsOfHugeAndNonFiniteValues() {
        let p = Tensor(shape: [6, 1], scalars: [3e38, -3e38, .infinity, .nan, 1.4e-45, 0])
        let r = ResidualReport(predictions: p, targets: [0, 0, 0, 0, 0, 0])
        #expect(r.counts.reduce(0, +) == 4, "the four finite residuals are binned")
        let tiny = ResidualReport(predictions: Tensor(shape: [2, 1], scalars: [1.4e-45, 0]), targets: [0, 0])
        #expect(tiny.counts.reduce(0, +) == 2)
    }
}
