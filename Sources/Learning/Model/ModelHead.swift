/// How a network ends; the loss decides (``LossInfo/head``).
///
/// - `linear`: the last layer gives K logits (every loss of issue #3).
/// - `cosine`: the MLP ends in an embedding layer h ∈ R^d (linear, `[model] embedding_dim`), then K
///   class weight vectors w_k ∈ R^d without bias; the head outputs cos θ_k = (w_k/‖w_k‖)·(h/‖h‖),
///   norms clamped below at 1e−12 (as `torch.nn.functional.normalize`). The loss applies its scale
///   and margin (NormFace, CosFace, ArcFace, Circle, cosine contrastive). Prediction: argmax_k cos θ_k.
/// - `embedding`: the MLP ends in the embedding layer; pair losses use ĥ = h/‖h‖. Prediction: the
///   class whose mean normalised training embedding has the largest cosine with ĥ (nearest class
///   mean), recomputed at each logged step.
public enum ModelHead: String, Sendable, CaseIterable, Codable {
    case linear, cosine, embedding

    /// True for the heads that end in an embedding layer.
    public var hasEmbedding: Bool { self != .linear }

    /// A phrase for messages ("a cosine head").
    public var phrase: String {
        switch self {
        case .linear: return "a linear head (K logits)"
        case .cosine: return "a cosine head (cos θ to K class vectors)"
        case .embedding: return "an embedding head (pairs of normalised embeddings)"
        }
    }
}
