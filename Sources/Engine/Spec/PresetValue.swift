/// A TOML value as a Swift value (`TOMLReader` makes them): what the preset
/// reader reads, after `--set` overrides and `[[compare]]` merges have been
/// applied to it. Error messages name types as `type` does.
indirect enum PresetValue: Equatable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([PresetValue])
    case table(PresetTable)
    /// A date or time (never valid in a preset; kept to name its type).
    case other(String)

    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var int: Int? { if case .int(let i) = self { return i } else { return nil } }
    var double: Double? { if case .double(let d) = self { return d } else { return nil } }
    var array: [PresetValue]? { if case .array(let a) = self { return a } else { return nil } }
    var table: PresetTable? { if case .table(let t) = self { return t } else { return nil } }

    /// The TOML type's name: table, array, string, int, double, bool, date, …
    var type: String {
        switch self {
        case .string: return "string"
        case .int: return "int"
        case .double: return "double"
        case .bool: return "bool"
        case .array: return "array"
        case .table: return "table"
        case .other(let t): return t
        }
    }

    /// Parses one TOML value (`2`, `[32, 32]`, `"focal"`, `{ gamma = 2 }`); nil when the text is not one.
    static func parse(_ text: String) -> PresetValue? { TOMLReader.value(text) }
}

/// A TOML table as a Swift value (keys in file order).
struct PresetTable: Equatable, Sendable {
    private(set) var keys: [String] = []
    private var values: [String: PresetValue] = [:]

    init() {}

    subscript(key: String) -> PresetValue? {
        get { values[key] }
        set {
            if let newValue {
                if values[key] == nil { keys.append(key) }
                values[key] = newValue
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    var isEmpty: Bool { keys.isEmpty }
}
