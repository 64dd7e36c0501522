import Dispatch
import Foundation

/// A one-line progress bar with steps/s on stderr, redrawn at most 10 times a second.
final class ProgressBar {
    let total: Int
    private var lastDraw: UInt64 = 0

    init(total: Int) { self.total = total }

    func update(_ step: Int, start: UInt64) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 100_000_000 || step == total else { return }
        lastDraw = now
        let seconds = Double(now - start) / 1e9
        let rate = seconds > 0 ? Double(step) / seconds : 0
        let width = 30
        let filled = total > 0 ? min(width, width * step / total) : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        stderrWrite("\r\(bar) \(step)/\(total)  \(Int(rate)) steps/s ")
    }

    func finish() { stderrWrite("\r\u{1B}[K") }
}
