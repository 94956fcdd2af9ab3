package import ProcrunText

/// Reads YAML nodes as the types the language expects, collecting a positioned diagnostic for every
/// mismatch instead of stopping at the first, so `procrun check` can report them all.
package struct NodeReader {
    /// The file the nodes come from.
    let file: SourceFile
    /// Every problem found so far.
    package private(set) var diagnostics: [Diagnostic] = []
    /// The known keys suggested for unknown ones by the last ``mapping(_:_:keys:)`` call, so that a
    /// misspelled required key is reported once, as misspelled, and not again as missing.
    private(set) var lastMisspellings: Set<String> = []

    package init(file: SourceFile) {
        self.file = file
    }

    /// Records an error at a location.
    mutating func error(_ problem: LanguageProblem, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(problem, in: file, at: location, notes: notes))
    }

    /// The templates and conditions of steps dropped for other errors (an unknown action, a bad
    /// parameter), with the index of their step, so that ``ProcedureChecker`` still checks them
    /// in the same pass. Empty for a valid procedure.
    var droppedTemplates: [(step: Int, field: TemplateField)] = []
    var droppedConditions: [(step: Int, condition: Condition)] = []

    /// What is accepted but worth saying (a warning does not stop the load).
    private(set) var warnings: [Diagnostic] = []

    /// Records a warning at a location.
    mutating func warning(_ problem: LanguageProblem, at location: SourceLocation) {
        warnings.append(Diagnostic(problem, .warning, path: file.path, at: location))
    }

    /// Records diagnostics found elsewhere.
    mutating func append(_ more: [Diagnostic]) {
        diagnostics += more
    }

    /// The pairs of a mapping node, checking that every key is one of `keys`. `what` names the
    /// mapping in messages; it is worked out only when there is one to write. `explaining`, given
    /// an unknown key's pair and the mapping, may say more than "unknown key" (what another
    /// tool's habit is written as); it captures nothing, so that reading a step copies no node.
    mutating func mapping(
        _ node: YAMLNode, _ what: @autoclosure () -> String, keys: [String]? = nil,
        explaining: (YAMLPair, YAMLNode) -> LanguageProblem? = { _, _ in nil }
    ) -> [YAMLPair]? {
        guard let pairs = node.pairs else {
            error(.expectedMapping(what: what(), found: node.kindDescription), at: node.start)
            return nil
        }
        lastMisspellings = []
        if let keys {
            for pair in pairs where !keys.contains(pair.key) {
                if let problem = explaining(pair, node) {
                    error(problem, at: pair.keyStart)
                    continue
                }
                if let near = Suggestion.closest(to: pair.key, in: keys) { lastMisspellings.insert(near) }
                error(.unknownKey(key: pair.key, in: what(), known: keys), at: pair.keyStart)
            }
        }
        return pairs
    }

    /// The items of a sequence node.
    mutating func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        guard let items = node.items else {
            error(.expectedList(what: what, found: node.kindDescription), at: node.start)
            return nil
        }
        return items
    }

    /// A scalar's text, any style; null is an error.
    mutating func string(_ node: YAMLNode, _ what: @autoclosure () -> String) -> String? {
        guard let scalar = node.scalar, !scalar.isNull else {
            error(.expectedString(what: what(), found: node.kindDescription), at: node.start)
            return nil
        }
        return scalar.text
    }

    /// A name: a letter, then letters, digits, `_` or `-`; when `qualified`, such names joined by
    /// `:` too (`docs:build`, a procedure of an included library: ``ProcedureIndex/isName(_:)``).
    mutating func identifier(_ node: YAMLNode, _ what: @autoclosure () -> String, qualified: Bool = false) -> String? {
        guard let text = string(node, what()) else { return nil }
        guard qualified ? ProcedureIndex.isName(text) : Self.isIdentifier(text) else {
            error(.expectedName(what: what(), found: text), at: node.start)
            return nil
        }
        return text
    }

    /// A plain (or `!!int`) integer within `range`.
    mutating func integer(_ node: YAMLNode, _ what: String, in range: ClosedRange<Int> = 0...Int(Int32.max)) -> Int? {
        guard let scalar = node.scalar, scalar.isReadable(as: .int), let value = DecimalText.integer(scalar.text) else {
            error(.expectedInteger(what: what, found: node.kindDescription), at: node.start)
            return nil
        }
        guard range.contains(value) else {
            error(.outOfRange(what: what, range: range, found: value), at: node.start)
            return nil
        }
        return value
    }

    /// A plain (or `!!float` or `!!int`) decimal number.
    mutating func number(_ node: YAMLNode, _ what: String) -> Double? {
        guard let scalar = node.scalar, scalar.isReadable(as: .float) || scalar.coreTag == .int, let value = DecimalText.number(scalar.text) else {
            error(.expectedNumber(what: what, found: node.kindDescription), at: node.start)
            return nil
        }
        return value
    }

    /// `true` or `false`, plain (or `!!bool`); YAML 1.1's other spellings are errors with a suggestion.
    mutating func boolean(_ node: YAMLNode, _ what: String) -> Bool? {
        if let scalar = node.scalar, scalar.isReadable(as: .bool) {
            if scalar.text == "true" { return true }
            if scalar.text == "false" { return false }
            let lowered = scalar.text.lowercased()
            if ["yes", "on", "y", "true"].contains(lowered) {
                error(.booleanSpelling(what: what, found: scalar.text, meant: true), at: node.start)
                return nil
            }
            if ["no", "off", "n", "false"].contains(lowered) {
                error(.booleanSpelling(what: what, found: scalar.text, meant: false), at: node.start)
                return nil
            }
        }
        error(.expectedBoolean(what: what, found: node.kindDescription), at: node.start)
        return nil
    }

    /// A duration such as `500ms`, `1.5s`, `2m`, `1h`, or a bare number of seconds.
    mutating func duration(_ node: YAMLNode, _ what: String) -> Duration? {
        guard let text = node.scalar?.text, let duration = Self.parseDuration(text) else {
            error(.expectedDuration(what: what, found: node.kindDescription), at: node.start)
            return nil
        }
        return duration
    }

    /// A list of strings.
    mutating func strings(_ node: YAMLNode, _ what: String) -> [String]? {
        guard let items = sequence(node, what) else { return nil }
        return items.compactMap { string($0, "an item of \(what)") }
    }

    /// One string or a list of strings, as nodes (for keys that take either).
    mutating func oneOrMany(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        if node.scalar != nil { return string(node, what) == nil ? nil : [node] }
        guard let items = sequence(node, what) else { return nil }
        return items.filter { string($0, "an item of \(what)") != nil }
    }

    /// One integer or a list of integers.
    mutating func integers(_ node: YAMLNode, _ what: String, in range: ClosedRange<Int>) -> [Int]? {
        if node.scalar != nil { return integer(node, what, in: range).map { [$0] } }
        guard let items = sequence(node, what) else { return nil }
        let values = items.compactMap { integer($0, "an item of \(what)", in: range) }
        return values.count == items.count ? values : nil
    }

    // MARK: Parsing scalar text

    package static func isIdentifier(_ text: String) -> Bool {
        // ASCII only, so bytes answer directly (no Unicode property lookup), over the string's own
        // storage when it has it contiguous (stepping through the UTF-8 view costs several times more).
        text.utf8.withContiguousStorageIfAvailable(isIdentifier) ?? isIdentifier(text.utf8)
    }

    private static func isIdentifier(_ bytes: some Collection<UInt8>) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard let first = bytes.first, isLetter(first) else { return false }
        return bytes.allSatisfy { isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    static func parseDuration(_ text: String) -> Duration? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        var number = Substring(text.trimmingSpaces())
        var scale = 1.0
        for (suffix, factor) in units where number.hasSuffix(suffix) {
            number = number.dropLast(suffix.count)
            scale = factor
            break
        }
        guard let value = DecimalText.number(String(number)), value >= 0, value * scale <= 1e9 else { return nil }
        return .nanoseconds(Int64((value * scale * 1e9).rounded()))
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    package func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
