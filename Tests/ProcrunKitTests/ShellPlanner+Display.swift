@testable import ProcrunSystem
@testable import ProcrunText

extension ShellPlanner {
    /// The dry-run text of parts placed one after another, as ``display(_:rendered:mask:)`` shows a
    /// template's: what the tests run through a real shell.
    static func display(_ parts: [RenderedPart]) throws(ShellPlanError) -> String {
        let scanner = scan(placedInOrder(parts)) { $0 }
        _ = try plan(scanner)
        return String(scanner.display)
    }

    /// The problems found before the run in the command template `command`, whose expressions
    /// `integer` says are integers and `list` says are lists.
    static func problems(
        _ command: String, integer: (Expression) -> Bool = { _ in true }, list: (Expression) -> Bool = { _ in false }
    ) throws -> [TemplateError] {
        try problems(in: Template(parsing: command), isInteger: integer, isList: list)
    }
}
