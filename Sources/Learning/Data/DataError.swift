/// Why a dataset cannot be made: a `[data]` key out of range or an impossible
/// combination, or a problem in a CSV file. `description` is one line.
public enum DataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `data.classes: moons supports 2 classes, got 3`.
    case invalid(key: String, message: String)
    /// `path:7: x2 is not a number: "abc"`; `line` is 1-based (the header is
    /// line 1), nil for a problem with the whole file.
    case file(path: String, line: Int?, message: String)

    public var description: String {
        switch self {
        case .invalid(let key, let message): return "\(key): \(message)"
        case .file(let path, let line?, let message): return "\(path):\(line): \(message)"
        case .file(let path, nil, let message): return "\(path): \(message)"
        }
    }

    /// The preset key the error is about (`data.path` for file problems).
    public var key: String {
        if case .invalid(let key, _) = self { return key }
        return "data.path"
    }

    /// The CSV line (1-based), when the error is about one line of a file.
    public var line: Int? {
        if case .file(_, let line, _) = self { return line }
        return nil
    }
}
