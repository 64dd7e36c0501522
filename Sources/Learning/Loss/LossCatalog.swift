/// Every loss losscape offers, in display order, and how to make one.
public enum LossCatalog {
    /// A loss type the catalog can instantiate.
    public struct Entry: Sendable {
        public let info: LossInfo
        public let make: @Sendable (LossParameters, LossContext) -> any LossFunction
    }

    /// All losses: classification first (the embedding losses of issue #13 last among them), then
    /// regression, numbered as in issue #3.
    public static let entries: [Entry] = [
        // Classification (issue #3, 1–25)
        Entry(info: CrossEntropyLoss.info) { CrossEntropyLoss(parameters: $0, context: $1) },
        Entry(info: LabelSmoothingLoss.info) { LabelSmoothingLoss(parameters: $0, context: $1) },
        Entry(info: FocalLoss.info) { FocalLoss(parameters: $0, context: $1) },
        Entry(info: Poly1Loss.info) { Poly1Loss(parameters: $0, context: $1) },
        Entry(info: Poly1FocalLoss.info) { Poly1FocalLoss(parameters: $0, context: $1) },
        Entry(info: BrierLoss.info) { BrierLoss(parameters: $0, context: $1) },
        Entry(info: MeanAbsoluteErrorLoss.info) { MeanAbsoluteErrorLoss(parameters: $0, context: $1) },
        Entry(info: GeneralizedCrossEntropyLoss.info) { GeneralizedCrossEntropyLoss(parameters: $0, context: $1) },
        Entry(info: SymmetricCrossEntropyLoss.info) { SymmetricCrossEntropyLoss(parameters: $0, context: $1) },
        Entry(info: NormalizedCrossEntropyLoss.rceInfo) { NormalizedCrossEntropyLoss.rce(parameters: $0, context: $1) },
        Entry(info: NormalizedCrossEntropyLoss.maeInfo) { NormalizedCrossEntropyLoss.mae(parameters: $0, context: $1) },
        Entry(info: CompSumLoss.info) { CompSumLoss(parameters: $0, context: $1) },
        Entry(info: TaylorSoftmaxLoss.info) { TaylorSoftmaxLoss(parameters: $0, context: $1) },
        Entry(info: SquentropyLoss.info) { SquentropyLoss(parameters: $0, context: $1) },
        Entry(info: EncouragingLoss.info) { EncouragingLoss(parameters: $0, context: $1) },
        Entry(info: LDRKLLoss.info) { LDRKLLoss(parameters: $0, context: $1) },
        Entry(info: SparsemaxLoss.info) { SparsemaxLoss(parameters: $0, context: $1) },
        Entry(info: ZLoss.info) { ZLoss(parameters: $0, context: $1) },
        Entry(info: HingeLoss.info) { p, _ in HingeLoss(.crammerSinger, parameters: p) },
        Entry(info: HingeLoss.westonWatkinsInfo) { p, _ in HingeLoss(.westonWatkins, parameters: p) },
        Entry(info: HingeLoss.squaredInfo) { p, _ in HingeLoss(.squared, parameters: p) },
        Entry(info: MarginLoss.exponentialInfo) { _, _ in MarginLoss(.exponential) },
        Entry(info: MarginLoss.modifiedHuberInfo) { _, _ in MarginLoss(.modifiedHuber) },
        Entry(info: LogitAdjustedLoss.info) { LogitAdjustedLoss(parameters: $0, context: $1) },
        Entry(info: LDAMLoss.info) { LDAMLoss(parameters: $0, context: $1) },
        // Embedding losses (issue #13): on a cosine head, then on pairs of normalised embeddings
        Entry(info: NormFaceLoss.info) { NormFaceLoss(parameters: $0, context: $1) },
        Entry(info: CosFaceLoss.info) { CosFaceLoss(parameters: $0, context: $1) },
        Entry(info: ArcFaceLoss.info) { ArcFaceLoss(parameters: $0, context: $1) },
        Entry(info: CircleLoss.info) { CircleLoss(parameters: $0, context: $1) },
        Entry(info: CosineContrastiveLoss.info) { CosineContrastiveLoss(parameters: $0, context: $1) },
        Entry(info: ContrastiveLoss.info) { ContrastiveLoss(parameters: $0, context: $1) },
        Entry(info: TripletLoss.info) { TripletLoss(parameters: $0, context: $1) },
        Entry(info: SupConLoss.info) { SupConLoss(parameters: $0, context: $1) },
        // Regression (26–33)
        Entry(info: MeanSquaredErrorLoss.info) { MeanSquaredErrorLoss(parameters: $0, context: $1) },
        Entry(info: L1Loss.info) { L1Loss(parameters: $0, context: $1) },
        Entry(info: HuberLoss.info) { HuberLoss(parameters: $0, context: $1) },
        Entry(info: PseudoHuberLoss.info) { PseudoHuberLoss(parameters: $0, context: $1) },
        Entry(info: LogCoshLoss.info) { LogCoshLoss(parameters: $0, context: $1) },
        Entry(info: QuantileLoss.info) { QuantileLoss(parameters: $0, context: $1) },
        Entry(info: ZErrorLoss.info) { ZErrorLoss(parameters: $0, context: $1) },
        Entry(info: SmoothL1Loss.info) { SmoothL1Loss(parameters: $0, context: $1) },
    ]

    public static var ids: [String] { entries.map(\.info.id) }

    public static func entry(_ id: String) -> Entry? { entries.first { $0.info.id == id } }

    /// The losses of one family, in order.
    public static func ids(for family: LossFamily) -> [String] {
        entries.filter { $0.info.family == family }.map(\.info.id)
    }

    /// Checks a loss against the task and its parameters against their ranges,
    /// then makes it. Errors name the key (`loss.gamma: …`).
    public static func make(
        _ id: String, parameters given: [String: Double], context: LossContext,
        family: LossFamily
    ) throws -> any LossFunction {
        guard let e = entry(id) else {
            throw LossError("loss.name: unknown loss \"\(id)\"\(Suggestion.didYouMean(id, among: ids)) (see `losscape list losses`)")
        }
        guard e.info.family == family else {
            throw LossError("loss.name: \(id) is a \(e.info.family.rawValue) loss but the dataset is \(family.rawValue)")
        }
        if family == .classification && context.classes < e.info.minClasses {
            throw LossError("loss.name: \(id) needs at least \(e.info.minClasses) classes, the dataset has \(context.classes)")
        }
        for (k, v) in given {
            guard let p = e.info.parameters.first(where: { $0.name == k }) else {
                let known = e.info.parameters.map(\.name)
                throw LossError("loss.\(k): \(id) has no parameter \(k)" + (known.isEmpty ? "" : " (it has \(known.joined(separator: ", ")))"))
            }
            guard p.contains(v) else {
                throw LossError("loss.\(k): \(formatParameter(v)) is outside \(p.rangeText)")
            }
        }
        return e.make(LossParameters.resolved(given, for: e.info), context)
    }
}

/// A loss that cannot be made as asked; the message names the key.
public struct LossError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ message: String) { description = message }
}
