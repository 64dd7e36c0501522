import Engine
import Render

/// The status line: state, step, epoch, speed, learning rate, losses and
/// accuracies; then a flash message or the key hints.
enum StatusBar {
    static func status(_ state: AppState, theme: Theme) -> (text: String, style: Style) {
        guard let run = state.run else { return ("starting…", .plain) }
        var parts: [String] = []
        let stateText: String
        var style = Style(bold: true)
        switch run.health {
        case .diverged(let step, let reason):
            stateText = "\(theme.ascii ? "X" : "✖") diverged at step \(step): \(reason) (r re-initialises)"
            style = Style(fg: theme.hasColor ? .indexed(196) : .default, bold: true)
        case .healthy:
            stateText = state.running ? "\(theme.ascii ? ">" : "▶") running" : "\(theme.ascii ? "||" : "❚❚") paused"
        }
        parts.append(stateText)
        parts.append("step \(run.step)")
        parts.append("epoch \(fixed(run.epoch, 1))")
        if state.running { parts.append("\(fixed(state.snapshot?.stepsPerSecond ?? 0, 0)) steps/s") }
        if let r = run.latest {
            parts.append("lr \(format(r.learningRate))")
            parts.append("loss \(fixed(r.trainLoss, 4))" + (r.testLoss.map { "/\(fixed($0, 4))" } ?? ""))
            if let a = r.trainAccuracy {
                parts.append("acc \(fixed(a * 100, 1))%" + (r.testAccuracy.map { "/\(fixed($0 * 100, 1))%" } ?? ""))
            }
        }
        return (parts.joined(separator: "  "), style)
    }

    static let hints = "space run/pause  n step  ←→ change  l loss  o optimizer  d data  s shot  w save  ? help  q quit"

    static func render(_ state: AppState, in rect: Rect, into frame: inout Frame, theme: Theme) {
        guard rect.height > 0 else { return }
        let (text, style) = status(state, theme: theme)
        let statusStyle = theme.hasColor ? Style(fg: style.fg, bg: .indexed(236), bold: style.bold) : Style(bold: true, reverse: true)
        frame.fill(rect.row(0), with: Cell(" ", style: statusStyle))
        frame.put(" " + text, x: rect.x, y: rect.y, style: statusStyle, clippedTo: rect.row(0))
        let second = state.currentFlash ?? hints
        let secondStyle = state.currentFlash != nil ? Style(bold: true) : theme.dim
        if rect.height > 1 {
            frame.put(" " + second, x: rect.x, y: rect.y + 1, style: secondStyle, clippedTo: rect.row(1))
        } else if let flash = state.currentFlash {
            // one line only: the message takes the right part
            let w = min(flash.count + 2, rect.width / 2)
            let r = Rect(x: rect.maxX - w, y: rect.y, width: w, height: 1)
            frame.fill(r, with: Cell(" ", style: statusStyle))
            frame.put(String(flash.prefix(w - 1)), x: r.x + 1, y: r.y, style: statusStyle, clippedTo: r)
        }
    }
}

/// x with `digits` decimals.
func fixed(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    if digits <= 0 { return abs(x) < 1e15 ? String(Int(x.rounded())) : format(x) }
    var p = 1.0
    for _ in 0..<digits { p *= 10 }
    let r = (x * p).rounded() / p
    var s = "\(abs(r))"
    if !r.isFinite || s.contains("e") { return format(x) }
    if !s.contains(".") { s += "." }
    let decimals = s.split(separator: ".", omittingEmptySubsequences: false)[1].count
    if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
    return (r < 0 ? "-" : "") + s
}
