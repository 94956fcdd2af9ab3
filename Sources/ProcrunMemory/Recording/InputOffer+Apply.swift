import ProcrunRuntime
import ProcrunSystem
package import ProcrunText

/// Reading the answer to the offer and making the named values inputs.
extension InputOffer {
    /// A value left literal in a step because the shell-safety rules refuse a value there.
    package struct Warning: Sendable, Hashable {
        /// The value.
        package var value: String
        /// The index of the step among the draft's steps.
        package var step: Int
        /// Why (the shell-safety rule's message, up to its advice).
        package var reason: String

        /// The warning as a diagnostic, naming the step of `draft` by its id (else `#N`).
        package func diagnostic(in draft: ProcedureDraft) -> Diagnostic {
            Diagnostic(RecordingProblem.valueLeftLiteral(value: value, step: draft.steps[step].id ?? "#\(step + 1)", reason: reason), .warning)
        }
    }

    /// Why an answer to the offer cannot be used.
    package struct Problem: Error, Sendable, Equatable {
        /// The lowercase message.
        package var message: String

        /// The problem's message as ``RecordingProblem`` writes it.
        init(_ problem: RecordingProblem) {
            message = problem.described.message
        }

        /// A problem with this message.
        package init(message: String) {
            self.message = message
        }
    }

    /// The names given in `answer` (`version=1 port=2`, also separated by commas), each with the
    /// index of its candidate; empty for an empty answer. `taken` holds names already used (the
    /// secret inputs).
    package func names(from answer: String, taken: Set<String>) throws(Problem) -> [(name: String, candidate: Int)] {
        var named: [(name: String, candidate: Int)] = []
        for item in answer.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { throw Problem(.answerNotAssignment(found: String(item))) }
            let name = String(pair[0])
            guard Self.isInputName(name) else {
                throw Problem(.answerName(found: name))
            }
            guard let number = Int(pair[1]), candidates.indices.contains(number - 1) else {
                throw Problem(.answerNumber(count: candidates.count, found: String(pair[1]), name: name))
            }
            if taken.contains(name) || named.contains(where: { $0.name == name }) {
                throw Problem(.answerNameUsed(name: name))
            }
            if let other = named.first(where: { $0.candidate == number - 1 }) {
                throw Problem(.answerValueTwice(number: number, first: other.name, second: name))
            }
            named.append((name, number - 1))
        }
        return named
    }

    /// Whether `name` can name an input read as `inputs.NAME` in a template.
    static func isInputName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    /// Makes each named candidate an input of `draft`: its places in the `shell` commands become
    /// `{{ inputs.NAME }}`, and the input is declared (a string defaulting to the value). Longer
    /// values are replaced first, so a value inside another named one goes with it. A place the
    /// shell-safety rules refuse keeps the value and gives a warning; a value left literal
    /// everywhere declares no input.
    package func apply(_ named: [(name: String, candidate: Int)], to draft: inout ProcedureDraft) -> [Warning] {
        let (declared, warnings) = Self.substitute(named.map { ($0.name, candidates[$0.candidate]) }, in: &draft)
        for (name, index) in named where declared.contains(name) {
            draft.learnedInputs.append(LearnedInput(name: name, type: "string", defaultValue: candidates[index].value, description: "recorded value"))
        }
        return warnings
    }

    /// Replaces the places of each value in `draft`'s `shell` commands with `{{ inputs.NAME }}`,
    /// longer values first, except where the shell-safety rules refuse a value; returns the
    /// names that replaced a value somewhere, and a warning for each place refused.
    static func substitute(_ named: [(name: String, candidate: Candidate)], in draft: inout ProcedureDraft) -> (names: Set<String>, warnings: [Warning]) {
        var warnings: [Warning] = []
        var declared = Set<String>()
        for (name, candidate) in named.sorted(by: { $0.candidate.value.count > $1.candidate.value.count }) {
            for (step, parts) in commands(of: draft) {
                var parts = parts
                var replaced = false
                var skipped = 0
                while let place = occurrences(of: candidate.value, kind: candidate.kind, in: parts).dropFirst(skipped).first {
                    let trial = splitting(parts, at: place, with: name)
                    if let reason = refusal(trial, comparedTo: parts) {
                        warnings.append(Warning(value: candidate.value, step: step, reason: reason))
                        skipped += 1
                        continue
                    }
                    parts = trial
                    replaced = true
                }
                guard replaced, let slot = draft.steps[step].parameters.firstIndex(where: { $0.name == "command" }) else { continue }
                draft.steps[step].parameters[slot].value = .text(parts)
                declared.insert(name)
            }
        }
        return (declared, warnings)
    }

    /// `parts` with the range `place` of one text part replaced by the input `name`.
    private static func splitting(_ parts: [RedactedPart], at place: (part: Int, range: Range<String.Index>), with name: String) -> [RedactedPart] {
        guard case .text(let text) = parts[place.part] else { return parts }
        var pieces: [RedactedPart] = []
        if place.range.lowerBound > text.startIndex { pieces.append(.text(String(text[..<place.range.lowerBound]))) }
        pieces.append(.input(name))
        if place.range.upperBound < text.endIndex { pieces.append(.text(String(text[place.range.upperBound...]))) }
        var result = parts
        result.replaceSubrange(place.part...place.part, with: pieces)
        return result
    }

    /// Why the command `trial` would not pass the checks `parts` passes (the new value stands
    /// where the shell-safety rules refuse one), or nil.
    private static func refusal(_ trial: [RedactedPart], comparedTo parts: [RedactedPart]) -> String? {
        func problems(_ parts: [RedactedPart]) -> [String] {
            do {
                let template = try Template(parsing: RedactedPart.template(of: parts))
                return ShellPlanner.problems(in: template, isInteger: { _ in false }).map(\.message)
            } catch {
                return [error.message]
            }
        }
        let before = problems(parts)
        let after = problems(trial)
        guard after.count > before.count else { return nil }
        let message = after.first { !before.contains($0) } ?? after[0]
        return String(message.split(separator: ";", maxSplits: 1).first ?? Substring(message))
    }
}
