/// One line of `metrics.jsonl`: the logged metrics of a step, with `null`
/// for values that are not finite. Keys that do not apply (accuracies for
/// regression, clean_train_acc without label noise, test values without a
/// test split) are left out; a probability-based number of a loss that defines no probabilities
/// (cosine_contrastive, the pair losses) is `null`. Cosine- and embedding-head runs add
/// `alignment` and `uniformity`.
public enum MetricsFile {
    /// `sharpness` (the top Hessian eigenvalue, when tracked) is added as `"sharpness"`, the
    /// timeline's changes at this step as `"event"`.
    public static func line(_ r: MetricRecord) -> String {
        var fields = ["\"step\":\(r.step)", "\"train_loss\":\(JSONText.number(r.trainLoss))"]
        if let t = r.testLoss { fields.append("\"test_loss\":\(JSONText.number(t))") }
        if let a = r.trainAccuracy { fields.append("\"train_acc\":\(JSONText.number(a))") }
        if let a = r.testAccuracy { fields.append("\"test_acc\":\(JSONText.number(a))") }
        if let a = r.cleanTrainAccuracy { fields.append("\"clean_train_acc\":\(JSONText.number(a))") }
        if let x = r.testNLL { fields.append("\"test_nll\":\(JSONText.number(x))") }
        if let x = r.testECE { fields.append("\"test_ece\":\(JSONText.number(x))") }
        if let x = r.balancedTestAccuracy { fields.append("\"balanced_test_acc\":\(JSONText.number(x))") }
        if let x = r.memorised { fields.append("\"memorised\":\(JSONText.number(x))") }
        if let x = r.testMSE { fields.append("\"test_mse\":\(JSONText.number(x))") }
        if let x = r.alignment { fields.append("\"alignment\":\(JSONText.number(x))") }
        if let x = r.uniformity { fields.append("\"uniformity\":\(JSONText.number(x))") }
        fields.append("\"grad_norm\":\(JSONText.number(r.gradNorm))")
        fields.append("\"weight_norm\":\(JSONText.number(r.weightNorm))")
        fields.append("\"lr\":\(JSONText.number(r.learningRate))")
        if let s = r.sharpness { fields.append("\"sharpness\":\(JSONText.number(s))") }
        if let e = r.event { fields.append("\"event\":\(JSONText.string(e))") }
        if let d = r.divergedAt { fields.append("\"diverged_at\":\(d)") }
        if let d = r.divergence { fields.append("\"diverged\":\(JSONText.string(d))") }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
