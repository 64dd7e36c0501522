import Foundation
import Testing

/// Drives the built binary in a real pseudo-terminal with tmux: start, keys,
/// capture, resize, quit; checks the exit status and that the terminal was
/// restored (cooked mode, echo). Skipped where tmux is missing.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: end-to-end terminal test skipped"))
struct TmuxEndToEndTests {
    @Test func playgroundKeysResizeAndQuit() throws {
        let t = try Tmux(width: 120, height: 40, args: ["presets/default.toml"])
        defer { t.kill() }
        #expect(t.waitFor("Decision boundary"), "screen did not appear:\n\(t.capture())")
        #expect(t.capture().contains("Setup") && t.capture().contains("Loss shape") && t.capture().contains("Landscape"))
        #expect(t.waitFor("running"))
        t.send("?")
        #expect(t.waitFor("this help (Esc closes)"))
        t.send("Escape")
        #expect(t.waitFor { !$0.contains("this help (Esc closes)") })
        t.send("l")
        #expect(t.waitFor("loss label_smoothing"), "\(t.capture())")
        t.send("Space")
        #expect(t.waitFor("paused"))
        t.resize(80, 24)
        #expect(t.waitFor { $0.contains("Decision boundary") && !$0.contains("Loss shape") }, "compact layout:\n\(t.capture())")
        t.resize(40, 10)
        #expect(t.waitFor("this terminal is 40×10"), "\(t.capture())")
        t.resize(120, 40)
        #expect(t.waitFor("Loss shape"))
        t.send("q")
        let status = t.waitForExit()
        #expect(status == "0")
        #expect(t.terminalRestored(), "stty after exit: \(t.sttyAfter())")
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        let t = try Tmux(width: 100, height: 30, args: [])
        defer { t.kill() }
        #expect(t.waitFor("Decision boundary"))
        t.send("C-c")
        let status = t.waitForExit()
        #expect(status == "130")
        #expect(t.terminalRestored(), "stty after exit: \(t.sttyAfter())")
    }

    /// A slow target rate shows every step; the playground pauses at the preset's steps and says
    /// so; space continues; `w` writes the session (with its timeline) under the full path shown.
    @Test func speedPauseAtStepsAndTheTimeline() throws {
        let preset = BinaryRunner.temporaryDirectory().appendingPathComponent("slow.toml")
        try "name = \"slow\"\nsteps = 30\nspeed = 20\n[data]\nsamples = 100\n".write(to: preset, atomically: true, encoding: .utf8)
        let shots = BinaryRunner.temporaryDirectory()
        let t = try Tmux(width: 120, height: 40, args: [preset.path, "--shots", shots.path])
        defer { t.kill(); try? FileManager.default.removeItem(at: shots) }
        #expect(t.waitFor("20/s"), "\(t.capture())")
        #expect(t.waitFor("reached 30 steps — space continues"), "\(t.capture())")
        #expect(t.capture().contains("paused") && t.capture().contains("step 30"))
        t.send("l")  // a change while live: on the timeline at step 30
        #expect(t.waitFor("label_smoothing"))
        t.send(">")
        #expect(t.waitFor("speed 50/s"))
        t.send("Space")
        #expect(t.waitFor { $0.contains("running") && !$0.contains("step 30 ") })
        t.send("Space")
        t.send("w")
        #expect(t.waitFor("preset written: \(shots.standardizedFileURL.path)/slow-"), "\(t.capture())")
        let written = try FileManager.default.contentsOfDirectory(atPath: shots.path).filter { $0.hasSuffix(".toml") }
        #expect(written.count == 1)
        let text = try String(contentsOf: shots.appendingPathComponent(written[0]), encoding: .utf8)
        #expect(text.contains("speed = 50") && text.contains("[[events]]\nstep = 30\nloss = { name = \"label_smoothing\""), "\(text)")
        t.send("q")
        #expect(t.waitForExit() == "0")
    }

