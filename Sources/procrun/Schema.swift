import ArgumentParser
import ProcrunKit

/// `procrun schema [procedure|library|show]`.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of procedure files (procedure, the default), of procrun.yaml (library) or of show --json (show).",
        discussion: "For editors: see README, Editors and CI. For agents: grammar.md, Interfaces for agents.")

    @Argument(help: ArgumentHelp("\(JSONSchema.choices).", valueName: "KIND"), completion: .list(JSONSchema.allCases.map(\.rawValue)))
    var kind = JSONSchema.procedure.rawValue

    func validate() throws {
        guard JSONSchema(rawValue: kind) != nil else {
            throw ValidationError("expected \(JSONSchema.choices), found '\(kind)'")
        }
    }

    func run() throws {
        TextOutput.standardOutput.write((JSONSchema(rawValue: kind) ?? .procedure).text)
        TextOutput.standardOutput.flush()
    }
}
