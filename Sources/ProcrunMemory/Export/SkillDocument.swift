import ProcrunLanguage
import ProcrunRuntime
import ProcrunText

/// The `SKILL.md` of one procedure: YAML front matter (`name`, `description`) and a body telling
/// an agent when to use the procedure, how to run it with procrun, what inputs it takes, what each
/// step runs and how it has done so far. Nothing in it depends on where the library lies: a skill
/// travels with the repository (runs go through `procrun run NAME`, which finds the library).
struct SkillDocument {
    /// The procedure described.
    var procedure: Procedure
    /// The skill's name (its folder's name).
    var skillName: String
    /// The library's root, absolute: how the procedure's path inside it is found.
    var libraryRoot: String
    /// The name of the procedure's copy beside `SKILL.md`.
    var copyName: String
    /// The procedure's recorded runs.
    var stats: ProcedureStats

    /// The line that marks a skill folder as procrun's, so that a later export may remove it.
    static let marker = "<!-- written by procrun export --skills; edit the procedure, not this file -->"

    /// The Agent Skills format caps descriptions at 1024 characters.
    static let descriptionLimit = 1024

    /// The front matter's description: what the procedure does, then when to use it.
    var description: String {
        var text = procedure.description.split(separator: "\n").map { String($0).trimmingSpaces() }.joined(separator: " ")
        if text.isEmpty { text = "Runs the procrun procedure '\(procedure.name.value)'." }
        if !text.hasSuffix(".") { text += "." }
        let words = procedure.name.value.split { $0 == "_" || $0 == "-" }.joined(separator: " ")
        text += " Use it when you need to \(words)"
        if !procedure.tags.isEmpty { text += " (\(procedure.tags.joined(separator: ", ")))" }
        text += ", instead of running the steps by hand: procrun checks the procedure, runs it and learns from every run."
        return text.count > Self.descriptionLimit ? String(text.prefix(Self.descriptionLimit - 1)) + "…" : text
    }

    /// The whole file.
    var markdown: String {
        var out = "---\nname: \(skillName)\ndescription: \(Value.string(description).jsonText)\n---\n\n\(Self.marker)\n\n"
        out += "# \(procedure.name.value)\n\n"
        if !procedure.description.isEmpty { out += procedure.description.trimmingSpaces() + "\n\n" }
        out += "## How to run it\n\n"
        out += "Run it with procrun from any folder of the repository that holds the library (elsewhere, add `--library DIR`); `--json` prints a machine-readable report:\n\n"
        out += "```sh\nprocrun run \(ShellQuote.word(procedure.name.value))\(example) --json\n```\n\n"
        out += "The run is checked before anything starts, and its outcome is recorded in the procedure's `stats` block. "
        out += "Exit status 0 means every step succeeded, 1 that a step failed (the report says which and why), 2 that the inputs or the file are invalid.\n\n"
        out += "Its record: \(record).\n\n"
        out += "## Inputs\n\n"
        if procedure.inputs.isEmpty {
            out += "None.\n\n"
        } else {
            out += "| name | type | required | default | description |\n| --- | --- | --- | --- | --- |\n"
            for input in procedure.inputs {
                var fallback = input.defaultValue.map { input.secret ? "***" : ((try? $0.rendered()) ?? "") } ?? ""
                if let allowed = input.allowed { fallback += (fallback.isEmpty ? "" : "; ") + "one of " + allowed.map { (try? $0.rendered()) ?? "" }.joined(separator: ", ") }
                if let pattern = input.pattern { fallback += (fallback.isEmpty ? "" : "; ") + "matching " + pattern.pattern }
                let cells = [input.name, input.kind.rawValue + (input.secret ? " (secret)" : ""), input.required ? "yes" : "no", fallback, input.description]
                out += "| " + cells.map { $0.replacingOccurrences("|", with: "\\|").replacingOccurrences("\n", with: " ") }.joined(separator: " | ") + " |\n"
            }
            out += "\nPass each as `--set NAME=VALUE`.\n\n"
        }
        if !procedure.outputs.isEmpty {
            out += "## Outputs\n\nThe report's `outputs` holds: \(procedure.outputs.map { "`\($0.name)`" }.joined(separator: ", ")).\n\n"
        }
        out += "## Steps\n\n"
        // A parallel group's steps nested under it; `finally` steps said to run whatever happened;
        // under each step, what it runs, as `procrun show` prints it.
        for step in procedure.allSteps {
            var line = "\(step.index + 1). `\(step.action.value)`" + (step.id.map { " (\($0.value))" } ?? "")
            if case .procedure(let call) = step.call { line += ", which runs the procedure `\(call.callee?.name ?? call.referenceText)`" }
            if case .parallel = step.call { line += ", its steps side by side" }
            if step.isFinally && step.group == nil { line += " (finally: runs whatever happened)" }
            if !step.notes.isEmpty { line += ": \(step.notes)" }
            let indent = step.group == nil ? "" : "    "
            out += indent + line + "\n"
            if let command = CommandPreview.text(of: step.call) {
                out += indent + "    ```sh\n" + command.split(separator: "\n", omittingEmptySubsequences: false).map { indent + "    " + $0 + "\n" }.joined() + indent + "    ```\n"
            }
        }
        out += "\nThe procedure itself is [\(copyName)](\(copyName)), a copy of `\(relativePath)` in the library, without its stats block; edit the original, then run `procrun export --skills` again.\n"
        return out
    }

    /// One line of the procedure's record, in place of its stats block: runs, successes, the
    /// average duration and the last run (UTC), or that it has not run yet.
    var record: String {
        let runs = stats.executionCount
        guard runs > 0 else { return "not run yet" }
        var text = "\(runs) run\(runs == 1 ? "" : "s"), \(StatsRow.percent(stats.successRateThousandths)) succeeded"
        text += ", average \(DurationText.format(milliseconds: stats.averageDurationMilliseconds))"
        if let last = stats.lastExecuted { text += ", last on \(last)" }
        return text
    }

    /// The procedure's path below the library root.
    private var relativePath: String {
        let path = FileSystem.absolute(procedure.file.path)
        return path.hasPrefix(libraryRoot + "/") ? String(path.dropFirst(libraryRoot.count + 1)) : path
    }

    /// `--set` arguments for the required inputs, with placeholders.
    private var example: String {
        procedure.inputs.filter(\.required).map { " --set \($0.name)=\($0.name.uppercased())" }.joined()
    }
}
