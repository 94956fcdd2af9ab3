@testable import ProcrunMemory
import ProcrunRuntime
import Testing

/// ``ProcedureDraft/hoistWorkingFolder()``: the folder the `shell` steps share, written once.
@Suite("a recording's working folder")
struct ProcedureDraftWorkingFolderTests {
    /// A `shell` step (or `action`) with `cwd` as plain text, or none.
    func step(_ cwd: String?, action: String = "shell") -> DraftStep {
        var step = DraftStep(action: action)
        step.parameters = [("command", .text([.text("make")]))]
        if let cwd { step.parameters.append(("cwd", .text([.text(cwd)]))) }
        return step
    }

    /// The procedure's `cwd` and each step's, after hoisting (`-` for none).
    func hoisted(_ steps: [DraftStep]) -> [String] {
        var draft = ProcedureDraft(name: "p", description: "d", steps: steps)
        draft.hoistWorkingFolder()
        let folders = draft.steps.map { step -> String in
            guard let value = step.parameters.first(where: { $0.name == "cwd" })?.value else { return "-" }
            guard case .text(let parts) = value else { return "?" }
            return RedactedPart.template(of: parts)
        }
        return [draft.workingDirectory ?? "-"] + folders
    }

    @Test("a folder every shell step shares is the procedure's cwd, and no step keeps it")
    func allShare() {
        #expect(hoisted([step(".."), step(".."), step("..")]) == ["..", "-", "-", "-"])
    }

    @Test("the folder most share is hoisted; others keep theirs, and a step at the root gets cwd: .")
    func mostShare() {
        #expect(hoisted([step("web"), step(nil), step("web"), step("api")]) == ["web", "-", ".", "-", "api"])
    }

    @Test("nothing is hoisted when as many ran at the root; of folders equally shared, the first")
    func ties() {
        #expect(hoisted([step("web"), step(nil), step("api")]) == ["-", "web", "-", "api"])
        #expect(hoisted([step("web"), step("api"), step("api"), step("web")]) == ["web", "-", "api", "api", "-"])
    }

    @Test("other actions are left alone, and a cwd that reads an input is always a step's own")
    func onlyPlainShell() {
        var templated = step(nil)
        templated.parameters.append(("cwd", .text([.text("build-"), .input("target")])))
        #expect(hoisted([step("dist", action: "build_image"), step("dist"), templated]) == ["dist", "dist", "-", "build-{{ inputs.target }}"])
    }
}
