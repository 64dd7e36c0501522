/// Horizontal placement of a line of text inside a rect.
public enum Alignment: Hashable, Sendable {
    /// Flush with the left edge.
    case left
    /// Centred (rounding to the left).
    case center
    /// Flush with the right edge.
    case right
}

/// Anything that draws itself into a rect of a ``Frame``. Drawing stays inside `rect`
/// (and the frame) and never traps, whatever the size.
public protocol Widget {
    /// Draws into `rect` of `frame`.
    func render(in rect: Rect, into frame: inout Frame)
}
