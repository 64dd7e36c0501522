import Foundation
import TensorCore
import Testing

@testable import Learning

/// Every case of Fixtures/losses.json (written by reference/losses_reference.py
/// with PyTorch in float64): the batch loss and its gradient with respect to the
/// logits or predictions, within relative 1e−4 and absolute 1e−6.
extension LossTests {
    struct FixtureCase: Decodable {
        let id: String
        let loss: String
        let params: [String: Double]
        let task: String
        let classes: Int?
        let logits: [[Double]]?
        let labels: [Int]?
        let class_weights: [Double]?
        let class_counts: [Int]?
        let predictions: [Double]?
        let targets: [Double]?
        let value: Double
        let grad: FixtureGradient
    }

    /// [[Double]] for classification, [Double] for regression.
    enum FixtureGradient: Decodable {
        case matrix([[Double]]), vector([Double])
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let m = try? c.decode([[Double]].self) { self = .matrix(m) } else { self = .vector(try c.decode([Double].self)) }
        }
        var flat: [Double] {
            switch self {
            case .matrix(let m): return m.flatMap { $0 }
            case .vector(let v): return v
            }
        }
    }

    struct FixtureFile: Decodable {
        let cases: [FixtureCase]
    }

    static let fixtures: [FixtureCase] = {
        let url = Bundle.module.url(forResource: "losses", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(FixtureFile.self, from: Data(contentsOf: url)).cases
    }()

    /// The mismatches of one case as readable lines (empty when it matches).
    static func check(_ c: FixtureCase) -> [String] {
        let loss: any LossFunction
        let outputs: Tensor, targets: LossTargets
        var weights: [Float]? = nil
        if c.task == "classification" {
            let k = c.classes!
            let context = LossContext(classes: k, classCounts: c.class_counts ?? [])
            do {
                loss = try LossCatalog.make(c.loss, parameters: c.params, context: context, family: .classification)
            } catch { return ["\(c.id): \(error)"] }
            outputs = Tensor(rows: c.logits!.map { $0.map { Float($0) } })
            targets = .labels(c.labels!)
            weights = c.class_weights.map { $0.map { Float($0) } }
        } else {
            do {
                loss = try LossCatalog.make(c.loss, parameters: c.params, context: .regression(), family: .regression)
            } catch { return ["\(c.id): \(error)"] }
            let p = c.predictions!.map { Float($0) }
            outputs = Tensor(shape: [p.count, 1], scalars: p)
            targets = .values(Tensor(c.targets!.map { Float($0) }))
        }
        let (value, gradient) = valueAndGradient(loss, outputs: outputs, targets: targets, classWeights: weights)
        var problems: [String] = []
        if !close(Double(value), c.value) { problems.append("\(c.id): value \(value), want \(c.value)") }
        let want = c.grad.flat
        let got = gradient.scalars.map(Double.init)
        if got.count != want.count { return problems + ["\(c.id): \(got.count) gradient entries, want \(want.count)"] }
        for i in want.indices where !close(got[i], want[i]) {
            problems.append("\(c.id): gradient[\(i)] \(got[i]), want \(want[i])")
        }
        return problems
    }

    @Suite struct Fixtures {
        @Test func everyLossHasCases() {
            let covered = Set(LossTests.fixtures.map(\.loss))
            #expect(LossTests.fixtures.count == 351)
            // the embedding losses have their own fixtures (EmbeddingLossTests)
            #expect(covered == Set(LossCatalog.entries.filter { $0.info.head == .linear }.map(\.info.id)))
        }

        @Test(arguments: LossCatalog.entries.filter { $0.info.head == .linear }.map(\.info.id))
        func matchesPyTorch(_ id: String) {
            let cases = LossTests.fixtures.filter { $0.loss == id }
            let problems = cases.flatMap(LossTests.check)
            #expect(problems.isEmpty, "\(problems.count) mismatches in \(cases.count) cases:\n\(problems.prefix(8).joined(separator: "\n"))")
        }
    }
}
