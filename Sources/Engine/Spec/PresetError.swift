/// A preset that cannot be used. `description` is one line naming the file,
/// the line when known, and the key: `spiral.toml:7: optimizer.learning_rate: must be > 0, got -1`.
public struct PresetError: Error, CustomStringConvertible, Equatable, Sendable {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// One line: control characters (a file's bad bytes) are shown escaped.
    public var description: String {
        let text = line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
        var out = ""
        for c in text.unicodeScalars {
            if c.value < 0x20 || c.value == 0x7F { out += "\\u{\(String(c.value, radix: 16))}" } else { out.unicodeScalars.append(c) }
        }
        return out
    }
}
