import Foundation
import Learning

/// Reads a preset (TOML) into a `RunSpec`, validating every key.
///
/// Every error is one line naming the file, the line and the key. Unknown
/// keys, wrong types and out-of-range values are refused; integers are
/// accepted where a number is expected.
public enum Preset {
    /// The most steps a preset (or `--steps`) may ask for.
    public static let maxSteps = PresetReader.maxSteps

    /// Reads and validates the preset at `path`, with `--set KEY=VALUE` overrides.
    public static func load(path: String, overrides: [String] = []) throws -> SessionSpec {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            throw PresetError(file: path, exists ? (isDir.boolValue ? "is a directory, not a preset file" : "cannot be read") : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PresetError(file: name, "is not UTF-8 text")
        }
        return try parse(
            text, file: name, overrides: overrides,
            baseDirectory: (path as NSString).deletingLastPathComponent)
    }

    /// Parses preset text; `file` names it in errors, `baseDirectory` is where a CSV path is relative to.
    public static func parse(
        _ text: String, file: String = "preset", overrides: [String] = [],
        baseDirectory: String? = nil
    ) throws -> SessionSpec {
        var document = try PresetDocument(text: text, file: file)
        try document.apply(overrides)
        return try document.session(baseDirectory: baseDirectory)
    }

    /// The first run of a preset text (tests and single-run callers).
    public static func parseRun(_ text: String, file: String = "preset") throws -> RunSpec {
        try parse(text, file: file).base
    }
}

/// Where a key of the table being read came from, for error messages: the
/// file and line (or `--set`), and the key's name as the user wrote it
/// (`compare.loss.gamma` for a key of a `[[compare]]` table).
struct KeyOrigin: Sendable {
    var file: String
    var line: Int?
    var name: String
}

/// Walks one run's table (a preset, or a `[[compare]]` table merged over it),
/// converting and checking each key.
struct PresetReader {
    let table: PresetTable
    /// Where (section, key) came from; key nil for the section itself.
    let origin: (String, String?) -> KeyOrigin

    func fail(_ section: String, _ key: String?, _ message: String) -> PresetError {
        let o = origin(section, key)
        return PresetError(file: o.file, line: o.line, "\(o.name): \(message)")
    }

    // MARK: typed getters

    func value(_ t: PresetTable, _ key: String) -> PresetValue? { t[key] }

    func string(_ t: PresetTable, _ s: String, _ k: String) throws -> String? {
        guard let v = value(t, k) else { return nil }
        guard let x = v.string else { throw fail(s, k, "expected a string, got \(v.type)") }
        return x
    }

    func number(_ t: PresetTable, _ s: String, _ k: String) throws -> Double? {
        guard let v = value(t, k) else { return nil }
        if let x = v.double { return x }
        if let x = v.int { return Double(x) }
        throw fail(s, k, "expected a number, got \(v.type)")
    }

    func integer(_ t: PresetTable, _ s: String, _ k: String) throws -> Int? {
        guard let v = value(t, k) else { return nil }
        if let x = v.int { return x }
        if let x = v.double, x == x.rounded(), abs(x) < 1e15 { return Int(x) }
        throw fail(s, k, "expected an integer, got \(v.double.map { "\($0)" } ?? v.type)")
    }

    func strings(_ t: PresetTable, _ s: String, _ k: String) throws -> [String]? {
        guard let v = value(t, k) else { return nil }
        guard let a = v.array else { throw fail(s, k, "expected a list of strings, got \(v.type)") }
        return try a.map { e in
            guard let x = e.string else { throw fail(s, k, "expected a list of strings, found \(e.type)") }
            return x
        }
    }

    func integers(_ t: PresetTable, _ s: String, _ k: String) throws -> [Int]? {
        guard let v = value(t, k) else { return nil }
        guard let a = v.array else { throw fail(s, k, "expected a list of integers, got \(v.type)") }
        return try a.map { e in
            guard let x = e.int else { throw fail(s, k, "expected a list of integers, found \(e.type)") }
            return x
        }
    }

    func seed(_ t: PresetTable, _ s: String, _ k: String) throws -> UInt64? {
        guard let x = try integer(t, s, k) else { return nil }
        guard x >= 0 else { throw fail(s, k, "must be ≥ 0, got \(x)") }
        return UInt64(x)
    }

    func check(_ ok: Bool, _ s: String, _ k: String, _ message: @autoclosure () -> String) throws {
        if !ok { throw fail(s, k, message()) }
    }

    func oneOf<E: RawRepresentable & CaseIterable>(_ raw: String?, _ s: String, _ k: String) throws -> E?
    where E.RawValue == String {
        guard let raw else { return nil }
        guard let e = E(rawValue: raw) else {
            let names = E.allCases.map(\.rawValue)
            throw fail(s, k, "unknown value \"\(raw)\"\(Suggestion.didYouMean(raw, among: names)) (one of: \(names.joined(separator: ", ")))")
        }
        return e
    }

    func subtable(_ name: String) throws -> PresetTable? {
        guard let v = table[name] else { return nil }
        guard let t = v.table else { throw fail("", name, "expected a table [\(name)], got \(v.type)") }
        return t
    }

    func refuseUnknown(_ t: PresetTable, _ s: String, known: [String]) throws {
        for key in t.keys where !known.contains(key) {
            throw fail(s, key, "unknown key\(Suggestion.didYouMean(key, among: known)) (known: \(known.joined(separator: ", ")))")
        }
    }
}
