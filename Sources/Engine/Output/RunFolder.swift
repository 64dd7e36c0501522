import Foundation
import Learning
import Platform

/// Writes a run folder atomically: everything goes into a hidden sibling
/// folder first, which is renamed to the target only when complete, so a
/// failed or interrupted run leaves nothing half-written.
public struct RunFolderWriter {
    public let target: URL
    let staging: URL

    /// Prepares to write into `path`, which must not exist or be an empty folder.
    public init(path: String) throws {
        target = URL(fileURLWithPath: path)
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw RunFolderError("--out: \(path) exists and is not a folder") }
            let contents = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
            guard contents.isEmpty else { throw RunFolderError("--out: \(path) is not empty (choose a new folder)") }
        }
        let parent = target.deletingLastPathComponent()
        guard fm.fileExists(atPath: parent.path) else { throw RunFolderError("--out: the folder \(parent.path) does not exist") }
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(SystemProcess.id)")
        try? fm.removeItem(at: staging)
        do { try fm.createDirectory(at: staging, withIntermediateDirectories: false) } catch {
            throw RunFolderError("--out: cannot create a folder in \(parent.path)")
        }
    }

    /// Creates a subfolder (e.g. `runs/1-focal/`) in the staging folder.
    public func makeFolder(_ name: String) throws {
        do { try FileManager.default.createDirectory(at: staging.appendingPathComponent(name), withIntermediateDirectories: true) } catch {
            throw RunFolderError("--out: cannot create \(name): \(error.localizedDescription)")
        }
    }

    /// Writes `text` as `name` (a path inside the folder) in the staging folder.
    public func write(_ name: String, _ text: String) throws {
        do { try text.write(to: staging.appendingPathComponent(name), atomically: false, encoding: .utf8) } catch {
            throw RunFolderError("--out: cannot write \(name): \(error.localizedDescription)")
        }
    }

    /// Moves the complete folder into place.
    public func commit() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: target.path) { try? fm.removeItem(at: target) }  // an empty folder, checked above
        do { try fm.moveItem(at: staging, to: target) } catch {
            throw RunFolderError("--out: cannot move the run folder into place: \(error.localizedDescription)")
        }
    }

    /// Removes the staging folder (after a failure or interruption).
    public func abandon() { try? FileManager.default.removeItem(at: staging) }
}

public struct RunFolderError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}
