package import ProcrunText

/// A built-in action: one type per action, in one file, whose value is one step's call compiled
/// from its parameters. The type declares the action once (``declaration``), compiles a step's
/// parameters, adds the checks only it knows, says what `procrun show` and a dry run print and
/// what its result must be by default, and performs it. ``BuiltinActions`` lists them.
///
/// Adding an action is a new type and a line in ``BuiltinActions/performed``; the loader, the
/// checker, the interpreter, the JSON Schema, `procrun show`, dry runs and the MCP tools'
/// descriptions read it through this protocol. An action that only computes conforms to
/// ``ComputingAction``, which says for it what a dry run, `procrun show` and expectations do.
///
/// The types are final classes: a step holds its action as a reference, copied by a retain.
package protocol BuiltinAction: AnyObject, Sendable {
    /// The action's name, what it does and its parameters.
    static var declaration: ActionDeclaration { get }
    /// Whether performing it changes something outside procrun: a dry run describes such a step
    /// instead of performing it, and later steps read placeholders for its output.
    static var hasEffects: Bool { get }

    /// Compiles a step's parameters, whose names were checked against the declaration; reports
    /// each problem to `reader` at its position. Nil when there was one.
    init?(compiling parameters: borrowing ActionCompiler, reader: inout NodeReader)
    /// ``init(compiling:reader:)``'s call, made where it is boxed as an action: what the loader
    /// calls (the default, made for each action, is the only one needed).
    static func compiled(_ parameters: borrowing ActionCompiler, reader: inout NodeReader) -> (any BuiltinAction)?

    /// Appends every template the call holds to `fields`: the checker checks their names and
    /// filters against what exists when the step runs.
    func collectTemplates(into fields: inout [TemplateField])
    /// The conditions the call holds, checked as conditions before the run (`assert`'s).
    var conditions: [Condition] { get }
    /// The problems before the run that only this action knows of (a command's shell safety);
    /// `scope` is what the step's templates can read, `inherited` what every command inherits.
    func check(in scope: NameShape, file: SourceFile, inherited: [String: EnvironmentSetting]) -> [Diagnostic]
    /// The problems before the run with the paths the call names literally (one the action would
    /// refuse to write): relative paths start at `directory`, the procedure file's folder, and
    /// the library is the folder `root` (both as given).
    func checkPaths(from directory: String, library root: String, file: SourceFile) -> [Diagnostic]
    /// The variables the step sets for later steps, with what is known of them before the run.
    func assignedVariables(in scope: NameShape) -> [(name: String, shape: NameShape)]

    /// What `procrun show` prints under the step (the command it runs, as written), or nil.
    var preview: String? { get }
    /// The step in a dry run: what it would do, its templates rendered, in `result.outcome`; an
    /// action that only computes (`log`, `set`) is performed.
    func dryRun(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure)
    /// Why a result that `perform` returned fails the step's expectations about the result's
    /// exit code or status, `expect`'s or the action's own default (a command's exit code 0, an
    /// HTTP status from 200 to 299); nil when it does not, or the action has no such expectation.
    func expectationFailure(of result: ActionResult, _ expect: Expectation) -> StepFailure?
    /// Performs the action, filling `result`; throws why the step failed.
    func perform(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure)
}

extension BuiltinAction {
    package static func compiled(_ parameters: borrowing ActionCompiler, reader: inout NodeReader) -> (any BuiltinAction)? {
        Self(compiling: parameters, reader: &reader)
    }

    /// No conditions.
    package var conditions: [Condition] { [] }

    /// Nothing beyond the templates' names and filters.
    func check(in scope: NameShape, file: SourceFile, inherited: [String: EnvironmentSetting]) -> [Diagnostic] { [] }

    /// No paths to check.
    package func checkPaths(from directory: String, library root: String, file: SourceFile) -> [Diagnostic] { [] }

    /// No variables.
    package func assignedVariables(in scope: NameShape) -> [(name: String, shape: NameShape)] { [] }
}
