import Engine
import Foundation

/// Finds presets: a path to a file, or a bare name looked up as
/// `NAME.toml` in ./presets, $LOSSCAPE_PRESETS, and the `presets` folder
/// beside (or above) the executable.
enum PresetLookup {
    static var folders: [String] {
        var dirs = ["presets"]
        if let env = ProcessInfo.processInfo.environment["LOSSCAPE_PRESETS"] { dirs.append(env) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            dirs.append(dir.appendingPathComponent("presets").path)
            dir = dir.deletingLastPathComponent()
        }
        return dirs.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// The path of a preset argument, or nil when nothing matches.
    static func path(for argument: String) -> String? {
        if FileManager.default.fileExists(atPath: argument) { return argument }
        if argument.contains("/") || argument.hasSuffix(".toml") { return nil }
        for d in folders {
            let p = (d as NSString).appendingPathComponent(argument + ".toml")
            if FileManager.default.fileExists(atPath: p) { return p }
        }
        return nil
    }

    /// Loads a preset by path or name (nil: the default preset) with `--set` overrides.
    static func load(_ argument: String?, overrides: [String] = []) throws -> (session: SessionSpec, baseDirectory: String?) {
        guard let argument else {
            if let p = path(for: "default") {
                return (try Preset.load(path: p, overrides: overrides), (p as NSString).deletingLastPathComponent)
            }
            let text = PresetWriter.toml(RunSpec.defaultPreset)
            return (try Preset.parse(text, file: "default preset", overrides: overrides), nil)
        }
        guard let p = path(for: argument) else {
            throw PresetError(
                file: argument,
                "no such preset file" + (argument.contains("/") || argument.hasSuffix(".toml") ? "" : " (and no presets/\(argument).toml)"))
        }
        return (try Preset.load(path: p, overrides: overrides), (p as NSString).deletingLastPathComponent)
    }

    /// The file name errors found only when the data is loaded are prefixed with.
    static func fileName(_ argument: String?) -> String {
        argument.flatMap { path(for: $0) }.map { ($0 as NSString).lastPathComponent } ?? "default preset"
    }

    /// Builds the drivers of a session's runs (sharing one dataset). Errors found only when
    /// the data is loaded (a CSV, a loss that does not fit it) are prefixed with the preset's name.
    /// `history`: keep the bounded history the screen draws (not needed headless).
    static func drivers(
        _ session: SessionSpec, baseDirectory: String?, preset argument: String?,
        trajectoryEvery: Int? = nil, history: Bool = true
    ) throws -> [RunDriver] {
        let capacity: Int? = history ? 1024 : nil
        do {
            let first = try RunDriver(
                entry: session.runs[0], baseDirectory: baseDirectory, trajectoryEvery: trajectoryEvery,
                historyCapacity: capacity)
            return try [first]
                + session.runs.dropFirst().map {
                    try RunDriver(
                        entry: $0, baseDirectory: baseDirectory, dataset: first.trainer.dataset, trajectoryEvery: trajectoryEvery,
                        historyCapacity: capacity)
                }
        } catch {
            throw PresetError(file: fileName(argument), "\(error)")
        }
    }

    /// A preset's session with overrides, and its drivers.
    static func session(_ argument: String?, overrides: [String] = [], trajectoryEvery: Int? = nil, history: Bool = true) throws
        -> (session: SessionSpec, drivers: [RunDriver], baseDirectory: String?)
    {
        let (session, base) = try load(argument, overrides: overrides)
        return (session, try drivers(session, baseDirectory: base, preset: argument, trajectoryEvery: trajectoryEvery, history: history), base)
    }

    /// Every preset found: (name, path), first folder wins.
    static func all() -> [(name: String, path: String)] {
        var seen = Set<String>()
        var out: [(String, String)] = []
        for d in folders {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: d)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
            for f in files {
                let name = String(f.dropLast(5))
                if seen.insert(name).inserted { out.append((name, (d as NSString).appendingPathComponent(f))) }
            }
        }
        return out
    }
}
