// swift-tools-version: 6.1
import PackageDescription

/// Code generation for the numeric targets. The hot kernels (matmul, tanh, the
/// landscape grid) are written with SIMD8<Float>; on x86-64 they are compiled
/// for AVX2 + FMA (every x86-64 server since 2013). losscape builds on Linux only
/// (Sources/Platform is the one file to port). `losscape` checks the CPU at
/// start-up and refuses, with one line, a machine without them. `-O` also in
/// debug builds keeps `swift test` fast (see DECISIONS.md).
var numericFlags: [SwiftSetting] = [.unsafeFlags(["-O"])]
/// The wide kernels (Sources/Kernels/Lanes16): the same source as the AVX2 ones with vectors of
/// sixteen floats, compiled for AVX-512 (Skylake-SP's subsets) and selected at start-up from the
/// CPU's flags (or LOSSCAPE_ISA).
var wideFlags = numericFlags
#if arch(x86_64)
numericFlags = [.unsafeFlags(["-O", "-target-cpu", "haswell"])]
wideFlags = [.unsafeFlags(["-O", "-target-cpu", "skylake-avx512"])]
#endif

let package = Package(
    name: "losscape",
    products: [
        .executable(name: "losscape", targets: ["losscape"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The one place that calls the operating system's C library (libm, files, the allocator, the CPU).
        .target(name: "Platform"),
        // The vector kernels (matmul, activations, column sums), one source in Sources/Kernels/Shared
        // built for eight lanes (AVX2, the baseline), sixteen (AVX-512), and sixteen on AVX2 (tests).
        .target(name: "Kernels8", path: "Sources/Kernels/Lanes8", swiftSettings: numericFlags),
        .target(name: "Kernels16", path: "Sources/Kernels/Lanes16", swiftSettings: wideFlags),
        .target(name: "Kernels16OnAVX2", path: "Sources/Kernels/Lanes16OnAVX2", swiftSettings: numericFlags),
        // Tensor storage, ops and the reverse-mode tape; picks the kernels' width at start-up.
        .target(name: "TensorCore", dependencies: ["Platform", "Kernels8", "Kernels16"], swiftSettings: numericFlags),
        // Models, losses, optimizers, datasets, landscape maths; pure Swift on TensorCore.
        .target(name: "Learning", dependencies: ["TensorCore", "Platform"], swiftSettings: numericFlags),
        // Presets, the trainer on its queue, snapshots, run folders, bench.
        .target(name: "Engine", dependencies: ["Learning", "Platform"]),
        // Off-screen frames of cells, widgets, text/ANSI export. No curses.
        .target(name: "Render", dependencies: ["Platform"]),
        // The playground's state, update logic and views, rendered into Frames. No curses.
        .target(name: "TUI", dependencies: ["Engine", "Render"]),
        // The one place that calls ncursesw.
        .target(name: "CNcurses", linkerSettings: [.linkedLibrary("ncursesw")]),
        // Subcommands (swift-argument-parser) and the curses terminal loop.
        .target(
            name: "LosscapeCLI",
            dependencies: [
                "TUI", "Engine", "CNcurses", "Platform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "losscape", dependencies: ["LosscapeCLI"]),

        // Helpers shared by the test targets (finite-difference gradient checks).
        .target(name: "TestSupport", dependencies: ["TensorCore"], path: "Tests/TestSupport"),
        .testTarget(
            name: "TensorCoreTests", dependencies: ["TensorCore", "TestSupport", "Platform", "Kernels8", "Kernels16", "Kernels16OnAVX2"],
            swiftSettings: numericFlags),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EngineTests", dependencies: ["Engine"], resources: [.copy("Presets")]),
        .testTarget(name: "RenderTests", dependencies: ["Render"]),
        .testTarget(name: "TUITests", dependencies: ["TUI"], resources: [.copy("Golden")]),
        .testTarget(name: "CLITests", dependencies: ["LosscapeCLI"]),
    ]
)
