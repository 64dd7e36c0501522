// The sixteen-lane kernels compiled for AVX2 (each vector is two ymm registers), for the tests: the
// wide code paths (blocking, tails, padding) run on any machine and must give the bits of the
// eight-lane build. The AVX-512 build (Lanes16) is the same source with other code generation.

/// This build's vector of lanes.
public typealias LaneVector = SIMD16<Float>
/// Its bit patterns, signed and unsigned.
public typealias LaneBits = SIMD16<Int32>
public typealias LaneUBits = SIMD16<UInt32>
