import Render

/// The screen below the minimum size: what is needed and what there is.
enum TooSmallView {
    static func render(width: Int, height: Int, minWidth: Int, minHeight: Int) -> Frame {
        var f = Frame(width: width, height: height)
        let lines = ["losscape needs \(minWidth)×\(minHeight)", "this terminal is \(width)×\(height)", "enlarge it, or q to quit"]
        let top = max(0, (height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            f.put(line, in: Rect(x: 0, y: top + i, width: width, height: 1), align: .center, style: i == 0 ? Style(bold: true) : .plain)
        }
        return f
    }
}
