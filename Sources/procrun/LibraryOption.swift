import ArgumentParser

/// `--library DIR` (`-l DIR`), declared once for every command that works on a library.
struct LibraryOption: ParsableArguments {
    @Option(
        name: [.customShort("l"), .long], help: ArgumentHelp("The library folder (default: the nearest folder holding procrun.yaml).", valueName: "DIR"),
        completion: .directory)
    var library: String?
}
