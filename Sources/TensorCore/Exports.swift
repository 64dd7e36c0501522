// Clients of TensorCore see the baseline kernels' vocabulary (FastMath, Lanes, LaneMap, vmax…):
// eight-lane functions every path computes identically.
@_exported import Kernels8
