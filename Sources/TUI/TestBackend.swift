import Dispatch
import Render

/// A terminal for tests (ratatui's TestBackend): scripted keys and sizes in, the drawn
/// frames kept. Each `readKey` takes the next step of the script: a key (a `.resize`
/// also changes the size), or a pause of some milliseconds with no key (time for the
/// engine and the landscape worker); once the script is done it answers `q`.
public final class TestBackend: TerminalBackend {
    public enum Step: Sendable {
        case key(KeyEvent)
        case wait(milliseconds: Int)
    }

    public private(set) var size: (width: Int, height: Int)
    public private(set) var frames: [Frame] = []
    public let lastSignal: Int32? = nil
    private var script: [Step]
    /// Keep at most this many frames (the latest).
    private let keep: Int

    public init(width: Int, height: Int, script: [Step], keepFrames: Int = 50) {
        size = (width, height)
        self.script = script
        keep = keepFrames
    }

    public func draw(_ frame: Frame) {
        frames.append(frame)
        if frames.count > keep { frames.removeFirst(frames.count - keep) }
    }

    public func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        guard !script.isEmpty else { return .character("q") }
        switch script.removeFirst() {
        case .key(let k):
            if case .resize(let w, let h) = k { size = (w, h) }
            return k
        case .wait(let ms):
            // sleeps (the engine and the landscape worker get the core), like a terminal's read timeout
            _ = DispatchSemaphore(value: 0).wait(timeout: .now() + .milliseconds(ms))
            return nil
        }
    }
}
