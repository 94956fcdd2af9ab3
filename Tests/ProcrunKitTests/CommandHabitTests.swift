import ProcrunKit
import Testing

/// "Did you mean" for a first word that is no command: other tools' names first, then near names.
@Suite("command habits")
struct CommandHabitTests {
    static let commands = ["run", "check", "list", "show", "new", "find", "stats"]

    @Test("another tool's name suggests procrun's command, whatever its case")
    func habits() {
        #expect(CommandHabit.suggestion(for: "init", in: Self.commands) == "new")
        #expect(CommandHabit.suggestion(for: "LS", in: Self.commands) == "list")
        #expect(CommandHabit.suggestion(for: "exec", in: Self.commands) == "run")
        #expect(CommandHabit.suggestion(for: "version", in: Self.commands) == "--version")
    }

    @Test("a misspelt command suggests the nearest; a word near none suggests nothing")
    func nearNames() {
        #expect(CommandHabit.suggestion(for: "lsit", in: Self.commands) == "list")
        #expect(CommandHabit.suggestion(for: "deploy_backend", in: Self.commands) == nil)
    }
}
