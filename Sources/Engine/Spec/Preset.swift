import Foundation
import Learning
import TOMLKit

/// Reads a preset (TOML) into a `RunSpec`, validating every key.
///
/// Every error is one line naming the file, the line and the key. Unknown
/// keys, wrong types and out-of-range values are refused; integers are
/// accepted where a number is expected.
public enum Preset {
    /// The most steps a preset (or `--steps`) may ask for.
    public static let maxSteps = PresetReader.maxSteps

    /// Reads and validates the preset at `path`.
    public static func load(path: String) throws -> RunSpec {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            throw PresetError(file: path, exists ? (isDir.boolValue ? "is a directory, not a preset file" : "cannot be read") : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PresetError(file: name, "is not UTF-8 text")
        }
        var spec = try parse(text, file: name)
        // A CSV's header decides its task: without a [loss] name, regression data gets mse.
        if spec.data.kind == .csv, !text.contains("[loss]"),
           let d = try? DatasetFactory.make(spec.data, seed: spec.seed,
                                            baseDirectory: (path as NSString).deletingLastPathComponent),
           !d.task.isClassification {
            spec.loss = LossSpec(name: "mse")
        }
        return spec
    }

    /// Parses preset text; `file` names it in errors.
    public static func parse(_ text: String, file: String = "preset") throws -> RunSpec {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw PresetError(file: file, "the preset is empty")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw PresetError(file: file, line: e.source.begin.line, "TOML syntax: \(e.description)")
        }
        var reader = PresetReader(table: table, locator: KeyLocator(text), file: file)
        return try reader.read()
    }
}

/// Walks the parsed tables, converting and checking each key.
struct PresetReader {
    let table: TOMLTable
    let locator: KeyLocator
    let file: String

    func fail(_ section: String, _ key: String?, _ message: String) -> PresetError {
        let full = key.map { section.isEmpty ? $0 : "\(section).\($0)" } ?? section
        return PresetError(file: file, line: locator.line(table: section, key: key), "\(full): \(message)")
    }

    // MARK: typed getters

    func value(_ t: TOMLTable, _ key: String) -> TOMLValueConvertible? { t[key] }

    func string(_ t: TOMLTable, _ s: String, _ k: String) throws -> String? {
        guard let v = value(t, k) else { return nil }
        guard let x = v.string else { throw fail(s, k, "expected a string, got \(v.type)") }
        return x
    }

    func number(_ t: TOMLTable, _ s: String, _ k: String) throws -> Double? {
        guard let v = value(t, k) else { return nil }
        if let x = v.double { return x }
        if let x = v.int { return Double(x) }
        throw fail(s, k, "expected a number, got \(v.type)")
    }

    func integer(_ t: TOMLTable, _ s: String, _ k: String) throws -> Int? {
        guard let v = value(t, k) else { return nil }
        if let x = v.int { return x }
        if let x = v.double, x == x.rounded(), abs(x) < 1e15 { return Int(x) }
        throw fail(s, k, "expected an integer, got \(v.type == .double ? "\(v.double!)" : "\(v.type)")")
    }

    func strings(_ t: TOMLTable, _ s: String, _ k: String) throws -> [String]? {
        guard let v = value(t, k) else { return nil }
        guard let a = v.array else { throw fail(s, k, "expected a list of strings, got \(v.type)") }
        return try a.map { e in
            guard let x = e.string else { throw fail(s, k, "expected a list of strings, found \(e.type)") }
            return x
        }
    }

    func integers(_ t: TOMLTable, _ s: String, _ k: String) throws -> [Int]? {
        guard let v = value(t, k) else { return nil }
        guard let a = v.array else { throw fail(s, k, "expected a list of integers, got \(v.type)") }
        return try a.map { e in
            guard let x = e.int else { throw fail(s, k, "expected a list of integers, found \(e.type)") }
            return x
        }
    }

    func seed(_ t: TOMLTable, _ s: String, _ k: String) throws -> UInt64? {
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
            throw fail(s, k, "unknown value \"\(raw)\" (one of: \(E.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return e
    }

    func subtable(_ name: String) throws -> TOMLTable? {
        guard let v = table[name] else { return nil }
        guard let t = v.table else { throw fail("", name, "expected a table [\(name)], got \(v.type)") }
        return t
    }

    func refuseUnknown(_ t: TOMLTable, _ s: String, known: [String]) throws {
        for key in t.keys where !known.contains(key) {
            throw fail(s, key, "unknown key (known: \(known.joined(separator: ", ")))")
        }
    }
}
