package import ProcrunText

/// One entry of a procedure's or a step's `precondition:`: a condition on the world the
/// procedure (or step) starts in, checked before it runs. An unmet one fails it with its message.
package struct Precondition: Sendable {
    /// What is tested.
    package enum Test: Sendable {
        /// A bare expression (`that:`), evaluated as a `when` is; it must give true.
        case that(Condition)
        /// A command line (`sh:`), run as a `shell` step's command; it must exit with 0.
        case command(CommandCall)
    }

    /// What is tested.
    package var test: Test
    /// The message an unmet precondition is reported with (`message:`, a template); without one,
    /// the expression or command as written is.
    package var message: TemplateField?
    /// Where the entry is written: an unmet precondition is reported there.
    package var location: SourceLocation
    /// The expression or command as written.
    package var text: String

    /// `that` or `sh`, as `procrun show` names what it tests.
    package var kind: String {
        if case .command = test { return "sh" }
        return "that"
    }

    /// The entry as a dry run and `procrun show` write it: `that EXPRESSION` or `sh COMMAND`.
    package var shown: String { kind + " " + text }

    /// The command's line, for an `sh:` entry.
    package var commandLine: TemplateField? {
        guard case .command(let call) = test, case .line(let line) = call.command else { return nil }
        return line
    }

    /// Every template it holds (its command's, its message), for checking and for finding the
    /// variables it reads.
    package var templates: [TemplateField] {
        var fields = message.map { [$0] } ?? []
        if case .command(let call) = test { fields += call.templates }
        return fields
    }

    /// Every expression it reads: its condition's, and those of its templates.
    package var expressions: [Expression] {
        var all = templates.flatMap(\.template.expressions)
        if case .that(let condition) = test { all.append(condition.expression) }
        return all
    }
}
