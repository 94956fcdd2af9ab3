package import ArgumentParser

/// `--library DIR` (`-l DIR`), declared once for every command that works on a library.
package struct LibraryOption: ParsableArguments {
    /// The library folder; nil: the nearest folder holding `procrun.yaml`.
    @Option(
        name: [.customShort("l"), .customLong("library")],
        help: ArgumentHelp("The library folder (default: the nearest folder holding procrun.yaml).", valueName: "DIR"),
        completion: .directory)
    package var path: String?

    /// No `--library`: the nearest library.
    package init() {}
}
