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
}