    /// `--record` writes an asciicast v2 file that is complete after q.
    @Test func recordWritesAValidCast() throws {
        let dir = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cast = dir.appendingPathComponent("s.cast")
        let t = try Tmux(width: 100, height: 30, args: ["presets/xor.toml", "--record", cast.path, "--speed", "max"])
        defer { t.kill() }
        #expect(t.waitFor("running"))
        Thread.sleep(forTimeInterval: 0.5)
        t.send("C-c")
        #expect(t.waitForExit() == "130")
        let lines = try String(contentsOf: cast, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "{\"version\": 2, \"width\": 100, \"height\": 30, \"title\": \"losscape presets/xor.toml\"}")
        #expect(lines.count >= 3, "frames recorded: \(lines.count - 1)")
        for l in lines.dropFirst() {
            let event = try JSONSerialization.jsonObject(with: Data(l.utf8)) as? [Any]
            #expect(event?.count == 3 && event?[1] as? String == "o")
        }
    }

    @Test func badPresetFailsBeforeTheScreen() throws {
        let t = try Tmux(width: 100, height: 30, args: ["no-such-preset.toml"])
        defer { t.kill() }
        let status = t.waitForExit()
        #expect(status == "1")
        #expect(t.capture().contains("losscape: no-such-preset.toml: no such preset file"))
    }
}

/// A tmux session running `losscape ARGS`, whose exit status and `stty -a`
/// afterwards land in files.
struct Tmux {
    static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let name = "losscape-e2e-\(UUID().uuidString.prefix(8))"
    let dir = BinaryRunner.temporaryDirectory()

    init(width: Int, height: Int, args: [String]) throws {
        let bin = BinaryRunner.binary.path
        let quoted = args.map { "'\($0)'" }.joined(separator: " ")
        // `timeout` bounds the program even if this test process dies and never kills the session.
        let guardCommand = FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout") ? "/usr/bin/timeout --foreground -s TERM 120 " : ""
        let script =
            "cd '\(BinaryRunner.repositoryRoot.path)' && \(guardCommand)'\(bin)' \(quoted); st=\\$?; stty -a > '\(dir.path)/stty'; echo \\$st > '\(dir.path)/exit.tmp'; mv '\(dir.path)/exit.tmp' '\(dir.path)/exit'; sleep 20"
        // new-session may start the tmux server, which would inherit (and hold open) a pipe: no output here.
        try Tmux.tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "bash -c \"\(script)\""], capture: false)
    }

    /// Runs `tmux -L losscape-e2e ARGS` (a private server) and returns its
    /// output. Output goes through a file, not a pipe (a server started here
    /// would hold a pipe open forever), and the wait is bounded so a stuck
    /// tmux cannot hang the suite.
    @discardableResult
    static func tmux(_ args: [String], capture: Bool = true) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try FileHandle(forWritingTo: out)
        defer { try? handle.close() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux", "-L", "losscape-e2e"] + args
        p.standardOutput = capture ? handle : FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // new-session may start the server, whose client can linger: do not wait for it
        // (the captures below poll until the screen appears)
        if !capture { return "" }
        let deadline = Date().addingTimeInterval(10)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if p.isRunning { p.terminate() }
        return (try? String(contentsOf: out, encoding: .utf8)) ?? ""
    }

    func capture() -> String { (try? Tmux.tmux(["capture-pane", "-t", name, "-p"])) ?? "" }
    func send(_ key: String) { _ = try? Tmux.tmux(["send-keys", "-t", name, key]) }
    func resize(_ w: Int, _ h: Int) { _ = try? Tmux.tmux(["resize-window", "-t", name, "-x", "\(w)", "-y", "\(h)"]) }
    func kill() {
        _ = try? Tmux.tmux(["kill-session", "-t", name])
        try? FileManager.default.removeItem(at: dir)
    }

    func waitFor(_ text: String, seconds: Double = 15) -> Bool { waitFor(seconds: seconds) { $0.contains(text) } }

    func waitFor(seconds: Double = 15, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(capture()) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// The program's exit status once it has exited (nil on timeout). The script writes
    /// `stty` first and renames `exit` into place last, so both are complete here.
    func waitForExit(seconds: Double = 15) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let s = try? String(contentsOf: dir.appendingPathComponent("exit"), encoding: .utf8) {
                return s.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    func sttyAfter() -> String { (try? String(contentsOf: dir.appendingPathComponent("stty"), encoding: .utf8)) ?? "" }

    /// Cooked mode again: canonical input, echo, signals.
    func terminalRestored() -> Bool {
        let words = Set(sttyAfter().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        return words.contains("icanon") && words.contains("echo") && words.contains("isig") && !words.contains("-icanon")
    }
}
