// The AVX2 build of the shared kernels (Sources/Kernels/Shared, linked here): vectors of eight
// floats, compiled for x86-64 with AVX2 + FMA (two NEON registers per vector on arm64). The
// baseline every machine runs.

/// This build's vector of lanes.
public typealias LaneVector = SIMD8<Float>
/// Its bit patterns, signed and unsigned.
public typealias LaneBits = SIMD8<Int32>
public typealias LaneUBits = SIMD8<UInt32>
