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

    /// Writes losscape-<timestamp>.txt (plain) and .ans (SGR colours); returns the stem.
    static func write(_ frame: Frame, mode: ColorMode, to folder: String) throws -> String {
        let stem = freshStem("losscape-\(timestamp())", in: folder, extensions: [".txt", ".ans"])
        let base = (folder as NSString).appendingPathComponent(stem)
        try (TextExport.plain(frame) + "\n").write(toFile: base + ".txt", atomically: true, encoding: .utf8)
        do {
            try (TextExport.ansi(frame, mode: mode) + "\n").write(toFile: base + ".ans", atomically: true, encoding: .utf8)
        } catch {
            try? FileManager.default.removeItem(atPath: base + ".txt")  // both or neither
            throw error
        }
        return stem
    }

    /// Writes the setup as <name>-<timestamp>.toml (CSV paths made absolute); returns the file name.
    static func writePreset(_ spec: RunSpec, baseDirectory: String?, to folder: String) throws -> String {
        var s = spec
        if let p = s.data.resolvedPath(baseDirectory: baseDirectory) {
            s.data.path = URL(fileURLWithPath: p).standardizedFileURL.path
        }
        let safe = String(s.name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        let stem = freshStem("\(safe.isEmpty ? "preset" : safe)-\(timestamp())", in: folder, extensions: [".toml"])
        let path = (folder as NSString).appendingPathComponent(stem + ".toml")
        // O_EXCL: create only, never replace a file that appeared meanwhile
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw RunFolderError("cannot create \(path)") }
        defer { close(fd) }
        let bytes = Array(PresetWriter.toml(s).utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            unlink(path)  // nothing half-written
            throw RunFolderError("cannot write \(path)")
        }
        return stem + ".toml"
    }
}
