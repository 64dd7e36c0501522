import Engine
import Learning

/// `losscape inspect LOSS --json`: what the panel draws, machine-readable.
extension InspectCommand {
    /// The JSON document (one object; see the README for its keys).
    func json(_ loss: any LossFunction, values: [String: Double], classes k: Int) -> String {
        let i = loss.info
        let curve = LossShape.curve(loss, classes: k, points: 2 * Self.plotWidth)
        let provenance = LossPapers.byLoss[i.id]
        func numbers(_ xs: [Double]) -> String { "[" + xs.map { JSONText.number($0) }.joined(separator: ",") + "]" }
        func paper(_ c: Citation) -> String {
            "{\"title\":\(JSONText.string(c.title)),\"authors\":\(JSONText.string(c.authors)),"
                + "\"year\":\(c.year),\"venue\":\(JSONText.string(c.venue))}"
        }
        let parameters = i.parameters.map { p -> String in
            let note = LossNotes.parameter(i.id, p.name)
            var fields = ["\"name\":\(JSONText.string(p.name))", "\"default\":\(JSONText.number(p.defaultValue))"]
            if let v = values[p.name] { fields.append("\"value\":\(JSONText.number(v))") }
            fields.append("\"range\":[\(JSONText.number(p.range.lowerBound)),\(JSONText.number(p.range.upperBound))]")
            fields.append("\"ours\":\(note.ours)")
            fields.append("\"note\":\(JSONText.string(note.note))")
            return "{" + fields.joined(separator: ",") + "}"
        }
        // pair losses: the negative pair's curves beside the positive pair's
        var negative = ""
        if let nl = curve.negativeLoss, let nd = curve.negativeDerivative {
            negative = ",\"negative_loss\":" + numbers(nl) + ",\"negative_derivative\":" + numbers(nd)
        }
        let fields = [
            "\"loss\":\(JSONText.string(i.id))",
            "\"task\":\(JSONText.string(i.family.rawValue))",
            "\"summary\":\(JSONText.string(i.summary))",
            "\"formula\":\(JSONText.string(i.formula))",
            "\"paper\":" + (provenance.map { paper($0.origin) } ?? "null"),
            "\"studied_in\":[" + (provenance?.studiedIn ?? []).map { JSONText.string($0.title) }.joined(separator: ",") + "]",
            "\"studied_in_papers\":[" + (provenance?.studiedIn ?? []).map(paper).joined(separator: ",") + "]",
            "\"parameters\":[" + parameters.joined(separator: ",") + "]",
            "\"caveats\":[" + LossNotes.caveats(i.id).map(JSONText.string).joined(separator: ",") + "]",
            "\"curve\":{\"variable\":\(JSONText.string(curve.variable.rawValue)),"
                + "\"assumption\":\(JSONText.string(curve.assumption)),\"classes\":\(curve.classes),"
                + "\"x\":\(numbers(curve.x)),\"loss\":\(numbers(curve.loss)),\"derivative\":\(numbers(curve.derivative))"
                + negative + "}",
            "\"head\":\(JSONText.string(i.head.rawValue))",
        ]
        return "{" + fields.joined(separator: ",") + "}"
    }
}
