import ProcrunLanguage
package import ProcrunText

extension Optimizer {
    /// What ``optimize(path:library:write:removeFailing:)`` found and did.
    package struct Outcome: Sendable {
        /// The file as it was read.
        package var document: StatsDocument
        /// The change.
        package var plan: Plan
        /// Whether the change was written.
        package var written: Bool
    }

    /// Plans the optimization of the procedure file at `path` and, with `write`, applies it: under
    /// the file's lock (the plan is made from the file as read under it), replacing it atomically.
    /// The changed procedure must still load and check in its library (`library` overrides the one
    /// found from `path`), or nothing is written. The command line and ``ProceduralMemory`` both
    /// come here.
    package static func optimize(path: String, library: String? = nil, write: Bool, removeFailing: Bool = false) throws(Diagnostic) -> Outcome {
        try StatsLearner.update(path, locking: write) { file throws(Diagnostic) in
            let document = try StatsDocument(file: file)
            let plan = try Optimizer(document: document, removeFailing: removeFailing).plan()
            guard plan.changes else { return (nil, Outcome(document: document, plan: plan, written: false)) }
            do throws(DiagnosticsError) {
                let found = try Library.discover(forProcedureAt: path, override: library)
                _ = try ProcedureLoader(library: found).load(SourceFile(path: path, bytes: plan.bytes))
            } catch {
                let first = error.diagnostics.first?.message ?? "it does not check"
                throw Diagnostic(LearningProblem.optimizedInvalid(first: first), path: path)
            }
            return (write ? plan.bytes : nil, Outcome(document: document, plan: plan, written: write))
        }
    }
}
