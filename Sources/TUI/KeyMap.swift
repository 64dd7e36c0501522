/// Every key of the playground with what it does: the help overlay and the
/// README list this table, so it is the single source.
public enum KeyMap {
    public static let entries: [(keys: String, action: String)] = [
        ("space", "run / pause"),
        ("n", "one step (pauses)"),
        ("r", "re-initialise weights"),
        ("R", "regenerate the data"),
        ("+ / -", "learning rate × 2 / ÷ 2"),
        ("l / L", "next / previous loss"),
        ("o / O", "next / prev optimizer"),
        ("d / D", "next / prev dataset"),
        ("↑ ↓", "move in Setup"),
        ("← → / Enter", "change the value"),
        ("y", "log-y loss axis"),
        ("a", "accuracy curves"),
        ("u", "yardstick: test NLL/MSE"),
        ("g", "compute the landscape"),
        ("p", "landscape: random / PCA"),
        ("[ / ]", "landscape span ÷/× 1.5"),
        ("{ / }", "landscape resolution"),
        ("1", "landscape: 2-D / 1-D"),
        ("Y / G", "landscape log / auto"),
        ("s", "screenshot .txt + .ans"),
        ("w", "save setup as preset"),
        ("?", "this help (Esc closes)"),
        ("q", "quit"),
    ]
}
