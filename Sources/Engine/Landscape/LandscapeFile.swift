import Learning
import TensorCore

/// The run folder's `landscape.json` (issue #5):
///
/// `{"directions":"random","norm":"filter","ignore_biases":true,"span":1.0,"grid":41,
///   "alphas":[…],"betas":[…],"loss":[[…],…],"center_loss":…,"split":"train","metric":"loss",
///   "center":<weights>,"d1":<weights>,"d2":<weights>,"cosine":…,
///   "path":[[a,b],…],"explained_variance":[…,…],"sharpness":…}`
///
/// `loss[i][j]` is the value at alpha = alphas[j], beta = betas[i] (of the
/// metric named by `metric`, the loss unless asked otherwise); `center_loss`
/// is the value at (0, 0). `<weights>` is the weights format of
/// `weights-final.json` (`WeightsFile`); d1 and d2 use it too. `norm` is
/// "none" for PCA directions (unit-norm principal components); `path` and
/// `explained_variance` appear only with PCA directions; `sharpness` is the
/// top Hessian eigenvalue of the training loss at the centre (null when not computed).
public enum LandscapeFile {
    public static func json(_ setup: LandscapeSetup, surface: LandscapeSurface, sharpness: Double?) -> String {
        let o = setup.options
        let c = setup.computation
        let model = c.objective.model
        func weights(_ p: [Tensor]) -> String {
            var m = model
            m.parameters = p
            return WeightsFile.json(m)
        }
        // loss values came from Float: print them in Float's shortest form
        func value(_ x: Double) -> String {
            surface.metric == .loss ? JSONText.number(Float(x)) : JSONText.number(x)
        }
        var fields: [String] = [
            "\"directions\":\(JSONText.string(o.directions.rawValue))",
            "\"norm\":\(JSONText.string(o.effectiveNormalization.rawValue))",
            "\"ignore_biases\":\(o.biases == .ignore)",
            "\"span\":\(JSONText.number(c.grid.span))",
            "\"grid\":\(c.grid.count)",
            "\"alphas\":\(JSONText.array(c.grid.coordinates))",
            "\"betas\":\(JSONText.array(c.grid.coordinates))",
            "\"loss\":[" + surface.values.map { "[" + $0.map(value).joined(separator: ",") + "]" }.joined(separator: ",") + "]",
            "\"center_loss\":\(value(surface.center))",
            "\"split\":\(JSONText.string(o.split.rawValue))",
            "\"metric\":\(JSONText.string(surface.metric.rawValue))",
            "\"center\":\(weights(c.objective.center))",
            "\"d1\":\(weights(c.directions.d1))",
            "\"d2\":\(weights(c.directions.d2))",
            "\"cosine\":\(JSONText.number(c.directions.cosine))",
        ]
        if let p = setup.pca {
            fields.append("\"path\":[" + p.path.map { "[\(JSONText.number($0.x)),\(JSONText.number($0.y))]" }.joined(separator: ",") + "]")
            fields.append("\"explained_variance\":\(JSONText.array(p.explainedVariance))")
        }
        fields.append("\"sharpness\":\(JSONText.number(sharpness))")
        return "{" + fields.joined(separator: ",") + "}\n"
    }
}
