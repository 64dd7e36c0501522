import ArgumentParser
import Foundation
import Platform
import Render
import TUI

/// `losscape _backend-test` (hidden): a screen that exercises ``CursesBackend`` by hand or
/// from tmux: text, colours, braille, blocks, attributes, the last key, the size.
///
/// Keys: `q` quits (status 0); Ctrl-C / SIGTERM quit with 130 / 143; `m` draws a frame
/// smaller than the screen, `M` a larger one, `=` the screen's size again; `p` toggles a
/// frame of many distinct colours (pair recycling); `!` fails a precondition (crash path);
/// `X` calls exit(3) with curses still up (atexit path); `S` stops for a second and starts again. `--bench-frames N` times N redraws.
struct BackendTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_backend-test", abstract: "Exercise the terminal backend.", shouldDisplay: false)

    @Option(help: "auto, never, 256 or truecolor.")
    var color: ColorModeRequest = .auto

    @Option(help: "Draw this many changing full-colour frames, then print the time per frame and quit.")
    var benchFrames: Int?

    func run() throws {
        let backend = CursesBackend(colorMode: color)
        do { try backend.start() } catch { throw fail("\(error)") }
        defer { backend.stop() }
        if let n = benchFrames {
            let s = backend.size
            func time(_ shift: (Int) -> Int) -> Double {
                let start = ContinuousClock.now
                for i in 0..<max(1, n) {
                    backend.draw(
                        BackendTestScreen.frame(
                            width: s.width, height: s.height, lines: ["frame"],
                            stress: true, shift: shift(i)))
                }
                return (ContinuousClock.now - start) / .milliseconds(1) / Double(max(1, n))
            }
            let changing = time { $0 }
            let same = time { _ in 0 }
            backend.stop()
            print(
                "\(n) frames of \(s.width)x\(s.height), \(backend.colorMode.rawValue): every cell changing "
                    + "\(changing) ms per frame, unchanged \(same) ms per frame")
            return
        }
        var last = "none"
        var resizes = 0
        var sizeDelta = 0
        var stress = false
        while true {
            let s = backend.size
            let frame = BackendTestScreen.frame(
                width: s.width + sizeDelta, height: s.height + sizeDelta / 2,
                lines: [
                    "losscape backend test  mode=\(backend.colorMode.rawValue)  screen=\(s.width)x\(s.height)"
                        + "  frame=\(s.width + sizeDelta)x\(s.height + sizeDelta / 2)",
                    "note: \(backend.note ?? "-")",
                    "last key: \(last)  resizes: \(resizes)",
                ],
                stress: stress)
            backend.draw(frame)
            guard let key = backend.readKey(timeoutMilliseconds: 30) else { continue }
            last = "\(key)"
            switch key {
            case .character("q"): return
            case .interrupt:
                backend.stop()
                throw ExitCode(128 + (backend.lastSignal ?? SystemSignal.interrupt))
            case .resize: resizes += 1
            case .character("m"): sizeDelta = -10
            case .character("M"): sizeDelta = 10
            case .character("="): sizeDelta = 0
            case .character("p"): stress.toggle()
            case .character("!"): preconditionFailure("backend test: deliberate crash")
            case .character("X"): Foundation.exit(3)
            case .character("S"):
                backend.stop()
                print("backend test: stopped for a second")
                sleep(1)
                do { try backend.start() } catch { throw fail("\(error)") }
            default: break
            }
        }
    }
}

/// The self-test's picture.
enum BackendTestScreen {
    /// A frame with `lines` on top, colour swatches, glyphs, attributes and corner marks.
    static func frame(width: Int, height: Int, lines: [String], stress: Bool, shift: Int = 0) -> Frame {
        var f = Frame(width: width, height: height)
        if stress {
            for y in 0..<f.height {
                for x in 0..<f.width {
                    f[x, y] = Cell(
                        "▄",
                        style: Style(
                            fg: .indexed(UInt8((x * 31 + y * 17 + shift) & 255)),
                            bg: .rgb(UInt8((x * 7 + shift) & 255), UInt8(y * 13 & 255), UInt8((x * y) & 255))))
                }
            }
        }
        for (i, l) in lines.enumerated() { f.put(l, x: 1, y: 1 + i) }
        var x = 1
        for n in 1...6 { x = f.put(" idx\(n) ", x: x, y: 5, style: Style(fg: .indexed(UInt8(n)), bold: n == 1)) }
        x = f.put(" orange ", x: x, y: 5, style: Style(fg: .rgb(0, 0, 0), bg: Color(hex: 0xf59322)))
        x = f.put(" blue ", x: x, y: 5, style: Style(fg: .rgb(255, 255, 255), bg: Color(hex: 0x0877bd)))
        _ = f.put(" grey ", x: x, y: 5, style: Style(bg: Color(hex: 0xe8eaeb)))
        f.put("braille ⠁⠃⠇⡇⣇⣧⣷⣿ ⢀⣀⣠⣤⣶⣿  blocks ▀▄█░▒▓  box ┌─┐└─┘", x: 1, y: 7, style: Style(fg: Color(hex: 0x22aa55)))
        x = f.put("bold", x: 1, y: 8, style: Style(bold: true))
        x = f.put(" dim", x: x + 1, y: 8, style: Style(dim: true))
        f.put(" reverse ", x: x + 1, y: 8, style: Style(reverse: true))
        for i in 0..<min(64, max(0, width - 2)) {
            let t = Double(i) / 63
            f[1 + i, 10] = Cell(
                "▀",
                style: Style(
                    fg: Color(hex: 0xf59322).mixed(with: Color(hex: 0x0877bd), t),
                    bg: Color(hex: 0x440154).mixed(with: Color(hex: 0xfde725), t)))
        }
        if width > 0 && height > 0 {
            for (cx, cy) in [(0, 0), (width - 1, 0), (0, height - 1), (width - 1, height - 1)] {
                f[cx, cy] = Cell("+", style: Style(fg: .indexed(1), bold: true))
            }
        }
        return f
    }
}
