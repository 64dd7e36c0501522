import Foundation
import Learning
import TensorCore
import Testing

@testable import Engine

/// Bad input, systematically: thousands of seeded random mutations of every shipped preset
/// and of valid CSV files — lines deleted, duplicated and swapped, bytes flipped, numbers
/// replaced by huge, negative, NaN or text values, truncation — through the preset reader
/// (and the data it describes) and the CSV loader. Every case either loads or fails with one
/// line that names the file; nothing traps (a trap would end the test process).
@Suite struct FuzzTests {
    static let presetsFolder = repositoryRoot.appendingPathComponent("presets")
    /// Mutations per preset (LOSSCAPE_FUZZ=N for a longer run).
    static let presetCases = Int(ProcessInfo.processInfo.environment["LOSSCAPE_FUZZ"] ?? "") ?? 250
    static let replacements = [
        "1e308", "-1e308", "nan", "inf", "-inf", "-1", "0", "99999999999", "\"text\"", "[1, 2]",
        "1e-320", "2147483648", "-0.0", "{}", "true", "3.5", "\"\"", "1_000",
    ]

    /// One random mutation of `text` (line-based or byte-based).
    static func mutate(_ text: String, _ rng: inout SeededRandom) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func pick() -> Int { Int(rng.next() % UInt64(max(lines.count, 1))) }
        switch rng.next() % 8 {
        case 0 where !lines.isEmpty: lines.remove(at: pick())
        case 1 where !lines.isEmpty: lines.insert(lines[pick()], at: pick())
        case 2 where lines.count > 1: lines.swapAt(pick(), pick())
        case 3:
            var bytes = Array(text.utf8)
            if !bytes.isEmpty { bytes[Int(rng.next() % UInt64(bytes.count))] ^= UInt8(1 << (rng.next() % 8)) }
            return String(decoding: bytes, as: UTF8.self)
        case 4:
            return String(text.prefix(Int(rng.next() % UInt64(text.count + 1))))
        case 5, 6:
            // a number (or a value after "=" / between commas) replaced
            guard !lines.isEmpty else { break }
            let i = pick()
            let replacement = replacements[Int(rng.next() % UInt64(replacements.count))]
            if let eq = lines[i].firstIndex(of: "=") {
                lines[i] = String(lines[i][...eq]) + " " + replacement
            } else if lines[i].contains(",") {
                var fields = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[Int(rng.next() % UInt64(fields.count))] = replacement.replacingOccurrences(of: "\"", with: "")
                lines[i] = fields.joined(separator: ",")
            }
        default:
            lines.insert(
                ["[data]", "[[compare]]", "[[events]]", "step = 3", "[loss]", "kind = \"csv\"", "x = ", "[model"][Int(rng.next() % 8)],
                at: pick())
        }
        return lines.joined(separator: "\n")
    }

    static func oneLine(_ error: Error, naming file: String) -> Bool {
        let text = "\(error)"
        return !text.isEmpty && !text.contains("\n") && (text.contains(file) || text.hasPrefix("--set"))
    }

    @Test func mutatedPresetsLoadOrFailWithOneLine() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.presetsFolder.path).filter { $0.hasSuffix(".toml") }.sorted()
        var rng = SeededRandom(seed: 2026, stream: "fuzz.presets")
        var loaded = 0, refused = 0
        for file in files {
            let original = try String(contentsOf: Self.presetsFolder.appendingPathComponent(file), encoding: .utf8)
            for _ in 0..<Self.presetCases {
                var text = original
                for _ in 0..<(1 + Int(rng.next() % 3)) { text = Self.mutate(text, &rng) }
                if ProcessInfo.processInfo.environment["LOSSCAPE_FUZZ_TRACE"] != nil {
                    try? text.write(toFile: "/tmp/fuzz-last.toml", atomically: false, encoding: .utf8)
                }
                do {
                    let session = try Preset.parse(text, file: file, baseDirectory: Self.presetsFolder.path)
                    // the data it describes (bounded, to keep the test short)
                    for run in session.runs where run.spec.data.samples <= 3000 {
                        do {
                            _ = try Trainer(spec: run.spec, baseDirectory: Self.presetsFolder.path)
                        } catch {
                            // the CLI reports it as PresetError(file:…) (PresetLookup.drivers; tested
                            // through the binary in PresetDataErrorTests)
                            #expect(Self.oneLine(PresetError(file: file, "\(error)"), naming: file), "\(file): \(error)")
                        }
                    }
                    loaded += 1
                } catch {
                    #expect(Self.oneLine(error, naming: file), "\(file): \(error)\n--- preset:\n\(text)")
                    refused += 1
                }
            }
        }
        #expect(loaded > 100 && refused > 100, "both kinds of outcome happen: \(loaded) loaded, \(refused) refused")
    }

    @Test func mutatedCSVFilesLoadOrFailWithOneLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("losscape-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let classification = try String(contentsOf: Self.presetsFolder.appendingPathComponent("data/two-clusters.csv"), encoding: .utf8)
        let regression = "x1,x2,y\n" + (0..<60).map { "\(Double($0) / 10),0,\(Double($0) / 20)" }.joined(separator: "\n") + "\n"
        var rng = SeededRandom(seed: 2026, stream: "fuzz.csv")
        var loaded = 0, refused = 0
        for (name, original) in [("c.csv", classification), ("r.csv", regression)] {
            for i in 0..<(Self.presetCases * 12 / 5) {
                var text = original
                for _ in 0..<(1 + Int(rng.next() % 3)) { text = Self.mutate(text, &rng) }
                let path = dir.appendingPathComponent("\(i)-\(name)")
                try text.write(to: path, atomically: true, encoding: .utf8)
                if ProcessInfo.processInfo.environment["LOSSCAPE_FUZZ_TRACE"] != nil {
                    try? text.write(toFile: "/tmp/fuzz-last.csv", atomically: false, encoding: .utf8)
                }
                var spec = DataSpec(kind: .csv)
                spec.path = path.path
                spec.testFraction = [0, 0.2, 0.5][i % 3]
                do {
                    _ = try DatasetFactory.make(spec, seed: 1, baseDirectory: nil)
                    loaded += 1
                } catch {
                    #expect(Self.oneLine(error, naming: path.path), "\(error)\n--- file:\n\(text.prefix(400))")
                    refused += 1
                }
            }
        }
        #expect(loaded > 50 && refused > 50, "both kinds of outcome happen: \(loaded) loaded, \(refused) refused")
    }
}
