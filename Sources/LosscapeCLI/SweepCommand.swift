import ArgumentParser
import Dispatch
import Engine
import Foundation
import Learning
import Synchronization

/// `losscape sweep`: the Cartesian product of varied preset keys (and seeds), in parallel.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a preset over the Cartesian product of varied keys (and seeds), in parallel; write results.csv.",
        discussion: """
            Each combination is exactly `losscape run PRESET --set KEY=VALUE …` (and --set seed=S with \
            --seeds). DIR/results.csv has one column per varied key, then seed, then summary.csv's columns \
            from train_loss on; each row is written as its run finishes (Ctrl-C keeps every completed row, \
            exit 130), and the file is rewritten in combination order at the end. Then a pivot table: rows \
            = the first varied key, columns = the second, cells = mean ± sd of the final test accuracy over \
            seeds (test_mse for regression).
            --plan prints one self-contained `losscape run` command per combination (for GNU parallel, a \
            Slurm array, …) and writes DIR/sweep.json; `losscape sweep --collect DIR` then builds \
            results.csv and the pivot table from DIR/runs/<id>/, as an in-process sweep would.
            """)

    @Argument(help: "A preset file, or the name of one in ./presets (not with --collect).")
    var preset: String?

    @Option(help: "A key and its values: KEY=V1,V2,… (commas inside [ ], { } or quotes do not split). Repeatable.")
    var vary: [String] = []

    @Option(help: "Run every combination with N seeds: the preset's seed, seed+1, …, seed+N−1.")
    var seeds: Int?

    @Option(help: "Parallel workers (default: the number of cores).")
    var jobs: Int?

    @Option(parsing: .unconditional, help: "Training steps (overrides the preset's `steps`).")
    var steps: Int?

    @Option(name: .customLong("set"), help: "Override a preset key for every combination: --set loss.gamma=2 (repeatable).")
    var sets: [String] = []

    @Option(help: "The sweep's folder (new or empty): results.csv, and runs/ with --keep-runs or --plan.")
    var out: String?

    @Flag(help: "Also write every run's folder under DIR/runs/<id>/.")
    var keepRuns = false

    @Option(help: "Log metrics every K steps in kept run folders (as `losscape run --log-every`).")
    var logEvery: Int = 1

    @Flag(help: "Print one `losscape run` command per combination instead of running them; write DIR/sweep.json.")
    var plan = false

    @Option(help: "Build DIR/results.csv and the pivot table from the run folders of a --plan sweep.")
    var collect: String?

    func validate() throws {
        if collect != nil {
            guard preset == nil, vary.isEmpty, out == nil, !plan else {
                throw ValidationError("--collect DIR takes no preset, --vary, --out or --plan")
            }
            return
        }
        guard preset != nil else { throw ValidationError("a preset is needed (or --collect DIR)") }
        guard !vary.isEmpty else { throw ValidationError("--vary KEY=V1,V2,… is needed at least once") }
        guard out != nil else { throw ValidationError("--out DIR is needed") }
        if let seeds, seeds < 1 || seeds > 10_000 { throw ValidationError("--seeds must be in 1…10000") }
        if let jobs, jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be in 1…256") }
        if let steps, steps < 0 || steps > Preset.maxSteps { throw ValidationError("--steps must be in 0…\(Preset.maxSteps)") }
        if logEvery < 1 { throw ValidationError("--log-every must be ≥ 1") }
    }

    var common: [String] { sets + (steps.map { ["steps=\($0)"] } ?? []) }

    func run() throws {
        try checkCPU()
        if let collect { return try collectResults(collect) }
        let axes: [SweepPlan.Axis]
        do { axes = try vary.map(SweepPlan.parseVary) } catch { throw fail("\(error)") }
        if Set(axes.map(\.key)).count != axes.count { throw fail("--vary: a key is varied twice") }
        let base: SessionSpec
        do { base = try PresetLookup.load(preset, overrides: common).session } catch { throw fail("\(error)") }
        if base.runs.count > 1 {
            throw fail("\(PresetLookup.fileName(preset)): a sweep of a [[compare]] preset is not possible (sweep its runs one by one)")
        }
        let sweep = SweepPlan(axes: axes, seeds: seeds, baseSeed: base.base.seed)
        let combos = sweep.combinations
        // every combination is checked before anything runs
        var sessions: [(SessionSpec, String?)] = []
        for c in combos {
            do { sessions.append(try PresetLookup.load(preset, overrides: common + c.overrides(sweep))) } catch {
                throw fail("\(error) (in the combination \(c.overrides(sweep).joined(separator: " ")))")
            }
        }
        let dir = URL(fileURLWithPath: out!).standardizedFileURL
        do { try prepare(dir) } catch { throw fail("\(error)") }
        if plan { return try printPlan(sweep, dir: dir) }
        try runInProcess(sweep, sessions: sessions, dir: dir, regression: base.base.family == .regression)
    }

    /// DIR must be new or empty.
    func prepare(_ dir: URL) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dir.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw LosscapeError("--out: \(dir.path) exists and is not a folder") }
            guard ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).isEmpty else {
                throw LosscapeError("--out: \(dir.path) is not empty (choose a new folder)")
            }
        } else {
            do { try fm.createDirectory(at: dir, withIntermediateDirectories: false) } catch {
                throw LosscapeError("--out: cannot create \(dir.path)")
            }
        }
    }

    // MARK: - --plan and --collect

    func printPlan(_ sweep: SweepPlan, dir: URL) throws {
        do { try sweep.json.write(to: dir.appendingPathComponent("sweep.json"), atomically: true, encoding: .utf8) } catch {
            throw fail("--out: cannot write sweep.json: \(error.localizedDescription)")
        }
        let presetPath = URL(fileURLWithPath: PresetLookup.path(for: preset!) ?? preset!).standardizedFileURL.path
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        for (i, c) in sweep.combinations.enumerated() {
            var args = [exe, "run", presetPath]
            for s in common + c.overrides(sweep) { args += ["--set", s] }
            if logEvery != 1 { args += ["--log-every", String(logEvery)] }
            args += ["--out", dir.appendingPathComponent("runs/\(sweep.id(i))").path]
            print(args.map(shellQuoted).joined(separator: " "))
        }
        try? FileManager.default.createDirectory(at: dir.appendingPathComponent("runs"), withIntermediateDirectories: true)
    }

    func collectResults(_ path: String) throws {
        let dir = URL(fileURLWithPath: path).standardizedFileURL
        let sweep: SweepPlan
        do {
            let text = try String(contentsOf: dir.appendingPathComponent("sweep.json"), encoding: .utf8)
            sweep = try SweepPlan(json: text)
        } catch let e as SweepError {
            throw fail("--collect: \(e)")
        } catch {
            throw fail("--collect: \(dir.path)/sweep.json cannot be read (make the sweep with --plan)")
        }
        var rows: [(SweepPlan.Combination, RunSummary)] = []
        var regression = false
        for (i, c) in sweep.combinations.enumerated() {
            let folder = dir.appendingPathComponent("runs/\(sweep.id(i))")
            do {
                let (summary, isRegression) = try RunFolderSummary.read(folder)
                rows.append((c, summary))
                regression = isRegression
            } catch {
                throw fail("--collect: run \(sweep.id(i)) (\(c.overrides(sweep).joined(separator: " "))): \(error)")
            }
        }
        let text = CSVText.line(SweepResults.header(sweep)) + rows.map { CSVText.line(SweepResults.row($0, $1)) }.joined()
        do { try text.write(to: dir.appendingPathComponent("results.csv"), atomically: true, encoding: .utf8) } catch {
            throw fail("--collect: cannot write results.csv: \(error.localizedDescription)")
        }
        print(SweepResults.pivot(sweep, rows: rows, regression: regression), terminator: "")
    }

    // MARK: - in process

    func runInProcess(_ sweep: SweepPlan, sessions: [(SessionSpec, String?)], dir: URL, regression: Bool) throws {
        let combos = sweep.combinations
        let resultsURL = dir.appendingPathComponent("results.csv")
        guard FileManager.default.createFile(atPath: resultsURL.path, contents: Data(CSVText.line(SweepResults.header(sweep)).utf8)),
            let results = try? FileHandle(forWritingTo: resultsURL)
        else { throw fail("--out: cannot write \(resultsURL.path)") }
        results.seekToEndOfFile()
        if keepRuns { try? FileManager.default.createDirectory(at: dir.appendingPathComponent("runs"), withIntermediateDirectories: true) }

        let interrupt = Interrupt()
        let totalSteps = sessions.reduce(0) { $0 + $1.0.base.steps }
        let shared = Mutex<(next: Int, steps: Int, done: [Int: RunSummary], failure: String?)>((0, 0, [:], nil))
        let cancelled = Atomic<Bool>(false)
        let workers = min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, combos.count)
        let group = DispatchGroup()
        let keep = keepRuns, logEvery = logEvery, preset = preset
        for _ in 0..<max(workers, 1) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while !cancelled.load(ordering: .relaxed) {
                    let i = shared.withLock { s -> Int in
                        defer { s.next += 1 }
                        return s.next
                    }
                    guard i < combos.count else { return }
                    let (session, base) = sessions[i]
                    do {
                        let d = try PresetLookup.drivers(session, baseDirectory: base, preset: preset, history: false)[0]
                        var last = 0
                        let metrics = d.trainHeadless(logEvery: keep ? logEvery : Int.max, cancel: { cancelled.load(ordering: .relaxed) }) { step in
                            shared.withLock { $0.steps += step - last }
                            last = step
                        }
                        if cancelled.load(ordering: .relaxed) { return }
                        if keep {
                            let folder = dir.appendingPathComponent("runs/\(sweep.id(i))")
                            let writer = try RunFolderWriter(path: folder.path)
                            for (name, text) in RunFolderContents.files(d, metrics: metrics, session: session, baseDirectory: base) {
                                try writer.write(name, text)
                            }
                            try writer.commit()
                        }
                        let summary = RunSummary(d)
                        shared.withLock { s in
                            s.done[i] = summary
                            results.write(Data(CSVText.line(SweepResults.row(combos[i], summary)).utf8))
                        }
                    } catch {
                        shared.withLock { $0.failure = $0.failure ?? "\(error)" }
                        cancelled.store(true, ordering: .relaxed)
                    }
                }
            }
        }
        let progress = isTerminal(2) ? ProgressBar(total: totalSteps) : nil
        let start = DispatchTime.now().uptimeNanoseconds
        while group.wait(timeout: .now() + 0.1) == .timedOut {
            if interrupt.happened { cancelled.store(true, ordering: .relaxed) }
            let (steps, runs) = shared.withLock { ($0.steps, $0.done.count) }
            progress?.update(steps, start: start, note: "\(runs)/\(combos.count) runs")
        }
        progress?.finish()
        try? results.close()
        let (done, failure) = shared.withLock { ($0.done, $0.failure) }
        if let failure { throw fail(failure) }
        if interrupt.happened {
            throw fail("interrupted: \(done.count) of \(combos.count) runs done, their rows are in \(resultsURL.path)", code: 130)
        }
        // in combination order, so a sweep's results.csv is the same however its runs were scheduled
        let rows = combos.indices.map { (combos[$0], done[$0]!) }
        let text = CSVText.line(SweepResults.header(sweep)) + rows.map { CSVText.line(SweepResults.row($0, $1)) }.joined()
        try? text.write(to: resultsURL, atomically: true, encoding: .utf8)
        print(SweepResults.pivot(sweep, rows: rows, regression: regression), terminator: "")
    }
}

/// A word for a POSIX shell: as is when it is plain, else in single quotes.
func shellQuoted(_ s: String) -> String {
    let plain = s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0)) }
    return plain && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
