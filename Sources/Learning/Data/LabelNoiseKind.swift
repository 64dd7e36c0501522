/// How label noise corrupts a training label (`[data] label_noise_kind`).
public enum LabelNoiseKind: String, CaseIterable, Sendable, Codable {
    /// c → a uniformly random other class (never c itself).
    case symmetric
    /// c → (c + 1) mod K: systematic confusion of neighbouring classes.
    case pairFlip = "pair_flip"

    /// The kind named `name`, or a `DataError` naming `data.label_noise_kind`.
    public static func named(_ name: String) throws -> LabelNoiseKind {
        guard let k = LabelNoiseKind(rawValue: name) else {
            throw DataError.invalid(
                key: "data.label_noise_kind",
                message: "unknown kind \"\(name)\"\(Suggestion.didYouMean(name, among: ["symmetric", "pair_flip"])) (expected symmetric or pair_flip)"
            )
        }
        return k
    }
}
