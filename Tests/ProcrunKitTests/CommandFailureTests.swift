@testable import ProcrunKit
@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// A command's exit status comes from how it ended, in one place, as grammar.md's "Exit codes" says.
@Suite("command failures")
struct CommandFailureTests {
    @Test("success is 0, invalid input 2, a failure 1, an interrupt 130 unless the first signal was SIGHUP")
    func exitStatuses() {
        #expect(CommandFailure.exitStatus(of: nil) == 0)
        #expect(CommandFailure.invalid().exitStatus == 2)
        #expect(CommandFailure.failed([Diagnostic(CommandProblem.verificationFailed(reason: "step 1 failed"))]).exitStatus == 1)
        if !Interrupts.wasHangUp { #expect(CommandFailure.interrupted.exitStatus == 130) }
    }

    @Test("a failure carries the problems to print; an interrupt none")
    func diagnostics() {
        let problem = Diagnostic(CommandProblem.descriptionRequired)
        #expect(CommandFailure.invalid([problem]).diagnostics == [problem])
        #expect(CommandFailure.interrupted.diagnostics.isEmpty)
        #expect(problem.id == .missingArgument)
        #expect(problem.message == "--description is required: say what the procedure does and when to use it")
    }
}
