import Foundation
import Render

/// `losscape --record FILE.cast`: appends each frame the screen shows, with its real
/// time, as an asciicast v2 event (a frame equal to the last one is not repeated).
/// Lines are written as they come, so the file is valid at every moment; `close()`
/// (reached on q, Ctrl-C and SIGTERM) flushes and closes it.
final class CastRecorder {
    private let handle: FileHandle
    private let mode: ColorMode
    private var last: Frame?
    private var closed = false

    /// Creates FILE (refusing to replace an existing one) and writes the header.
    init(path: String, width: Int, height: Int, mode: ColorMode, title: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw LosscapeError(
                FileManager.default.fileExists(atPath: path)
                    ? "--record: \(path) exists (choose a new file)" : "--record: cannot create \(path)")
        }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        self.mode = mode == .none ? .ansi256 : mode
        write(Asciicast.header(width: width, height: height, title: title))
    }

    private func write(_ line: String) { handle.write(Data((line + "\n").utf8)) }

    func record(_ frame: Frame, at time: Double) {
        guard !closed, frame != last else { return }
        write(Asciicast.event(time: time, text: Asciicast.frameText(frame, mode: mode, first: last == nil)))
        last = frame
    }

    func close() {
        guard !closed else { return }
        closed = true
        try? handle.synchronize()
        try? handle.close()
    }
}
