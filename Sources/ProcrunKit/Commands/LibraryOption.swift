package import ArgumentParser

/// `--library DIR` (`-l DIR`), declared once for every command that works on a library.
package struct LibraryOption: ParsableArguments {
    /// The library folder; nil: ``Library/locate(override:)``'s rule.
    @Option(
        name: [.customShort("l"), .customLong("library")],
        help: ArgumentHelp("The library folder (default: PROCRUN_LIBRARY, else the nearest procrun.yaml or procedures/procrun.yaml up to the repository root).", valueName: "DIR"),
        completion: .directory)
    package var path: String?

    /// No `--library`: the nearest library.
    package init() {}
}
