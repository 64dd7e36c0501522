/// The histogram bin of `x` among `count` bins of width 1 from 0: ⌊x⌋ clamped to 0…count − 1 while
/// still a Double, so ±inf and values beyond Int's range land in the end bins instead of trapping in
/// `Int(…)`; nil for NaN.
func binIndex(_ x: Double, count: Int) -> Int? {
    let t = x.rounded(.down)
    return t.isNaN ? nil : Int(min(max(t, 0), Double(count - 1)))
}
