/// A line of fields (a status bar, a caption, key hints) that fits a width by
/// dropping whole fields, least important first, never by cutting one: a cut
/// number (`loss 0.0000/`, `8.9e-1` for 8.94e-10) says something false.
///
/// Fields keep their order; among fields of equal priority the later ones go
/// first. A field wider than the whole line is dropped too.
public struct FieldLine: Sendable, Equatable {
    /// One field: its text and how much it matters (higher stays longer).
    public struct Field: Sendable, Equatable {
        public var text: String
        public var priority: Int
        public init(_ text: String, priority: Int = 0) {
            self.text = text
            self.priority = priority
        }
    }

    public var fields: [Field]
    /// Between two fields.
    public var separator: String

    public init(_ fields: [Field], separator: String = "  ") {
        self.fields = fields
        self.separator = separator
    }

    /// The fields that fit in `width` columns, joined.
    public func fitted(to width: Int) -> String {
        var kept = fields.filter { !$0.text.isEmpty }
        func length(_ f: [Field]) -> Int {
            f.reduce(0) { $0 + $1.text.count } + max(0, f.count - 1) * separator.count
        }
        while !kept.isEmpty && length(kept) > width {
            // drop the least important field (the last one among equals)
            let lowest = kept.map(\.priority).min()!
            let i = kept.lastIndex { $0.priority == lowest }!
            kept.remove(at: i)
        }
        return kept.map(\.text).joined(separator: separator)
    }
}
