/// A ramp of ASCII glyphs from light to dark, for screens without colour: ` .:-=+*#%@`.
///
/// A heatmap drawn with these still reads in a plain `.txt` screenshot.
public enum ShadeRamp {
    /// The ten glyphs, lightest (space) first.
    public static let glyphs: [Character] = Array(" .:-=+*#%@")

    /// The glyph for t ∈ [0, 1]: ten equal bins, t clamped; NaN gives a space.
    public static func glyph(_ t: Double) -> Character {
        guard !t.isNaN else { return " " }
        let i = Int((min(max(t, 0), 1) * Double(glyphs.count)).rounded(.down))
        return glyphs[min(i, glyphs.count - 1)]
    }
}
