import ArgumentParser

/// `--no-color`, declared once for every command that may colour what it prints.
struct ColorOption: ParsableArguments {
    @Flag(help: "No colour, even on a terminal (as when NO_COLOR is set).")
    var noColor = false
}
