/// Horizontal placement of a line of text inside a rect.
public enum Alignment: Hashable, Sendable {
    case left, center, right
}

/// Anything that draws itself into a rect of a ``Frame``. Drawing stays inside `rect`
/// (and the frame) and never traps, whatever the size.
public protocol Widget {
    /// Draws into `rect` of `frame`.
    func render(in rect: Rect, into frame: inout Frame)
}
