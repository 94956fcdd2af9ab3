import ProcrunRuntime
import ProcrunText

/// Writes a ``ProcedureDraft`` as YAML text in the style a person would write: the header keys,
/// secret inputs, block-style steps with their ids, parameters and expectations, then `stats`.
///
/// Every string is quoted when YAML might misread it, and every `{{` in recorded text is escaped,
/// so that what was recorded is never read back as a template.
package enum ProcedureWriter {
    /// The YAML text of `draft`.
    package static func text(_ draft: ProcedureDraft, comment: String? = nil) -> String {
        var out = ""
        if let comment {
            for line in comment.split(separator: "\n", omittingEmptySubsequences: false) { out += "# \(line)\n" }
        }
        out += "name: \(YAMLQuoting.scalar(draft.name))\n"
        out += "description: \(YAMLQuoting.scalar(draft.description))\n"
        if !draft.tags.isEmpty {
            out += "tags: [" + draft.tags.map(YAMLQuoting.scalar).joined(separator: ", ") + "]\n"
        }
        out += "version: \(draft.version)\n"
        if let folder = draft.workingDirectory { out += "cwd: \(YAMLQuoting.scalar(folder))\n" }
        if !draft.inputs.isEmpty || !draft.learnedInputs.isEmpty {
            out += "\ninputs:\n"
            for input in draft.learnedInputs {
                out += "  \(YAMLQuoting.key(input.name)):\n"
                out += "    type: \(YAMLQuoting.scalar(input.type))\n"
                if input.secret { out += "    secret: true\n" }
                if input.required { out += "    required: true\n" }
                if let value = input.defaultValue { out += "    default: \(input.type == "string" ? YAMLQuoting.scalar(value) : value)\n" }
                if !input.description.isEmpty { out += "    description: \(YAMLQuoting.scalar(input.description))\n" }
                if let pattern = input.pattern { out += "    pattern: \(YAMLQuoting.scalar(pattern))\n" }
            }
            for input in draft.inputs {
                out += "  \(YAMLQuoting.key(input.name)):\n"
                out += "    type: string\n"
                out += "    secret: true\n"
                out += "    required: true\n"
                out += "    description: \(YAMLQuoting.scalar("replaces a recorded secret: " + input.origin))\n"
            }
        }
        out += "\nsteps:\n"
        for (index, step) in draft.steps.enumerated() {
            if index > 0 { out += "\n" }
            if let id = step.id {
                out += "  - id: \(YAMLQuoting.scalar(id))\n"
                out += "    action: \(YAMLQuoting.scalar(step.action))\n"
            } else {
                out += "  - action: \(YAMLQuoting.scalar(step.action))\n"
            }
            if let condition = step.when { out += "    when: \(YAMLQuoting.scalar(condition))\n" }
            if !step.parameters.isEmpty {
                out += "    parameters:\n"
                for (name, value) in step.parameters { out += entry(name, value, indent: 6) }
            }
            if step.exitCode != nil || !step.contains.isEmpty || !step.stderrContains.isEmpty {
                out += "    expect:\n"
                if let code = step.exitCode { out += "      exit_code: \(code)\n" }
                for (key, texts) in [("contains", step.contains), ("stderr_contains", step.stderrContains)] {
                    let quoted = texts.map { YAMLQuoting.scalar(RedactedPart.escapeTemplate($0)) }
                    if quoted.count == 1 {
                        out += "      \(key): \(quoted[0])\n"
                    } else if quoted.count > 1 {
                        out += "      \(key):\n" + quoted.map { "        - \($0)\n" }.joined()
                    }
                }
            }
            if !step.notes.isEmpty { out += "    notes: \(YAMLQuoting.scalar(step.notes))\n" }
        }
        if let stats = draft.stats {
            // In the learning layer's one format, so the first run changes only the counters.
            var figures = ProcedureStats()
            figures.executionCount = 1
            figures.successes = 1
            figures.totalDurationMilliseconds = stats.durationMilliseconds
            figures.lastExecuted = stats.lastExecuted
            out += "\n" + figures.rendered()
        }
        return out
    }

    /// `key: value` at `indent`, nesting lists and mappings in block style.
    static func entry(_ key: String, _ value: DraftValue, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        if value.isScalar { return "\(pad)\(YAMLQuoting.key(key)): \(inline(value))\n" }
        var out = "\(pad)\(YAMLQuoting.key(key)):\n"
        switch value {
        case .list(let items):
            if items.allSatisfy(\.isScalar) {
                return "\(pad)\(YAMLQuoting.key(key)): [" + items.map(inline).joined(separator: ", ") + "]\n"
            }
            for item in items { out += listItem(item, indent: indent + 2) }
        case .mapping(let pairs):
            for pair in pairs { out += entry(pair.key, pair.value, indent: indent + 2) }
        default:
            break
        }
        return out
    }

    private static func listItem(_ value: DraftValue, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        if value.isScalar { return "\(pad)- \(inline(value))\n" }
        switch value {
        case .mapping(let pairs):
            var lines = pairs.map { entry($0.key, $0.value, indent: indent + 2) }.joined()
            lines.replaceSubrange(lines.startIndex..<lines.index(lines.startIndex, offsetBy: indent + 2), with: pad + "- ")
            return lines
        case .list(let items):
            return "\(pad)- [" + items.map(inline).joined(separator: ", ") + "]\n"
        default:
            return "\(pad)- \(inline(value))\n"
        }
    }

    /// A value written on one line.
    static func inline(_ value: DraftValue) -> String {
        switch value {
        case .text(let parts): YAMLQuoting.scalar(RedactedPart.template(of: parts))
        case .number(let text): text
        case .boolean(let flag): flag ? "true" : "false"
        case .null: "null"
        case .list(let items): "[" + items.map(inline).joined(separator: ", ") + "]"
        case .mapping(let pairs): "{" + pairs.map { YAMLQuoting.key($0.key) + ": " + inline($0.value) }.joined(separator: ", ") + "}"
        }
    }
}
