// Scalar elementary functions from the C library, so TensorCore needs no Foundation.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always) @usableFromInline func _logf(_ x: Float) -> Float { logf(x) }
@inline(__always) @usableFromInline func _log1pf(_ x: Float) -> Float { log1pf(x) }
@inline(__always) @usableFromInline func _expf(_ x: Float) -> Float { expf(x) }
@inline(__always) @usableFromInline func _expm1f(_ x: Float) -> Float { expm1f(x) }
@inline(__always) @usableFromInline func _powf(_ x: Float, _ y: Float) -> Float { powf(x, y) }
@inline(__always) @usableFromInline func _sinf(_ x: Float) -> Float { sinf(x) }
@inline(__always) @usableFromInline func _cosf(_ x: Float) -> Float { cosf(x) }
@inline(__always) @usableFromInline func _erff(_ x: Float) -> Float { erff(x) }
@inline(__always) @usableFromInline func _tanhf(_ x: Float) -> Float { tanhf(x) }
