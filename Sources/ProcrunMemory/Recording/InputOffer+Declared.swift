import ProcrunRuntime

/// Inputs an agent declares as it records (MCP `record_procedure`).
extension InputOffer {
    /// Declares each input of `declared` in `draft`, taking the place of a recorded input of the
    /// same name (one in the place of a recorded secret stays `secret: true`). The places where an
    /// input's value (``DeclaredInput/value``) stands whole in the `shell` commands become
    /// `{{ inputs.NAME }}`, as for a value named at the prompt (``apply(_:to:)``): longer values
    /// first, never a command's program or subcommand, and where the shell-safety rules refuse a
    /// value it stays literal and a warning says so. An input is declared whether or not a
    /// command used its value.
    package static func declare(_ declared: [DeclaredInput], in draft: inout ProcedureDraft) -> [Warning] {
        let programs = programs(in: words(of: commands(of: draft)))
        let named = declared.compactMap { input -> (name: String, candidate: Candidate)? in
            guard let value = input.value, let candidate = candidate(for: value, in: draft), !programs.contains(value) else { return nil }
            return (input.input.name, candidate)
        }
        let warnings = substitute(named, in: &draft).warnings
        for input in declared {
            var declaration = input.input
            draft.learnedInputs.removeAll { $0.name == declaration.name }
            if draft.inputs.contains(where: { $0.name == declaration.name }) {
                draft.inputs.removeAll { $0.name == declaration.name }
                declaration.secret = true
            }
            draft.learnedInputs.append(declaration)
        }
        return warnings
    }

    /// `value` as a value of `draft`'s `shell` commands: a version, a whole number or a word by
    /// its shape (which decides where it stands whole), with the steps it stands in; nil when it
    /// stands in none, or spans lines.
    static func candidate(for value: String, in draft: ProcedureDraft) -> Candidate? {
        guard !value.isEmpty, !value.contains(where: \.isNewline) else { return nil }
        let kind: Candidate.Kind = isVersion(value) ? .version : value.allSatisfy({ $0.isASCII && $0.isNumber }) ? .number : .word
        let steps = commands(of: draft).filter { !occurrences(of: value, kind: kind, in: $0.parts).isEmpty }.map(\.step)
        return steps.isEmpty ? nil : Candidate(value: value, kind: kind, steps: steps)
    }
}
