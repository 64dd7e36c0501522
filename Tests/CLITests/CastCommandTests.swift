import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `losscape cast` and `snapshot --svg`: recordings and pictures people can share.
@Suite struct CastCommandTests {
    @Test func castHasItsHeaderFramesAndTheSnapshotAsLastFrame() throws {
        let dir = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cast = dir.appendingPathComponent("a.cast")
        let r = try BinaryRunner.run([
            "cast", "presets/xor.toml", "--steps", "100", "--every", "30", "--fps", "4",
            "--size", "80x24", "--out", cast.path,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try String(contentsOf: cast, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines[0] == "{\"version\": 2, \"width\": 80, \"height\": 24, \"title\": \"losscape xor\"}")
        #expect(lines.count == 1 + 5, "frames at steps 0, 30, 60, 90 and 100")
        var times: [Double] = []
        var last = ""
        for l in lines.dropFirst() {
            let e = try #require(try JSONSerialization.jsonObject(with: Data(l.utf8)) as? [Any])
            times.append((e[0] as! NSNumber).doubleValue)
            #expect(e[1] as? String == "o")
            last = e[2] as! String
            #expect(last.contains("\u{1B}[H") && !last.hasSuffix("\n"), "redrawn from home, no scrolling newline")
        }
        #expect(times == [0, 0.25, 0.5, 0.75, 1])
        let snapshot = try BinaryRunner.run(["snapshot", "presets/xor.toml", "--steps", "100", "--size", "80x24", "--ansi"])
        #expect(String(last.dropFirst(3)).replacingOccurrences(of: "\r\n", with: "\n") + "\n" == snapshot.stdout)
        // never over an existing file
        let again = try BinaryRunner.run(["cast", "presets/xor.toml", "--steps", "10", "--out", cast.path])
        #expect(again.status != 0 && again.stderr.contains("exists"))
    }

    @Test func snapshotWritesAnSVG() throws {
        let dir = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("s.svg")
        let r = try BinaryRunner.run(["snapshot", "presets/default.toml", "--steps", "50", "--svg", svg.path])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"800\""))
        #expect(text.contains("<circle") && text.contains("<text") && text.hasSuffix("</svg>\n"))
        let xml = XMLDocumentCheck.wellFormed(text)
        #expect(xml, "the SVG parses as XML")
    }

    @Test func snapshotRefusesSizesBelowTheMinimum() throws {
        let r = try BinaryRunner.run(["snapshot", "presets/default.toml", "--steps", "1", "--size", "59x20"])
        #expect(r.status == 1)
        #expect(r.stderr == "losscape: --size: 59x20 is below the playground's minimum of 60x20\n")
    }
}

/// XML well-formedness with Foundation's parser.
enum XMLDocumentCheck {
    static func wellFormed(_ text: String) -> Bool {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse()
    }
}
