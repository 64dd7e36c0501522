/// "did you mean …?" for unknown names (losses, datasets, keys…).
public enum Suggestion {
    /// The name in `names` nearest to `word` by edit distance, when it is close enough
    /// (at most a third of the word's length, and at least 1 edit); nil otherwise.
    public static func nearest(_ word: String, among names: [String]) -> String? {
        let limit = Swift.max(1, word.count / 3)
        let scored = names.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit, best.1 > 0 else { return nil }
        return best.0
    }

    /// " (did you mean cross_entropy?)" or "".
    public static func didYouMean(_ word: String, among names: [String]) -> String {
        nearest(word, among: names).map { " (did you mean \($0)?)" } ?? ""
    }

    /// Levenshtein distance (insertions, deletions, substitutions).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
