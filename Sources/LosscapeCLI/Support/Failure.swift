import ArgumentParser
import Foundation

/// Prints `losscape: message` to stderr (one line) and exits with `code`.
func fail(_ message: String, code: Int32 = 1) -> ExitCode {
    FileHandle.standardError.write(Data("losscape: \(message)\n".utf8))
    return ExitCode(code)
}

/// Writes to stderr without a newline.
func stderrWrite(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

/// True when the file descriptor is a terminal.
func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

/// Refuses to start on an x86-64 CPU without AVX2/FMA (the numeric kernels are
/// compiled for them); one line instead of an illegal-instruction crash.
func checkCPU() throws {
    tuneAllocator()
    #if arch(x86_64) && os(Linux)
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
       let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) {
        let set = Set(flags.split(separator: " ").map(String.init))
        if !set.contains("avx2") || !set.contains("fma") {
            throw fail("this CPU lacks AVX2/FMA, which losscape's kernels need (x86-64-v3)")
        }
    }
    #endif
}
