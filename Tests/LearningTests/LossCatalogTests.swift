import Foundation
import Testing

@testable import Learning

/// The catalog: the 33 losses of issue #3 and the 8 embedding losses of issue #13 in order, each
/// fully described, and
/// `LossCatalog.make`'s checks.
extension LossTests {
    @Suite struct Catalog {
        static let issueOrder = [
            "cross_entropy", "label_smoothing", "focal", "poly1", "poly1_focal", "brier", "mae", "gce", "sce",
            "nce_rce", "nce_mae", "comp_sum", "taylor_softmax", "squentropy", "encouraging", "ldr_kl", "sparsemax",
            "z_loss", "hinge", "hinge_ww", "squared_hinge", "exponential", "modified_huber", "logit_adjusted", "ldam",
            "normface", "cosface", "arcface", "circle", "cosine_contrastive", "contrastive", "triplet", "supcon",
            "mse", "l1", "huber", "pseudo_huber", "log_cosh", "quantile", "z_error", "smooth_l1",
        ]

        @Test func theIssuesLossesInOrder() {
            #expect(LossCatalog.ids == Self.issueOrder)
            #expect(LossCatalog.ids(for: .classification).count == 33)
            #expect(LossCatalog.entries.filter { $0.info.head == .cosine }.count == 5)
            #expect(LossCatalog.entries.filter { $0.info.head == .embedding }.count == 3)
            #expect(LossCatalog.ids(for: .regression) == Array(Self.issueOrder.suffix(8)))
        }

        @Test(arguments: LossCatalog.ids)
        func described(_ id: String) throws {
            let info = LossCatalog.entry(id)!.info
            #expect(!info.summary.isEmpty && !info.summary.contains("\n"))
            #expect(info.formula.contains("ℓ") || info.formula.contains("L ="))
            // the originating paper by title, first author and year; never a reading-list number
            let p = try #require(info.provenance, "\(id) has no originating paper")
            #expect(!p.origin.title.isEmpty && !p.origin.authors.isEmpty && !p.origin.venue.isEmpty && p.origin.year > 1700)
            #expect(info.paper.contains(p.origin.title) && info.paper.contains(String(p.origin.year)))
            #expect(!info.paper.contains("#") && !p.studiedIn.contains { $0.title.contains("#") || $0.title == p.origin.title })
            #expect(LossPapers.all.values.contains(p.origin), "\(id): origin missing from LossPapers.all (reference/papers.md)")
            #expect(info.minClasses == (id == "z_loss" ? 3 : 2))
            for p in info.parameters {
                #expect(p.contains(p.defaultValue), "\(id).\(p.name) default outside \(p.rangeText)")
                #expect(!p.summary.isEmpty)
            }
            // The made loss reports the same info.
            let context = info.family == .classification ? LossContext(classes: 3, classCounts: [5, 5, 5]) : .regression()
            let loss = try LossCatalog.make(id, parameters: [:], context: context, family: info.family)
            #expect(loss.info.id == id)
        }

        @Test func makeRefusesBadRequests() {
            let three = LossContext(classes: 3, classCounts: [1, 1, 1])
            let two = LossContext(classes: 2, classCounts: [1, 1])
            func message(_ id: String, _ params: [String: Double] = [:], _ context: LossContext, _ family: LossFamily) -> String {
                do {
                    _ = try LossCatalog.make(id, parameters: params, context: context, family: family)
                    return ""
                } catch { return "\(error)" }
            }
            #expect(message("z_loss", [:], two, .classification).contains("at least 3 classes"))
            #expect(message("z_loss", [:], three, .classification).isEmpty)
            #expect(message("focal", ["gamma": 11], three, .classification).hasPrefix("loss.gamma"))
            #expect(message("gce", ["q": 0], three, .classification).contains("(0, 1]"))
            #expect(message("comp_sum", ["tau": 2.5], three, .classification).contains("[0, 2]"))
            #expect(message("label_smoothing", ["epsilon": 1], three, .classification).contains("[0, 1)"))
            #expect(message("encouraging", ["le": 0], three, .classification).contains("(0, 1]"))
            #expect(message("huber", ["delta": 0], .regression(), .regression).contains("loss.delta"))
            #expect(message("focal", ["alpha": 1], three, .classification).contains("no parameter alpha"))
            #expect(message("huber", [:], three, .classification).contains("regression loss"))
            #expect(message("hinge", [:], .regression(), .regression).contains("classification loss"))
        }
    }
}

/// The reading-list papers are cited in full (authors, year, venue), agree with the originating
/// citation where a paper is both, and reference/papers.md lists them as the code does.
@Suite struct ReadingListCitationTests {
    static var studied: [Citation] {
        Array(Set(LossPapers.byLoss.values.flatMap(\.studiedIn))).sorted { $0.title < $1.title }
    }

    @Test func everyStudiedPaperIsCitedInFull() {
        #expect(Self.studied.count >= 30)
        for c in Self.studied {
            #expect(!c.authors.isEmpty && !c.venue.isEmpty && (1950...2026).contains(c.year), "\(c.title)")
            #expect(!c.short.hasPrefix(" ") && c.short.hasSuffix(String(c.year)), "\(c.short)")
        }
    }

    @Test func aPaperCitedTwiceAgrees() {
        for c in Self.studied {
            guard let origin = LossPapers.all.values.first(where: { $0.title == c.title }) else { continue }
            #expect(origin.year == c.year && origin.venue == c.venue && origin.firstAuthor == c.firstAuthor, "\(c.title)")
        }
    }

    @Test func papersMarkdownListsThemWithAuthorsAndYear() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("reference/papers.md"), encoding: .utf8)
        for c in Self.studied {
            let listed = text.split(separator: "\n").contains {
                $0.contains("*\(c.title)*") && $0.contains("(\(c.year))") && $0.contains(c.authors)
            }
            #expect(listed, "reference/papers.md lacks “\(c.title)” (\(c.year)) with its authors \(c.authors)")
        }
    }
}
