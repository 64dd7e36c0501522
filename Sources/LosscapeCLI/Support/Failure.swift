import ArgumentParser
import Foundation
import Platform
import TensorCore

/// Prints `losscape: message` to stderr (one line) and exits with `code`.
func fail(_ message: String, code: Int32 = 1) -> ExitCode {
    FileHandle.standardError.write(Data("losscape: \(message)\n".utf8))
    return ExitCode(code)
}

/// Writes to stderr without a newline.
func stderrWrite(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

/// True when the file descriptor is a terminal.
func isTerminal(_ fd: Int32) -> Bool { SystemProcess.isTerminal(fd) }

/// Prepares the process (the allocator) and refuses to start on an x86-64 CPU without
/// AVX2/FMA (the numeric kernels are compiled for them): one line instead of an
/// illegal-instruction crash.
func checkCPU() throws {
    SystemProcess.tuneAllocator()
    if !CPU.flags.isEmpty && !CPU.hasAVX2FMA {
        throw fail("this CPU lacks AVX2/FMA, which losscape's kernels need (x86-64-v3)")
    }
    do {
        _ = try KernelISA.select(requested: SystemProcess.environment("LOSSCAPE_ISA"))
    } catch {
        throw fail(error.description)
    }
}
