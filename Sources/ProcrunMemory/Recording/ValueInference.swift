package import ProcrunRuntime
import ProcrunText

/// The inputs of a task recorded several times: every place where the recordings of a step's text
/// differ (``ValueRegions``), grouped into one input per value (the same value in several places
/// of a recording is one input), named and typed by ``InputNaming``.
package struct ValueInference: Sendable {
    /// One place where a value stands: in a parameter of a step, and in each recording that
    /// performed the step, its range and value.
    struct Occurrence: Sendable {
        var column: Int
        var parameter: String
        var ranges: [Int: Range<Int>]
        var values: [Int: String]
        var input = ""
    }

    /// The places found, in order.
    private(set) var occurrences: [Occurrence] = []
    /// The inputs, in the order their values first appear.
    package private(set) var inputs: [LearnedInput] = []
    /// Each input's value in each recording that shows it.
    private(set) var values: [String: [Int: String]] = [:]
    /// The texts of each step's parameters in each recording, for naming.
    private var texts: [Int: [String: [Int: [Character]]]] = [:]
    /// The steps only one recording performed (their values are found by matching known ones).
    private var single: Set<Int> = []
    /// The inputs spliced into code through an environment variable: restricted to a safe pattern.
    var restricted: Set<String> = []
    private var groups: [[Int]] = []

    /// No inputs at all.
    package init() {}

    /// The values of the steps `columns` lines up, from `traces` recordings. A place that is part
    /// of a secret (as `redactor` finds them) is not a value: the secret rules replace it.
    package init(columns: [StepAligner.Column], traces: Int, redactor: SecretRedactor = SecretRedactor()) {
        var redactor = redactor
        var found: [(Occurrence, narrow: [Int: String])] = []
        for (index, column) in columns.enumerated() {
            let members = column.steps.keys.sorted()
            if members.count < 2 { single.insert(index) }
            guard members.count >= 2, let newest = column.steps[members[members.count - 1]] else { continue }
            for parameter in newest.parameters {
                let strings = members.compactMap { member -> String? in
                    guard case .string(let text)? = column.steps[member]?.parameters.first(where: { $0.name == parameter.name })?.value else { return nil }
                    return text
                }
                guard strings.count == members.count else { continue }
                for (member, text) in zip(members, strings) { texts[index, default: [:]][parameter.name, default: [:]][member] = Array(text) }
                let secrets = strings.map { Self.secretRanges(in: $0, redactor: &redactor) }
                for region in ValueRegions.regions(strings) where !zip(secrets, region.wide).contains(where: { ranges, range in ranges.contains { $0.overlaps(range) } }) {
                    var occurrence = Occurrence(column: index, parameter: parameter.name, ranges: [:], values: [:])
                    var narrow: [Int: String] = [:]
                    for (position, member) in members.enumerated() {
                        let characters = Array(strings[position])
                        occurrence.ranges[member] = region.wide[position]
                        occurrence.values[member] = String(characters[region.wide[position]])
                        narrow[member] = String(characters[region.narrow[position]])
                    }
                    found.append((occurrence, narrow))
                }
            }
        }
        // A wide value (`v1.4.0`, `2021-01`) whose narrow value (`1.4.0`, `2021`) stands alone
        // elsewhere in the same recordings is that narrow value in a constant frame.
        var alone: [Int: Set<String>] = [:]
        for (occurrence, _) in found { for (member, value) in occurrence.values { alone[member, default: []].insert(value) } }
        for (occurrence, narrow) in found {
            var occurrence = occurrence
            if narrow != occurrence.values, narrow.allSatisfy({ alone[$0.key]?.contains($0.value) == true }) {
                for (member, value) in narrow {
                    let text = texts[occurrence.column]?[occurrence.parameter]?[member] ?? []
                    if let range = Self.find(value, in: text, within: occurrence.ranges[member] ?? 0..<0, alone: false) { occurrence.ranges[member] = range }
                }
                occurrence.values = narrow
            }
            occurrences.append(occurrence)
        }
        // One input per value: places whose values agree in every recording they share.
        for index in occurrences.indices {
            let values = occurrences[index].values
            if let group = groups.firstIndex(where: { group in
                let known = Self.merged(group.map { occurrences[$0].values })
                let common = Set(known.keys).intersection(values.keys)
                return common.count >= min(2, values.count) && common.allSatisfy { known[$0] == values[$0] }
            }) {
                groups[group].append(index)
            } else {
                groups.append([index])
            }
        }
    }

    /// Names and types the inputs (after the names already taken in `names`).
    package mutating func name(into names: inout Set<String>) {
        for group in groups {
            let known = Self.merged(group.map { occurrences[$0].values })
            let seen = known.keys.sorted().compactMap { known[$0] }
            let newestTrace = known.keys.max() ?? 0
            var contexts: [([Character], Range<Int>)] = []
            for index in group {
                let occurrence = occurrences[index]
                for (member, range) in occurrence.ranges.sorted(by: { $0.key > $1.key }) where member == newestTrace || contexts.isEmpty {
                    if let text = texts[occurrence.column]?[occurrence.parameter]?[member] { contexts.append((text, range)) }
                }
            }
            let parameter = group.map { occurrences[$0].parameter }.first { !InputNaming.genericParameters.contains($0) }
            let name = InputNaming.name(values: seen, contexts: contexts, parameter: parameter, names: &names)
            for index in group { occurrences[index].input = name }
            values[name] = known
            inputs.append(
                LearnedInput(
                    name: name, type: InputNaming.type(seen), defaultValue: known[newestTrace] ?? seen.last ?? "",
                    description: "learned from \(seen.count) recordings; values seen: \(InputNaming.distinct(seen).joined(separator: ", "))"))
        }
    }

    /// The text of a parameter of a step (column `column`), as recorded in recording `trace`, with
    /// each value in it replaced by its input. In a step only one recording performed, the values
    /// the other steps showed are found by their text (three characters or more, standing alone).
    package func parts(of text: String, column: Int, parameter: String, trace: Int) -> [RedactedPart] {
        let characters = Array(text)
        var places: [(Range<Int>, String)] = occurrences.compactMap { occurrence in
            guard occurrence.column == column, occurrence.parameter == parameter, let range = occurrence.ranges[trace] else { return nil }
            return (range, occurrence.input)
        }
        if single.contains(column) {
            for input in inputs {
                guard let value = values[input.name]?[trace], value.count >= 3 else { continue }
                var from = 0
                while let range = Self.find(value, in: characters, within: from..<characters.count) {
                    if !places.contains(where: { $0.0.overlaps(range) }) { places.append((range, input.name)) }
                    from = range.upperBound
                }
            }
        }
        places.sort { $0.0.lowerBound < $1.0.lowerBound }
        var parts: [RedactedPart] = []
        var cursor = 0
        for (range, input) in places where range.lowerBound >= cursor {
            if range.lowerBound > cursor { parts.append(.text(String(characters[cursor..<range.lowerBound]))) }
            parts.append(.input(input))
            cursor = range.upperBound
        }
        if cursor < characters.count || parts.isEmpty { parts.append(.text(String(characters[cursor...]))) }
        return parts
    }

    /// The value of `input` in recording `trace` (else its default).
    func value(of input: String, trace: Int) -> String {
        values[input]?[trace] ?? inputs.first { $0.name == input }?.defaultValue ?? ""
    }

    /// The first place in `range` of `characters` where `value` stands; with `alone`, only where it
    /// is not inside a longer word or number.
    static func find(_ value: String, in characters: [Character], within range: Range<Int>, alone: Bool = true) -> Range<Int>? {
        let needle = Array(value)
        guard !needle.isEmpty, range.count >= needle.count else { return nil }
        var start = range.lowerBound
        while start + needle.count <= range.upperBound {
            if Array(characters[start..<(start + needle.count)]) == needle {
                let end = start + needle.count
                let before = start > 0 ? characters[start - 1] : " "
                let after = end < characters.count ? characters[end] : " "
                let afterNext: Character = end + 1 < characters.count ? characters[end + 1] : " "
                let beforePrevious: Character = start > 1 ? characters[start - 2] : " "
                let gluedBefore = TextTokens.isWordCharacter(before) || (before == "." && beforePrevious.isNumber)
                let gluedAfter = TextTokens.isWordCharacter(after) || (after == "." && afterNext.isNumber)
                if !alone || (!gluedBefore && !gluedAfter) { return start..<end }
            }
            start += 1
        }
        return nil
    }

    /// The character ranges of `text` that `redactor` takes for secrets.
    static func secretRanges(in text: String, redactor: inout SecretRedactor) -> [Range<Int>] {
        let parts = redactor.redact(text, register: false)
        guard parts.contains(where: { if case .secret = $0 { true } else { false } }) else { return [] }
        let characters = Array(text)
        var ranges: [Range<Int>] = []
        var cursor = 0
        for (index, part) in parts.enumerated() {
            switch part {
            case .text(let literal): cursor += literal.count
            case .secret, .input:
                // A secret runs to where the next kept text starts (or to the end).
                var end = characters.count
                if index + 1 < parts.count, case .text(let next) = parts[index + 1] {
                    end = find(next, in: characters, within: cursor..<characters.count, alone: false)?.lowerBound ?? characters.count
                }
                ranges.append(cursor..<max(cursor + 1, end))
                cursor = end
            }
        }
        return ranges
    }

    /// The values of several places, one map.
    private static func merged(_ maps: [[Int: String]]) -> [Int: String] {
        maps.reduce(into: [:]) { result, map in result.merge(map) { first, _ in first } }
    }
}
