import ArgumentParser

/// The `losscape` command: a terminal playground for loss functions.
public struct Losscape: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "losscape",
        abstract: "A terminal playground for loss functions: pick a loss, a dataset and an optimizer; watch it learn.",
        discussion: """
            With no subcommand, opens the interactive playground on PRESET (default: the default preset).
            Presets are TOML files; a bare name is looked up in ./presets and the presets folder of the install.
            """,
        version: "0.1.0",
        subcommands: [
            Play.self, Run.self, Sweep.self, Analyze.self, Snapshot.self, Cast.self, Landscape.self, ListCommand.self, InspectCommand.self,
            Bench.self, BackendTestCommand.self,
        ],
        defaultSubcommand: Play.self)

    public init() {}
}
