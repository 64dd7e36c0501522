import Platform

/// The points of a user's CSV file, parsed and checked (`kind = "csv"`).
///
/// Format: a header line `x1,x2,label` (classification) or `x1,x2,y`
/// (regression; names case-insensitive, spaces around fields ignored), then
/// one point per line: two finite numbers and an integer label 0…4 or a
/// finite target. Blank lines are allowed only at the end; `\r\n` line ends
/// and a UTF-8 byte-order mark are accepted. Classification needs at least 2
/// classes, at most `DataSpec.maxClasses`, and every label 0…K−1 used.
/// Errors name the file and the line (1-based; the header is line 1).
struct CSVTable: Equatable {
    var task: PredictionTask
    var points: [SIMD2<Float>]
    /// Classification labels (empty for regression).
    var labels: [Int]
    /// Regression targets (empty for classification).
    var targets: [Float]

    /// A 1-D file: every x2 is 0 (default features ["x1"]).
    var isOneDimensional: Bool { points.allSatisfy { $0.y == 0 } }

    /// Reads and parses the file at `path`.
    static func load(_ path: String) throws -> CSVTable {
        switch SystemFile.read(path) {
        case .success(let bytes): return try parse(String(decoding: bytes, as: UTF8.self), path: path)
        case .failure(let e):
            throw DataError.file(
                path: path, line: nil,
                message: e.opening
                    ? "cannot open the file (\(e.reason)); data.path is relative to the preset's folder"
                    : "cannot read the file (\(e.reason))")
        }
    }

    /// Parses the text of a CSV file; `path` only names it in errors.
    static func parse(_ text: String, path: String) throws -> CSVTable {
        func fail(_ line: Int?, _ message: String) -> DataError { .file(path: path, line: line, message: message) }

        // "\r\n" is one Character in Swift, so it is a separator of its own.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        while let last = lines.last, isBlank(last) { lines.removeLast() }
        guard !lines.isEmpty else {
            throw fail(1, "empty file; expected a header line x1,x2,label (classification) or x1,x2,y (regression)")
        }

        let header = fields(lines[0]).map { $0.lowercased() }
        let isClassification: Bool
        switch header {
        case ["x1", "x2", "label"]: isClassification = true
        case ["x1", "x2", "y"]: isClassification = false
        default:
            throw fail(1, "the header must be x1,x2,label (classification) or x1,x2,y (regression), got \"\(lines[0])\"")
        }
        let columns = isClassification ? "x1,x2,label" : "x1,x2,y"
        guard lines.count > 1 else { throw fail(2, "no data points after the header") }

        var table = CSVTable(task: .regression, points: [], labels: [], targets: [])
        table.points.reserveCapacity(lines.count - 1)
        for index in 1..<lines.count {
            let lineNumber = index + 1
            let line = lines[index]
            if isBlank(line) { throw fail(lineNumber, "blank line (blank lines are allowed only at the end)") }
            let f = fields(line)
            guard f.count == 3 else {
                throw fail(lineNumber, "expected 3 columns (\(columns)), got \(f.count): \"\(line)\"")
            }
            let x1 = try parseNumber(f[0], "x1", line: lineNumber)
            let x2 = try parseNumber(f[1], "x2", line: lineNumber)
            table.points.append(SIMD2(x1, x2))
            if isClassification {
                table.labels.append(try label(f[2], line: lineNumber))
            } else {
                table.targets.append(try parseNumber(f[2], "y", line: lineNumber))
            }
        }

        if isClassification {
            let k = table.labels.max()! + 1
            var counts = [Int](repeating: 0, count: k)
            for y in table.labels { counts[y] += 1 }
            if k == 1 || counts.filter({ $0 > 0 }).count == 1 {
                throw fail(nil, "every point has label \(table.labels[0]); classification needs at least 2 classes")
            }
            if let missing = counts.firstIndex(of: 0) {
                throw fail(nil, "no point has label \(missing); labels must be 0…\(k - 1) with every class present")
            }
            table.task = .classification(classes: k)
        }
        return table

        func parseNumber(_ s: String, _ column: String, line: Int) throws -> Float {
            guard !s.isEmpty else { throw fail(line, "\(column) is empty") }
            guard let v = Float(s) else { throw fail(line, "\(column) is not a number: \"\(s)\"") }
            guard !v.isNaN else { throw fail(line, "\(column) is NaN") }
            guard v.isFinite else { throw fail(line, "\(column) is infinite or too large for Float32: \"\(s)\"") }
            return v
        }

        func label(_ s: String, line: Int) throws -> Int {
            let value: Int
            if let v = Int(s) {
                value = v
            } else if let v = Float(s), v.isFinite, v == v.rounded(), abs(v) < 1e9 {
                value = Int(v)  // "2.0"
            } else {
                throw fail(line, s.isEmpty ? "label is empty" : "label must be a non-negative integer, got \"\(s)\"")
            }
            guard value >= 0 else { throw fail(line, "label must be a non-negative integer, got \"\(s)\"") }
            guard value < DataSpec.maxClasses else {
                throw fail(
                    line, "label \(value) is beyond the \(DataSpec.maxClasses) classes losscape supports (labels 0…\(DataSpec.maxClasses - 1))")
            }
            return value
        }
    }

    /// The comma-separated fields of a line, trimmed of spaces and tabs, and
    /// of one pair of surrounding double quotes.
    static func fields(_ line: Substring) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { raw in
            var s = raw.drop { $0 == " " || $0 == "\t" }
            while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
            if s.count >= 2, s.first == "\"", s.last == "\"" { s = s.dropFirst().dropLast() }
            return String(s)
        }
    }

    static func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }
}
