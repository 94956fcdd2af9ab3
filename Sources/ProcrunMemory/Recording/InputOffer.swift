package import ProcrunRuntime
import ProcrunSystem

/// The values of a recording typed at the prompt that could become inputs, offered before it is
/// saved: versions (`v1.4.2`, `1.4.2`), numbers other than 0 and 1, and words (longer than two
/// characters, not a program, a subcommand or a flag) that two or more different commands use.
///
/// The commands' words are read with procrun's shell scanner; a value is then found in the text
/// of each `shell` step's `command` where it stands as a whole (not inside a longer word or
/// number). Naming a value (``apply(_:to:)``) replaces those places with `{{ inputs.NAME }}`,
/// except where the [shell-safety rules](grammar.md#shell-safety) refuse a value (the script of
/// `sh -c`, the code of `python3 -c`, the program of `awk` or `sed`, arithmetic): there the value
/// stays literal and a ``Warning`` says so.
package struct InputOffer: Sendable {
    /// The most values offered.
    package static let maxCandidates = 20
    /// The values worth offering, in the order the recording first used them.
    package var candidates: [Candidate]

    /// The values of `draft`'s `shell` commands worth offering.
    package init(draft: ProcedureDraft) {
        let commands = Self.commands(of: draft)
        let scanned = Self.words(of: commands)
        let programs = Self.programs(in: scanned)
        var order: [String] = []
        var kinds: [String: Candidate.Kind] = [:]
        var wordCommands: [String: Set<String>] = [:]
        for command in scanned {
            for (word, isProgram) in command.words where !isProgram {
                for value in Self.values(.version, in: word) + Self.values(.number, in: word) where kinds[value] == nil {
                    kinds[value] = Self.isVersion(value) ? .version : .number
                    order.append(value)
                }
                guard let candidate = Self.wordCandidate(word), !programs.contains(candidate) else { continue }
                wordCommands[candidate, default: []].insert(command.text)
                if kinds[candidate] == nil, wordCommands[candidate]?.count == 2 {
                    kinds[candidate] = .word
                    order.append(candidate)
                }
            }
        }
        candidates = []
        for value in order {
            guard let kind = kinds[value] else { continue }
            let steps = commands.filter { Self.occurrences(of: value, kind: kind, in: $0.parts).count > 0 }.map(\.step)
            if !steps.isEmpty { candidates.append(Candidate(value: value, kind: kind, steps: steps)) }
            if candidates.count == Self.maxCandidates { break }
        }
    }

    /// The `command` text of each `shell` step of `draft`, with the step's index.
    package static func commands(of draft: ProcedureDraft) -> [(step: Int, parts: [RedactedPart])] {
        draft.steps.enumerated().compactMap { index, step in
            guard step.action == "shell", let command = step.parameters.first(where: { $0.name == "command" }),
                case .text(let parts) = command.value
            else { return nil }
            return (index, parts)
        }
    }

    /// The words of each command as the shell reads them, each marked when it is the program of
    /// its simple command or that program's subcommand (``StepNamer/positions(_:)``).
    static func words(of commands: [(step: Int, parts: [RedactedPart])]) -> [(step: Int, text: String, words: [(text: String, isProgram: Bool)])] {
        commands.map { step, parts in
            let text = RedactedPart.text(of: parts)
            var words: [(text: String, isProgram: Bool)] = []
            for simple in ShellScanner.simpleCommands(of: text) {
                let texts = simple.words.map { String($0.text) }
                let place = StepNamer.positions(texts)
                for (index, word) in texts.enumerated() { words.append((word, index == place?.program || index == place?.subcommand)) }
            }
            return (step, text, words)
        }
    }

    /// The programs and subcommands of scanned commands, each also as its base name (`make` for `/usr/bin/make`).
    static func programs(in scanned: [(step: Int, text: String, words: [(text: String, isProgram: Bool)])]) -> Set<String> {
        Set(scanned.flatMap { command in command.words.filter(\.isProgram).flatMap { [$0.text, StepNamer.basename($0.text)] } })
    }

    /// The word a shell word offers: the word itself, or the value of `NAME=value` and
    /// `--option=value`; nil for flags, short words, several lines, secrets and `/dev/` paths.
    static func wordCandidate(_ word: String) -> String? {
        var word = Substring(word)
        if StepNamer.isAssignment(String(word)) || (word.hasPrefix("-") && word.contains("=")), let equals = word.firstIndex(of: "=") {
            word = word[word.index(after: equals)...]
        }
        guard word.count > 2, !word.hasPrefix("-"), !word.hasPrefix("/dev/") else { return nil }
        guard !word.contains(where: { "\n\r*{}\u{0}\u{1}".contains($0) }) else { return nil }
        guard word.contains(where: \.isLetter) else { return nil }
        return String(word)
    }

    /// Whether `value` is a version: the one rule (``InputNaming/isVersion(_:)``).
    static func isVersion(_ value: String) -> Bool {
        InputNaming.isVersion(value)
    }

    /// The versions or numbers standing as a whole in `word`, in order (numbers 0 and 1 left out).
    static func values(_ kind: Candidate.Kind, in word: String) -> [String] {
        let characters = Array(word)
        var found: [String] = []
        var index = 0
        while index < characters.count {
            guard let end = match(kind, characters, at: index) else {
                index += 1
                continue
            }
            let value = String(characters[index..<end])
            if kind != .number || (value != "0" && value != "1") { found.append(value) }
            index = end
        }
        return found
    }

    /// The end of a version or number starting at `start` and standing as a whole, if one does.
    private static func match(_ kind: Candidate.Kind, _ characters: [Character], at start: Int) -> Int? {
        var index = start
        if kind == .version, characters[index] == "v" || characters[index] == "V" { index += 1 }
        func digits() -> Bool {
            let first = index
            while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
            return index > first
        }
        guard digits() else { return nil }
        if kind == .version {
            var dots = 0
            while index + 1 < characters.count, characters[index] == ".", characters[index + 1].isASCII, characters[index + 1].isNumber {
                index += 1
                _ = digits()
                dots += 1
            }
            guard dots > 0 else { return nil }
        }
        let before = start > 0 ? characters[start - 1] : nil
        let after = index < characters.count ? characters[index] : nil
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        return stands(kind, before: before, after: after, next: next) ? index : nil
    }

    /// Whether a value of `kind` between `before` and `after` (then `next`) stands as a whole:
    /// not inside a longer word or number, and for a number not part of a redirection (`2>&1`)
    /// or a date-like run (`2026-11-25`).
    static func stands(_ kind: Candidate.Kind, before: Character?, after: Character?, next: Character?) -> Bool {
        func continues(_ character: Character?) -> Bool { character.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
        if continues(before) || before == "." || continues(after) { return false }
        if after == ".", let next, next.isNumber { return false }
        if kind == .number {
            let joining: Set<Character> = ["-", "<", ">", "&", "."]
            if let before, joining.contains(before) { return false }
            if let after, joining.contains(after) { return false }
        }
        return true
    }

    /// Where `value` stands as a whole in the text parts of a command, as (part, range) pairs.
    static func occurrences(of value: String, kind: Candidate.Kind, in parts: [RedactedPart]) -> [(part: Int, range: Range<String.Index>)] {
        var found: [(Int, Range<String.Index>)] = []
        for (index, part) in parts.enumerated() {
            guard case .text(let text) = part else { continue }
            var searchStart = text.startIndex
            while let range = text[searchStart...].firstRange(of: value) {
                let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
                let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
                let next = after != nil && text.index(after: range.upperBound) < text.endIndex ? text[text.index(after: range.upperBound)] : nil
                if stands(kind, before: before, after: after, next: next) { found.append((index, range)) }
                searchStart = range.upperBound
            }
        }
        return found
    }
}
