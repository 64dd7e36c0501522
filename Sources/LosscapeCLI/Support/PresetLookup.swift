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

    /// Loads a preset by path or name; nil means the built-in default.
    static func load(_ argument: String?) throws -> (spec: RunSpec, baseDirectory: String?) {
        guard let argument else {
            if let p = path(for: "default") { return (try Preset.load(path: p), (p as NSString).deletingLastPathComponent) }
            return (RunSpec.defaultPreset, nil)
        }
        guard let p = path(for: argument) else {
            throw PresetError(file: argument, "no such preset file" + (argument.contains("/") || argument.hasSuffix(".toml") ? "" : " (and no presets/\(argument).toml)"))
        }
        return (try Preset.load(path: p), (p as NSString).deletingLastPathComponent)
    }

    /// Loads a preset (as `load`), applies command-line `overrides`, and builds its run. Every
    /// error is one line; those found only when the data is loaded (a CSV, a loss that does not
    /// fit it) are prefixed with the preset's file name.
    static func trainer(_ argument: String?, overrides: (inout RunSpec) -> Void = { _ in }) throws
        -> (trainer: Trainer, baseDirectory: String?)
    {
        var (spec, base) = try load(argument)
        overrides(&spec)
        do {
            return (try Trainer(spec: spec, baseDirectory: base), base)
        } catch {
            let file = argument.flatMap { path(for: $0) }.map { ($0 as NSString).lastPathComponent } ?? "default preset"
            throw PresetError(file: file, "\(error)")
        }
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
