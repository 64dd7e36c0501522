import CNcurses
import TUI

/// Turns what `wget_wch` returns into ``KeyEvent``s; no curses state involved.
enum KeyDecoding {
    /// A function key (`wget_wch` returned `KEY_CODE_YES`); nil for keys the playground
    /// does not use. `KEY_RESIZE` is not handled here (it needs the new size).
    static func keyCode(_ code: Int32) -> KeyEvent? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_HOME, KEY_A1, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_SELECT: return .end
        default: return nil
        }
    }

    /// A character (`wget_wch` returned `OK`): Enter (10, 13), Esc (27), Tab (9),
    /// Backspace (127, 8), Ctrl-C (3) as ``KeyEvent/interrupt``, printable characters;
    /// nil for other control characters and invalid code points.
    static func character(_ value: UInt32) -> KeyEvent? {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 127, 8: return .backspace
        case 3: return .interrupt
        case 0..<32, 0x80..<0xa0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
