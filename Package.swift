// swift-tools-version: 6.1
import PackageDescription

/// Code generation for the numeric targets. The hot kernels (matmul, tanh, the
/// landscape grid) are written with SIMD8<Float>; on x86-64 they are compiled
/// for AVX2 + FMA (every x86-64 server since 2013). losscape builds on Linux only
/// (Sources/Platform is the one file to port). `losscape` checks the CPU at
/// start-up and refuses, with one line, a machine without them. `-O` also in
/// debug builds keeps `swift test` fast (see DECISIONS.md).
var numericFlags: [SwiftSetting] = [.unsafeFlags(["-O"])]
#if arch(x86_64)
numericFlags = [.unsafeFlags(["-O", "-target-cpu", "haswell"])]
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
        // Tensor storage, kernels and the reverse-mode tape. Knows nothing else.
        .target(name: "TensorCore", dependencies: ["Platform"], swiftSettings: numericFlags),
        // Models, losses, optimizers, datasets, landscape maths; pure Swift on TensorCore.
        .target(name: "Learning", dependencies: ["TensorCore", "Platform"], swiftSettings: numericFlags),
        // Presets, the trainer on its queue, snapshots, run folders, bench.
        .target(name: "Engine", dependencies: ["Learning"]),
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
        .testTarget(name: "TensorCoreTests", dependencies: ["TensorCore", "TestSupport"], swiftSettings: numericFlags),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EngineTests", dependencies: ["Engine"], resources: [.copy("Presets")]),
        .testTarget(name: "RenderTests", dependencies: ["Render"]),
        .testTarget(name: "TUITests", dependencies: ["TUI"], resources: [.copy("Golden")]),
        .testTarget(name: "CLITests", dependencies: ["LosscapeCLI"]),
    ]
)
