import Foundation
import Platform
import Testing

/// Files through the C library: whole, or only their first bytes (a CSV's header without the rest).
@Suite struct SystemFileTests {
    @Test func readsWholeFilesOrTheirFirstBytes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("losscape-systemfile-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = "x1,x2,y\n" + String(repeating: "0.5,0.25,1\n", count: 20_000)  // 220 KB: several chunks
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let all = try SystemFile.read(path).get()
        #expect(all == Array(text.utf8))
        #expect(try SystemFile.read(path, upTo: 8).get() == Array("x1,x2,y\n".utf8))
        #expect(try SystemFile.read(path, upTo: 0).get().isEmpty)
        #expect(try SystemFile.read(path, upTo: 1 << 20).get().count == text.utf8.count)
        guard case .failure(let e) = SystemFile.read(path + ".missing") else {
            Issue.record("a missing file was read")
            return
        }
        #expect(e.opening && !e.reason.isEmpty)
    }
}
