// The AVX-512 build of the shared kernels (Sources/Kernels/Shared, linked here): vectors of sixteen
// floats, compiled for Skylake-SP's AVX-512 (F, CD, BW, DQ, VL; also Ice Lake, Sapphire Rapids and
// Zen 4). Selected at start-up only when the CPU has them (TensorCore's `KernelISA`).

/// This build's vector of lanes.
public typealias LaneVector = SIMD16<Float>
/// Its bit patterns, signed and unsigned.
public typealias LaneBits = SIMD16<Int32>
public typealias LaneUBits = SIMD16<UInt32>
