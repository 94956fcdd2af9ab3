package import ProcrunText

/// A variable `vars:` declares, in `procrun.yaml` (the library's) or at a procedure's top level:
/// read as `vars.NAME` in every template and `when` of the procedures that see it.
package struct Variable: Sendable {
    /// How the value is given.
    package enum Definition: Sendable {
        /// A string, number or boolean; a string is a template, rendered once when first read.
        case constant(SetValue)
        /// `{sh: COMMAND}`: a command line whose standard output (without trailing line endings)
        /// is the value, run once per run at the first read.
        case command(CommandCall)
    }

    /// The name, where its key is written.
    package var name: Located<String>
    /// Its value or command.
    package var definition: Definition
    /// The value or the command as written (`procrun show --json`).
    package var text: String
    /// Whether `procrun.yaml` declares it (the library's), rather than a procedure.
    package var isLibrary: Bool

    /// The line of a `{sh: ...}` variable, nil for a constant.
    package var commandLine: TemplateField? {
        guard case .command(let call) = definition, case .line(let line) = call.command else { return nil }
        return line
    }

    /// What it is, as `procrun show` names it: `constant` or `sh`.
    package var kind: String { commandLine == nil ? "constant" : "sh" }

    /// Every template it holds (a constant's, a command's line), for checking and for finding
    /// the variables it reads.
    package var templates: [TemplateField] {
        switch definition {
        case .constant(.typed): []
        case .constant(.template(let field)): [field]
        case .command(let call): call.templates
        }
    }

    /// What the checker knows of its value before the run: a typed constant's type, a template's
    /// type in `scope`, text for a command's output.
    func shape(in scope: NameShape) -> NameShape {
        switch definition {
        case .constant(.typed(let value)): .value(ProcedureChecker.type(of: value))
        case .constant(.template(let field)): .value(ProcedureChecker.type(of: field, in: scope))
        case .command: .value(.string)
        }
    }
}
