import Kernels16
import Kernels8
import Platform

/// The instruction set the vector kernels run with, chosen once at start-up.
///
/// losscape carries two builds of the same kernel source (Sources/Kernels/Shared): eight lanes
/// for AVX2 + FMA (the baseline; NEON on arm64) and sixteen lanes compiled for AVX-512. Both
/// perform, for every output, the same chain of fused multiply-adds in the same order and sum
/// columns with the same lane structure, so they give the same bits (`KernelWidthTests`); the
/// wide one halves the instructions. `LOSSCAPE_ISA=avx2|avx512` forces a path; otherwise the
/// widest the CPU supports is used.
public enum KernelISA: String, Sendable, CaseIterable {
    case avx2, avx512

    /// The name `losscape bench --json` reports as `"isa"`: avx2, avx512, or neon on arm64.
    public var reportedName: String {
        #if arch(x86_64)
            return rawValue
        #else
            return self == .avx2 ? "neon" : rawValue
        #endif
    }

    /// The path in use: `LOSSCAPE_ISA` when it names a usable path, else the widest available.
    public static let active: KernelISA = (try? select(requested: SystemProcess.environment("LOSSCAPE_ISA"))) ?? widestAvailable

    /// AVX-512 when the CPU has every subset the wide build needs, else AVX2.
    public static var widestAvailable: KernelISA { CPU.hasAVX512 ? .avx512 : .avx2 }

    /// The path for a `LOSSCAPE_ISA` value (nil or empty: the widest available); throws a one-line
    /// error for an unknown name or a path the CPU cannot run.
    public static func select(requested: String?, hasAVX512: Bool = CPU.hasAVX512) throws(KernelISAError) -> KernelISA {
        guard let requested, !requested.isEmpty else { return hasAVX512 ? .avx512 : .avx2 }
        guard let isa = KernelISA(rawValue: requested.lowercased()) else {
            throw KernelISAError("LOSSCAPE_ISA: expected avx2 or avx512, got \"\(requested)\"")
        }
        if isa == .avx512 && !hasAVX512 {
            let missing = CPU.avx512Flags.filter { !CPU.flags.contains($0) }
            throw KernelISAError(
                "LOSSCAPE_ISA=avx512: this CPU (\(CPU.model)) lacks \(missing.isEmpty ? "AVX-512" : missing.joined(separator: ", "))")
        }
        return isa
    }
}

/// Why a requested ISA cannot be used.
public struct KernelISAError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The kernels' entry points, sent to the build of the active path.
extension KernelISA {
    func product(
        _ m: Int, _ n: Int, _ k: Int, _ a: UnsafePointer<Float>, _ ars: Int, _ acs: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
        _ tb: Bool, _ c: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>?, _ act: Kernels8.LaneActivation
    ) {
        switch self {
        case .avx2:
            Kernels8.LaneKernels.product(
                m: m, n: n, k: k, a: a, aRowStride: ars, aColStride: acs, b: b, ldb: ldb, transposeB: tb, c: c, bias: bias,
                activation: act)
        case .avx512:
            Kernels16.LaneKernels.product(
                m: m, n: n, k: k, a: a, aRowStride: ars, aColStride: acs, b: b, ldb: ldb, transposeB: tb, c: c, bias: bias,
                activation: act.wide)
        }
    }

    func columnSums(_ rows: Int, _ cols: Int, _ g: UnsafePointer<Float>, _ db: UnsafeMutablePointer<Float>) {
        switch self {
        case .avx2: Kernels8.LaneKernels.columnSums(rows: rows, cols: cols, g: g, db: db)
        case .avx512: Kernels16.LaneKernels.columnSums(rows: rows, cols: cols, g: g, db: db)
        }
    }

    func activationGradient(
        _ rows: Int, _ cols: Int, _ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ act: Kernels8.LaneActivation,
        _ dz: UnsafeMutablePointer<Float>, _ db: UnsafeMutablePointer<Float>
    ) {
        switch self {
        case .avx2: Kernels8.LaneKernels.activationGradient(rows: rows, cols: cols, g: g, y: y, activation: act, dz: dz, db: db)
        case .avx512:
            Kernels16.LaneKernels.activationGradient(rows: rows, cols: cols, g: g, y: y, activation: act.wide, dz: dz, db: db)
        }
    }
}

extension Kernels8.LaneActivation {
    /// The same activation for the wide build (each build has its own copy of the type).
    var wide: Kernels16.LaneActivation {
        switch self {
        case .identity: return .identity
        case .tanh: return .tanh
        case .relu: return .relu
        case .sigmoid: return .sigmoid
        case .leakyRelu(let s): return .leakyRelu(s)
        }
    }
}
