import ArgumentParser
import Engine
import Foundation
import Platform
import TensorCore

/// `losscape bench`: throughput of the standard workloads (build with -c release).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the standard speed workloads (use a release build).",
        discussion: "Compare with PyTorch in the same run: python3 bench/pytorch_reference.py")

    @Flag(help: "One JSON object per line instead of a table.")
    var json = false

    @Option(help: "Comma-separated workloads (default: all of \(Benchmarks.names.joined(separator: ", "))).")
    var workloads: String?

    @Option(help: "Timed repeats per workload (the median is reported).")
    var repeats: Int = 25

    @Option(help: "How training workloads compute gradients: fused (the default) or tape (the reference path).")
    var gradient: String = "fused"

    func run() throws {
        try checkCPU()
        let names = workloads.map { $0.split(separator: ",").map(String.init) } ?? Benchmarks.names
        let results: [Benchmarks.Result]
        guard gradient == "fused" || gradient == "tape" else { throw fail("--gradient: expected fused or tape, got \(gradient)") }
        do {
            results = try Benchmarks.run(names, repeats: max(repeats, 1), gradientPath: gradient == "tape" ? .tape : .fused)
        } catch { throw fail("\(error)") }
        #if DEBUG
            if !json { print("note: this is a debug build; measure with `swift run -c release losscape bench`") }
        #endif
        if json {
            for r in results { print(r.json) }
        } else {
            print("CPU: \(CPU.model); kernels: \(KernelISA.active.reportedName)")
            print(pad("workload", 14) + pad("steps/s", 12) + pad("median", 14) + "threads")
            for r in results {
                let rate = r.isTraining ? String(Int(r.stepsPerSecond.rounded())) : "–"
                let med = r.isTraining ? String(format: "%.1f µs", r.medianMicroseconds) : String(format: "%.3f ms", r.milliseconds)
                print(pad(r.workload, 14) + pad(rate, 12) + pad(med, 14) + "\(r.threads)")
            }
        }
    }
}
