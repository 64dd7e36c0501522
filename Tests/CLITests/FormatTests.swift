import Foundation
import Testing

/// The `swift` driver on PATH, if any.
let swiftExecutable: URL? = {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let u = URL(fileURLWithPath: String(dir)).appendingPathComponent("swift")
        if FileManager.default.isExecutableFile(atPath: u.path) { return u }
    }
    return nil
}()

/// The code follows .swift-format (`swift format lint --strict`), so formatting never drifts.
@Suite(.enabled(if: swiftExecutable != nil, "swift format is not available"))
struct FormatTests {
    static let swiftFormat = swiftExecutable
    @Test func sourcesAndTestsFollowTheFormat() throws {
        let p = Process()
        p.executableURL = Self.swiftFormat
        p.arguments = ["format", "lint", "--strict", "-r", "Sources", "Tests"]
        p.currentDirectoryURL = BinaryRunner.repositoryRoot
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "run `swift format format -i -r Sources Tests`:\n\(text.prefix(2000))")
    }
}
