package import ArgumentParser
import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunText

/// `procrun show NAME|FILE`: a procedure's description, inputs, outputs and steps, and the tree of
/// the procedures it calls.
package struct ShowCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a procedure: inputs, outputs, steps with the commands they run, and its call tree."
    )

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The procedure's name in the library, or its file.
    @Argument(help: "A procedure's name in the library, or its file.", completion: .procedures)
    var procedure: String
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--json`: the procedure as ``ProcedureDescription`` describes it.
    @Flag(help: "Print JSON (see grammar.md, Interfaces for agents).")
    var json = false
    /// `--no-color`.
    @OptionGroup var color: ColorOption

    /// A command as the command line gives it (the procedure is required).
    package init() {}

    /// Shows; the result is 0, or 2 when the procedure or one it calls has problems.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        let graph: CallGraph
        let procedure: Procedure
        switch GraphCommand.load(self.procedure, library: library, color: color, stderr: stderr) {
        case .none: return CommandFailure.invalid().exitStatus
        case .some(let loaded): (graph, procedure) = loaded
        }
        if json {
            stdout.write(ProcedureDescription.json(of: procedure, graph: graph) + "\n")
            stdout.flush()
            return ExitStatus.success
        }
        var out = "\(procedure.name.value) (\(procedure.file.path))\n"
        if !procedure.description.isEmpty { out += "  \(procedure.description)\n" }
        if !procedure.tags.isEmpty { out += "  tags: \(procedure.tags.joined(separator: ", "))\n" }
        if !procedure.aliases.isEmpty { out += "  aliases: \(procedure.aliases.map(\.value).joined(separator: ", "))\n" }
        if procedure.isInternal { out += "  internal: runs only when another procedure calls it\n" }
        for line in Self.conditionLines(needs: procedure.needs, preconditions: procedure.preconditions, upToDate: procedure.upToDate) { out += "  \(line)\n" }
        if !procedure.inputs.isEmpty {
            out += "\ninputs:\n"
            let rows = procedure.inputs.map { input -> [String] in
                var facts: [String] = []
                if input.required { facts.append("required") }
                if let value = input.defaultValue { facts.append("default: \(input.secret ? "***" : (try? value.rendered()) ?? "")") }
                if let allowed = input.allowed { facts.append("one of: " + allowed.map { (try? $0.rendered()) ?? "" }.joined(separator: ", ")) }
                if let pattern = input.pattern { facts.append("matching: " + pattern.pattern) }
                if input.secret { facts.append("secret") }
                if input.rest { facts.append("takes the words after --") }
                return ["  " + input.name, input.kind.rawValue, facts.joined(separator: "; "), input.description]
            }
            out += ListCommand.table(rows)
        }
        if !procedure.outputs.isEmpty { out += "\noutputs: \(procedure.outputs.map(\.name).joined(separator: ", "))\n" }
        if !procedure.variables.isEmpty {
            out += "\nvars:\n" + ListCommand.table(procedure.variables.map { ["  " + $0.name.value, $0.kind, $0.text] })
        }
        out += "\nsteps:\n"
        // Each step's row, then the command it runs, as written.
        func list(_ listed: [Step]) {
            // A parallel group's steps right after it, indented.
            let steps = listed.flatMap { step -> [Step] in
                if case .parallel(let group) = step.call { return [step] + group.steps }
                return [step]
            }
            let table = ListCommand.table(
                steps.map { step in
                    var action = step.action.value
                    if case .procedure(let call) = step.call { action += " → " + (call.callee?.name ?? call.referenceText) }
                    return [(step.group == nil ? "  " : "    ") + "\(step.index + 1)", step.displayName, action, step.notes.isEmpty ? "" : "(\(step.notes))"]
                })
            for (step, row) in zip(steps, table.split(separator: "\n", omittingEmptySubsequences: false)) {
                out += row + "\n"
                for line in Self.conditionLines(needs: step.needs, preconditions: step.preconditions, upToDate: step.upToDate) { out += "      \(line)\n" }
                if let command = CommandPreview.text(of: step.call) {
                    for line in command.split(separator: "\n", omittingEmptySubsequences: false) { out += "      " + line + "\n" }
                }
            }
        }
        list(procedure.steps)
        if !procedure.finally.isEmpty {
            out += "\nfinally:\n"
            list(procedure.finally)
        }
        out += "\ncall tree:\n\(procedure.name.value)\n"
        let calls = CallTree(procedure, in: graph).calls
        out += calls.isEmpty ? "  (calls no procedure)\n" : tree(calls, indent: "")
        stdout.write(out)
        stdout.flush()
        return ExitStatus.success
    }

    /// The calls as tree lines, each callee's own calls under it.
    private func tree(_ calls: [CallTree.Call], indent: String) -> String {
        var out = ""
        for (position, call) in calls.enumerated() {
            let last = position == calls.count - 1
            let branch = indent + (last ? "└─ " : "├─ ")
            // A step's need says which step needs it.
            let name = call.step.isNeed && call.step.index >= 0 ? "step \(call.step.index + 1) needs" : call.step.displayName
            guard let callee = call.callee else {
                out += branch + "\(name) → \(call.reference) (resolved at run time)\n"
                continue
            }
            out += branch + "\(name) → \(callee.name.value) (\(callee.file.path))\n"
            out += tree(call.calls, indent: indent + (last ? "   " : "│  "))
        }
        return out
    }
}
