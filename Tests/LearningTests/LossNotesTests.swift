import Foundation
import Testing

@testable import Learning

extension LossTests {
    /// Defaults that differ from the paper are marked "ours" with the paper's value; the
    /// measured caveats are there (reference/check_caveats.py reruns their numbers).
    @Suite struct Notes {
        @Test func oursDefaultsSayWhatThePaperUses() {
            #expect(LossNotes.parameter("ldam", "scale").ours && LossNotes.parameter("ldam", "scale").note.contains("s = 30"))
            #expect(!LossNotes.parameter("ldam", "max_margin").ours)
            #expect(LossNotes.parameter("z_loss", "a").ours && LossNotes.parameter("z_loss", "b").note.contains("no universal default"))
            #expect(!LossNotes.parameter("focal", "gamma").ours && LossNotes.parameter("focal", "gamma").note.isEmpty)
            for (id, table) in LossNotes.parameters {
                let info = LossCatalog.entry(id)?.info
                #expect(info != nil, "notes for an unknown loss \(id)")
                for name in table.keys { #expect(info?.parameters.contains { $0.name == name } == true, "\(id).\(name)") }
            }
        }

        @Test func caveatsCarryTheirMeasurements() {
            #expect(LossNotes.caveats("nce_rce").first?.contains("α = 10, β = 0.1") == true)
            #expect(LossNotes.caveats("z_error").first?.contains("quarter") == true)
            #expect(LossNotes.caveats("mae").first?.contains("underfits") == true)
            #expect(LossNotes.caveats("ldr_kl").contains { $0.contains("softplus(z)/mean softplus(z)") })
            #expect(LossNotes.caveats("ldr_kl").contains { $0.contains("−λ·log K") })
            #expect(LossNotes.caveats("cross_entropy").isEmpty)
        }

        /// ℓ of ldr_kl reaches −λ·log K when the label logit wins by more than the margin (the caveat's claim).
        @Test func ldrKLIsNegativeDownToMinusLambdaLogK() {
            let c = LossShape.curve(LossTests.make("ldr_kl", ["lambda": 0.5, "c": 1], classes: 3), classes: 3, points: 41)
            #expect(c.loss.min()! < 0)
            #expect(abs(c.loss.last! - (-0.5 * log(3.0))) < 5e-3 && c.loss.min()! >= -0.5 * log(3.0) - 1e-6)
        }
    }
}
