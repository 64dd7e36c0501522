import Engine
import Foundation
import Render

/// Files the playground writes: screenshots and presets, under fresh names
/// (never over an existing file).
enum Screenshot {
    static func timestamp(_ date: Date = Date()) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        return f.string(from: date)
    }

    /// `folder/stem[-n]` such that none of `extensions` exists yet.
    static func freshStem(_ stem: String, in folder: String, extensions: [String]) -> String {
        var n = 1
        while true {
            let candidate = n == 1 ? stem : "\(stem)-\(n)"
            let taken = extensions.contains { FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(candidate + $0)) }
            if !taken { return candidate }
            n += 1
        }
    }

    /// The absolute, standardized form of `path`.
    static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// Writes losscape-<timestamp>.txt (plain), .ans (SGR colours) and .svg; returns the full path without extension.
    static func write(_ frame: Frame, mode: ColorMode, to folder: String) throws -> String {
        let stem = freshStem("losscape-\(timestamp())", in: folder, extensions: [".txt", ".ans", ".svg"])
        let base = (folder as NSString).appendingPathComponent(stem)
        let files = [
            (".txt", TextExport.plain(frame) + "\n"), (".ans", TextExport.ansi(frame, mode: mode) + "\n"),
            (".svg", SVGExport.svg(frame, mode: mode == .none ? .ansi256 : mode)),
        ]
        var written: [String] = []
        do {
            for (ext, text) in files {
                try text.write(toFile: base + ext, atomically: true, encoding: .utf8)
                written.append(base + ext)
            }
        } catch {
            for p in written { try? FileManager.default.removeItem(atPath: p) }  // all or none
            throw error
        }
        return absolute(base)
    }

    /// Writes the session (every run, its timeline, the playback keys) as
    /// <name>-<timestamp>.toml, CSV paths made absolute; returns the full path written.
    static func writePreset(_ session: SessionSpec, baseDirectory: String?, to folder: String) throws -> String {
        var session = session
        for i in session.runs.indices {
            if let p = session.runs[i].spec.data.resolvedPath(baseDirectory: baseDirectory) {
                session.runs[i].spec.data.path = URL(fileURLWithPath: p).standardizedFileURL.path
            }
            session.runs[i].spec.dataTask = nil
        }
        let s = session.base
        let safe = String(s.name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        let stem = freshStem("\(safe.isEmpty ? "preset" : safe)-\(timestamp())", in: folder, extensions: [".toml"])
        let path = (folder as NSString).appendingPathComponent(stem + ".toml")
        // O_EXCL: create only, never replace a file that appeared meanwhile
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw RunFolderError("cannot create \(path)") }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(PresetWriter.toml(session).utf8))
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)  // nothing half-written
            throw RunFolderError("cannot write \(path)")
        }
        return absolute(path)
    }
}
