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

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
