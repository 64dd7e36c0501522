/// The metrics logged at one step k (after k updates, at weights θ_k).
public struct MetricRecord: Equatable, Sendable {
    public var step: Int
    /// Mean data loss over the whole training split (weighted as in training).
    public var trainLoss: Double
    /// Mean data loss over the whole test split (nil when it is empty).
    public var testLoss: Double?
    /// Accuracy against the labels as trained (classification).
    public var trainAccuracy: Double?
    public var testAccuracy: Double?
    /// Accuracy against the clean training labels (only when label noise is on).
    public var cleanTrainAccuracy: Double?
    /// ‖∇(training objective)‖₂ at θ_k on the batch the next update uses, before clipping.
    public var gradNorm: Double
    /// ‖θ_k‖₂ over all parameters.
    public var weightNorm: Double
    /// The learning rate of the next update.
    public var learningRate: Double
    /// The common yardstick of classification (comparable across losses): mean over the
    /// test split of −log max(p_y, 1e−12), p the loss's own probability map (softmax,
    /// sparsemax, Taylor softmax), without smoothing or class weights.
    public var testNLL: Double?
    /// The common yardstick of regression: plain mean squared error on the test split.
    public var testMSE: Double?
    /// Expected calibration error of the test split (15 bins; classification).
    public var testECE: Double?
    /// Mean of the per-class test accuracies over the classes present (classification).
    public var balancedTestAccuracy: Double?
    /// Under label noise: the share of flipped training points predicted as their noisy
    /// label (memorisation of the wrong labels).
    public var memorised: Double?
    /// Cosine- and embedding-head runs: alignment and uniformity of the normalised training
    /// embeddings (Wang & Isola 2020; see ``EmbeddingGeometry``).
    public var alignment: Double?
    public var uniformity: Double?
    /// The top Hessian eigenvalue of the training loss at θ_k, when tracked at this step.
    public var sharpness: Double?
    /// The changes of the timeline that applied at this step (`RunEvent.summary`), if any.
    public var event: String?
    /// On the last record of a run that diverged: the step it stopped at and why.
    public var divergedAt: Int?
    public var divergence: String?

    public init(
        step: Int, trainLoss: Double, testLoss: Double?, trainAccuracy: Double?, testAccuracy: Double?,
        cleanTrainAccuracy: Double?, gradNorm: Double, weightNorm: Double, learningRate: Double,
        testNLL: Double? = nil, testMSE: Double? = nil
    ) {
        self.testNLL = testNLL
        self.testMSE = testMSE
        self.step = step
        self.trainLoss = trainLoss
        self.testLoss = testLoss
        self.trainAccuracy = trainAccuracy
        self.testAccuracy = testAccuracy
        self.cleanTrainAccuracy = cleanTrainAccuracy
        self.gradNorm = gradNorm
        self.weightNorm = weightNorm
        self.learningRate = learningRate
    }
}
