import ArgumentParser
import ProcrunRuntime

/// `--no-color`, declared once for every command that may colour what it prints.
package struct ColorOption: ParsableArguments {
    /// `--no-color`: no colour, even on a terminal.
    @Flag(help: "No colour, even on a terminal (as when NO_COLOR is set).")
    var noColor = false

    /// No `--no-color`: colour where the output wants it.
    package init() {}

    /// Whether what goes to `output` is coloured: when it wants colour (a terminal, no `NO_COLOR`)
    /// and `--no-color` was not given.
    func isOn(for output: TextOutput) -> Bool {
        !noColor && output.wantsColor
    }
}
