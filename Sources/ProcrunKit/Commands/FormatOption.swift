import ArgumentParser

/// `--format NAME`: which of a command's output formats to print (the first is the default),
/// declared once for every command that offers several.
package struct FormatOption<Format: CaseIterable & RawRepresentable>: ParsableArguments where Format.RawValue == String {
    /// `--format`, as given (``validate()`` checks that it names a format).
    @Option(name: .customLong("format"), help: ArgumentHelp("\(Format.choices).", valueName: "FORMAT"), completion: .list(Format.allCases.map(\.rawValue)))
    var name = Format.allCases.first?.rawValue ?? ""

    /// No `--format`: the first format.
    package init() {}

    /// Refuses a name that is no format.
    package func validate() throws {
        guard Format(rawValue: name) != nil else {
            throw ValidationError("--format must be \(Format.choices), found '\(name)'")
        }
    }

    /// The format named (the first when the name is none, which ``validate()`` refuses).
    var value: Format {
        Format(rawValue: name) ?? Format.allCases.first!
    }
}
