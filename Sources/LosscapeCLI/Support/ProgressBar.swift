import Dispatch
import Foundation

/// A one-line progress bar with steps/s on stderr, redrawn at most 10 times a second.
final class ProgressBar {
    let total: Int
    private var lastDraw: UInt64 = 0

    init(total: Int) { self.total = total }

    /// Draws `step` of `total`, the rate and the time left; `note` (e.g. "3/16 runs") after them.
    func update(_ step: Int, start: UInt64, note: String? = nil) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 100_000_000 || step == total else { return }
        lastDraw = now
        let seconds = Double(now - start) / 1e9
        let rate = seconds > 0 ? Double(step) / seconds : 0
        let width = 30
        let filled = total > 0 ? min(width, max(0, width * step / total)) : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let left = rate > 0 && step < total ? "  ETA \(Self.duration(Double(total - step) / rate))" : ""
        stderrWrite("\r\(bar) \(step)/\(total)  \(fixedRate(rate)) steps/s\(left)\(note.map { "  " + $0 } ?? "") \u{1B}[K")
    }

    /// "42 s", "3 min 05 s", "1 h 02 min".
    static func duration(_ s: Double) -> String {
        guard s.isFinite, s >= 0, s < 1e7 else { return "?" }
        let t = Int(s.rounded())
        if t < 60 { return "\(t) s" }
        if t < 3600 { return "\(t / 60) min \(String(format: "%02d", t % 60)) s" }
        return "\(t / 3600) h \(String(format: "%02d", t / 60 % 60)) min"
    }

    func finish() { stderrWrite("\r\u{1B}[K") }
}
