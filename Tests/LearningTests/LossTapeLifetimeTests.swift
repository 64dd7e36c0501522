import TensorCore
import Testing

@testable import Learning

extension LossTests {
    /// Every loss's tape is freed once dropped (its fused backward captures node ids only),
    /// so loss-shape curves, landscapes and sharpness, which use throwaway tapes, keep memory flat.
    @Suite struct TapeLifetime {
        @Test(arguments: LossCatalog.ids)
        func aDroppedLossTapeIsFreed(_ id: String) {
            let loss = LossTests.make(id, classes: 3)
            weak var weakTape: Tape?
            do {
                let tape = Tape()
                weakTape = tape
                let classification = loss.info.family == .classification
                let z = tape.parameter(
                    Tensor(
                        shape: [4, classification ? 3 : 1],
                        scalars: (0..<(classification ? 12 : 4)).map { Float($0) / 5 - 1 }))
                let targets: LossTargets = classification ? .labels([0, 1, 2, 1]) : .values(Tensor([0, 1, -1, 2]))
                _ = tape.gradients(of: loss.batchLoss(z, targets, classWeights: nil))
            }
            #expect(weakTape == nil, "the tape of \(id) leaked")
        }
    }
}
