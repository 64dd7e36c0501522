import Engine
import Render

/// The status line — state, step, speed, then each run's losses and accuracies
/// (the selected run in full, `loss <train>/<test> (train/test)`, the others
/// compact), learning rate, epoch — and below it a flash message or the key
/// hints. Fields are dropped whole, least important first, never cut.
enum StatusBar {
    typealias F = FieldLine.Field

    static func status(_ state: AppState, theme: Theme) -> (line: FieldLine, style: Style) {
        guard let run = state.run, let snap = state.snapshot else { return (FieldLine([F("starting…", priority: 10)]), .plain) }
        var fields: [F] = []
        var style = Style(bold: true)
        switch run.health {
        case .diverged(let step, let reason):
            fields.append(F("\(theme.ascii ? "X" : "✖") diverged at step \(step): \(reason)", priority: 10))
            fields.append(F("(r restarts, i new weights)", priority: 2))
            style = Style(fg: theme.hasColor ? .indexed(196) : .default, bold: true)
        case .healthy:
            fields.append(F(state.running ? "\(theme.ascii ? ">" : "▶") running" : "\(theme.ascii ? "||" : "❚❚") paused", priority: 10))
        }
        fields.append(F("step \(run.step)", priority: 9))
        fields.append(F(speedText(state.speed, achieved: state.running ? snap.stepsPerSecond : nil), priority: 6))
        let many = snap.runs.count > 1
        for (i, r) in snap.runs.enumerated() {
            guard let m = r.latest else { continue }
            if i == min(state.selected, snap.runs.count - 1) {
                let who = many ? "\(r.label): " : ""
                let test = m.testLoss.map { "/\(lossText($0))" } ?? ""
                fields.append(F("\(who)loss \(lossText(m.trainLoss))\(test) (\(m.testLoss == nil ? "train" : "train/test"))", priority: 8))
                if let a = m.trainAccuracy {
                    fields.append(F("acc \(fixed(a * 100, 1))%" + (m.testAccuracy.map { "/\(fixed($0 * 100, 1))%" } ?? ""), priority: 7))
                }
                fields.append(F("lr \(format(m.learningRate))", priority: 4))
            } else {
                let value = m.testAccuracy.map { "\(fixed($0 * 100, 0))%" } ?? m.testLoss.map { fixed($0, 3) } ?? fixed(m.trainLoss, 3)
                fields.append(F("\(r.label) \(value)", priority: 5 - min(i, 4) / 2))
            }
        }
        fields.append(F("epoch \(fixed(run.epoch, 1))", priority: 3))
        return (FieldLine(fields), style)
    }

    /// A loss with 4 decimals, or 2 significant digits when smaller than 0.001 (never `0.0000` for 2e-6).
    static func lossText(_ x: Double) -> String {
        x != 0 && abs(x) < 0.001 && x.isFinite ? NiceTicks.format(x, significantDigits: 2) : fixed(x, 4)
    }

    /// "200/s", "200/s (got 150)", "max 21k/s", "max".
    static func speedText(_ speed: PlaybackSpeed, achieved: Double?) -> String {
        switch speed {
        case .max:
            guard let a = achieved, a > 0 else { return "max" }
            return "max \(NiceTicks.format(a, significantDigits: 2))/s"
        case .stepsPerSecond(let r):
            guard let a = achieved, a > 0, a < Double(r) * 0.8 else { return "\(r)/s" }
            return "\(r)/s (got \(NiceTicks.format(a, significantDigits: 2)))"
        }
    }

    /// The key hints, the most useful first to stay.
    static func hints(_ state: AppState) -> FieldLine {
        var hints = [
            F("? help", priority: 10), F("q quit", priority: 9), F("space run/pause", priority: 8),
            F("←→ change", priority: 7), F("< > speed", priority: 6), F("v view", priority: 6),
            F("l loss", priority: 5), F("o optimizer", priority: 5), F("c compare", priority: 4),
            F("r restart", priority: 3), F("s shot", priority: 3), F("w save", priority: 3),
            F("n step", priority: 2), F("d data", priority: 2),
        ]
        if state.runs.count > 1 { hints.insert(F("Tab run", priority: 6), at: 4) }
        return FieldLine(hints)
    }

    static func render(_ state: AppState, in rect: Rect, into frame: inout Frame, theme: Theme) {
        guard rect.height > 0 else { return }
        let (line, style) = status(state, theme: theme)
        let statusStyle = theme.hasColor ? Style(fg: style.fg, bg: .indexed(236), bold: style.bold) : Style(bold: true, reverse: true)
        frame.fill(rect.row(0), with: Cell(" ", style: statusStyle))
        if rect.height > 1 {
            let flash = state.currentFlash.map { wrap($0, width: rect.width - 1, lines: 2) }.flatMap { $0.isEmpty ? nil : $0 }
            if let flash, flash.count == 2 {
                // a flash longer than a line (a written file's full path) takes both rows while it shows
                frame.put(" " + flash[0], x: rect.x, y: rect.y, style: statusStyle, clippedTo: rect.row(0))
                frame.put(" " + flash[1], x: rect.x, y: rect.y + 1, style: Style(bold: true), clippedTo: rect.row(1))
                return
            }
            frame.put(" " + line.fitted(to: rect.width - 1), x: rect.x, y: rect.y, style: statusStyle, clippedTo: rect.row(0))
            frame.put(
                " " + (flash?.first ?? hints(state).fitted(to: rect.width - 1)), x: rect.x, y: rect.y + 1,
                style: flash != nil ? Style(bold: true) : theme.dim, clippedTo: rect.row(1))
        } else {
            // one line: the flash message joins the status as a field of its own
            var withFlash = line
            if let flash = state.currentFlash { withFlash.fields.append(F(flash, priority: 8)) }
            frame.put(" " + withFlash.fitted(to: rect.width - 1), x: rect.x, y: rect.y, style: statusStyle, clippedTo: rect.row(0))
        }
    }
}

/// `text` in at most `lines` lines of `width` characters, broken after a space or `/` where one is
/// near the end of a line (a path breaks between its folders); only what exceeds every line is cut,
/// with `…` at the end.
func wrap(_ text: String, width: Int, lines: Int) -> [String] {
    guard width > 1, lines > 0 else { return [] }
    var rest = Substring(text)
    var out: [String] = []
    while !rest.isEmpty && out.count < lines {
        if rest.count <= width {
            out.append(String(rest))
            rest = ""
        } else if out.count == lines - 1 {
            out.append(String(rest.prefix(width - 1)) + "…")
            rest = ""
        } else {
            let head = rest.prefix(width)
            let minimum = head.index(head.startIndex, offsetBy: width * 2 / 3)
            let cut = head[minimum...].lastIndex { $0 == " " || $0 == "/" }.map { head.index(after: $0) } ?? head.endIndex
            out.append(String(rest[..<cut]))
            rest = rest[cut...]
        }
    }
    return out
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
