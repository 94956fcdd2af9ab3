import CYAML

/// Reads one YAML document into ``YAMLNode``s through libyaml's event API.
///
/// This is the only file that meets libyaml. Every mark libyaml reports is converted here, once,
/// into a ``SourceLocation``: libyaml counts characters and leaves out a byte-order mark, while
/// procrun needs byte offsets to splice files, so the conversion walks the UTF-8 bytes alongside.
package struct YAMLParser {
    /// The file being read.
    package let file: SourceFile
    /// The bounds enforced while reading.
    package let limits: YAMLLimits

    /// Creates a parser for a file.
    package init(file: SourceFile, limits: YAMLLimits = .standard) {
        self.file = file
        self.limits = limits
    }

    /// Parses the file's single document. Throws a ``Diagnostic`` at the first problem.
    package func parse() throws(Diagnostic) -> YAMLNode {
        var problems: [Diagnostic] = []
        let root = try parse(recovering: &problems)
        if let first = problems.first { throw first }
        return root
    }

    /// Parses the file's single document, reading on past the problems that leave the document
    /// readable (a key given twice: the first is kept), which are appended to `problems`; throws
    /// at the first problem that does not (a syntax error).
    package func parse(recovering problems: inout [Diagnostic]) throws(Diagnostic) -> YAMLNode {
        let (root, found) = try withReader { (reader) throws(Diagnostic) in (try reader.readDocument(), reader.problems) }
        problems += found
        return root
    }

    /// Parses the file's single document, except the value of the top-level `key`, which is
    /// compared with `expected` event by event instead of being built into nodes (the root holds an
    /// empty plain scalar in its place). `matched` is true when the document has that key and its
    /// value reads exactly as `expected`.
    ///
    /// This is how a rewritten stats block is checked: a 1000-step block is 8,000 lines, and reading
    /// it back into nodes cost more than everything else the rewrite does.
    package func parse(expecting expected: [ExpectedYAMLEvent], atTopLevelKey key: String) throws(Diagnostic) -> (root: YAMLNode, matched: Bool) {
        try withReader { (reader) throws(Diagnostic) in
            reader.expectation = (key, expected)
            let root = try reader.readDocument()
            if let first = reader.problems.first { throw first }
            return (root, reader.matched == true)
        }
    }

    /// Whether the file reads as `original` (as ``YAMLNode/sameContent(_:_:ignoringKey:)`` compares)
    /// everywhere but at the top-level `key`, whose value must read exactly as `expected`.
    ///
    /// The file is compared with `original` event by event as libyaml reads it, building no node;
    /// where that cannot decide alone (an anchor, an alias or a `<<` merge key, whose meaning depends
    /// on nodes read earlier), the file is read into nodes and compared as a whole instead. Throws
    /// when the file is not valid YAML.
    package func reads(as original: YAMLNode, except key: String, expecting expected: [ExpectedYAMLEvent]) throws(Diagnostic) -> Bool {
        let streamed = try withReader { (reader) throws(Diagnostic) in try reader.compareDocument(original, except: key, expecting: expected) }
        if let streamed { return streamed }
        let read = try parse(expecting: expected, atTopLevelKey: key)
        return read.matched && YAMLNode.sameContent(read.root, original, ignoringKey: key)
    }

    private func withReader<Result>(_ body: (inout EventReader) throws(Diagnostic) -> Result) throws(Diagnostic) -> Result {
        try Encoding.check(file, limits: limits)
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw Diagnostic(YAMLProblem.parserNotStarted, path: file.path)
        }
        defer { yaml_parser_delete(parser) }
        return try file.bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> Result in
            // No yaml_parser_set_encoding: libyaml's own detection skips a UTF-8 byte-order mark
            // without counting it, while a forced encoding reads it as a character of line 1.
            // Encoding.check has already refused anything but UTF-8.
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var reader = EventReader(parser: parser, file: file, limits: limits)
            return try body(&reader)
        }
    }
}

/// Walks libyaml's events and builds nodes, enforcing ``YAMLLimits``.
private struct EventReader {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    let file: SourceFile
    let limits: YAMLLimits
    var marks: MarkConverter
    var anchors: [String: (node: YAMLNode, count: Int)] = [:]
    /// Nodes read so far, each alias counted as the nodes it stands for (anchors record their size).
    var nodeCount = 0
    /// Nodes brought in by aliases: the only way a document grows beyond its bytes, so the one capped.
    var aliasNodes = 0
    var depth = 0
    /// A top-level key whose value is compared with expected events rather than read into nodes.
    var expectation: (key: String, events: [ExpectedYAMLEvent])?
    /// Whether that value matched (nil until the key is met).
    var matched: Bool?
    /// Problems read past (see ``YAMLParser/parse(recovering:)``).
    var problems: [Diagnostic] = []

    init(parser: UnsafeMutablePointer<yaml_parser_t>, file: SourceFile, limits: YAMLLimits) {
        self.parser = parser
        self.file = file
        self.limits = limits
        self.marks = MarkConverter(bytes: file.bytes)
    }

    /// What procrun keeps of one libyaml event, copied out as it arrives so that the C event is
    /// freed at once. Plain values only: the event's strings (a scalar's text, an anchor, a tag)
    /// are in ``text``, ``anchor`` and ``tag`` until the next event is read, so an event is copied
    /// as a few words. (With the strings inside, every event was copied once and destroyed twice
    /// through the runtime's generic value operations: a tenth of reading a document.)
    struct Event {
        var type: yaml_event_type_t
        var start: yaml_mark_t
        var end: yaml_mark_t
        var scalarStyle: yaml_scalar_style_t
        /// Whether a sequence or mapping is written in flow style.
        var isFlow: Bool
    }

    /// The text of the last event read, when it is a scalar ("" otherwise).
    var text = ""
    /// The anchor of the last event read (a scalar or collection), or the name an alias refers to.
    var anchor: String?
    /// The tag of the last event read.
    var tag: String?
    /// Where the last quoted scalar read starts and ends: when a syntax error follows, the quote
    /// that opened it may be the one never closed.
    var lastQuoted: (start: yaml_mark_t, end: yaml_mark_t)?

    /// Reads the next event; its strings replace ``text``, ``anchor`` and ``tag``.
    mutating func next() throws(Diagnostic) -> Event {
        var raw = yaml_event_t()
        guard yaml_parser_parse(parser, &raw) == 1 else { throw parserError() }
        defer { yaml_event_delete(&raw) }
        var style = YAML_ANY_SCALAR_STYLE
        var isFlow = false
        var anchorBytes: UnsafeMutablePointer<yaml_char_t>?
        var tagBytes: UnsafeMutablePointer<yaml_char_t>?
        switch raw.type {
        case YAML_SCALAR_EVENT:
            let scalar = raw.data.scalar
            text = scalar.value == nil ? "" : String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            style = scalar.style
            anchorBytes = scalar.anchor
            tagBytes = scalar.tag
            if style == YAML_DOUBLE_QUOTED_SCALAR_STYLE || style == YAML_SINGLE_QUOTED_SCALAR_STYLE {
                lastQuoted = (raw.start_mark, raw.end_mark)
            }
        case YAML_ALIAS_EVENT:
            text = ""
            anchorBytes = raw.data.alias.anchor
        case YAML_SEQUENCE_START_EVENT:
            text = ""
            let data = raw.data.sequence_start
            anchorBytes = data.anchor
            tagBytes = data.tag
            isFlow = data.style == YAML_FLOW_SEQUENCE_STYLE
        case YAML_MAPPING_START_EVENT:
            text = ""
            let data = raw.data.mapping_start
            anchorBytes = data.anchor
            tagBytes = data.tag
            isFlow = data.style == YAML_FLOW_MAPPING_STYLE
        default:
            text = ""
        }
        anchor = anchorBytes.map { String(cString: $0) }
        tag = tagBytes.map { String(cString: $0) }
        return Event(type: raw.type, start: raw.start_mark, end: raw.end_mark, scalarStyle: style, isFlow: isFlow)
    }

    mutating func readDocument() throws(Diagnostic) -> YAMLNode {
        var event = try next()
        if event.type == YAML_STREAM_START_EVENT { event = try next() }
        guard event.type == YAML_DOCUMENT_START_EVENT else { throw emptyDocument() }
        let root = try readNode(try next())
        // `---` and comments only: libyaml reads an empty plain scalar, placed past the last line.
        if anchor == nil, let scalar = root.scalar, scalar.text.isEmpty, scalar.style == .plain, scalar.coreTag == nil {
            throw emptyDocument()
        }
        let end = try next()
        guard end.type == YAML_DOCUMENT_END_EVENT else { throw error(.expectedDocumentEnd, at: end.start) }
        let after = try next()
        if after.type == YAML_DOCUMENT_START_EVENT {
            throw error(.multipleDocuments, at: after.start)
        }
        return root
    }

    /// ``YAMLParser/reads(as:except:expecting:)`` for the document: nil when an anchor, an alias or
    /// a merge key leaves the answer to a comparison of nodes.
    mutating func compareDocument(_ original: YAMLNode, except key: String, expecting expected: [ExpectedYAMLEvent]) throws(Diagnostic) -> Bool? {
        var event = try next()
        if event.type == YAML_STREAM_START_EVENT { event = try next() }
        guard event.type == YAML_DOCUMENT_START_EVENT else { return false }
        guard let same = try same(try next(), as: original, except: (key, expected)) else { return nil }
        guard same else { return false }
        let end = try next()
        guard end.type == YAML_DOCUMENT_END_EVENT else { return false }
        return try next().type != YAML_DOCUMENT_START_EVENT
    }

    /// Whether the node whose first event is `event` reads as `node`; nil as for ``compareDocument``.
    /// With `except`, the node is a mapping whose value at `except.key` must read as `except.events`
    /// (``match(_:)``) and is left out of the comparison with `node`. Stops at the first difference
    /// (the document is not read further).
    mutating func same(_ event: Event, as node: YAMLNode, except: (key: String, events: [ExpectedYAMLEvent])? = nil) throws(Diagnostic) -> Bool? {
        guard anchor == nil, event.type != YAML_ALIAS_EVENT else { return nil }
        switch (event.type, node.content) {
        case (YAML_SCALAR_EVENT, .scalar(let scalar)) where except == nil:
            let read = YAMLScalar(text: text, style: style(event.scalarStyle), coreTag: try scalarTag(tag, text: text, at: event.start))
            return read.text == scalar.text && read.coreTag == scalar.coreTag && read.isNull == scalar.isNull
        case (YAML_SEQUENCE_START_EVENT, .sequence(let items)) where except == nil:
            try collectionTag(tag, .seq, at: event.start)
            try enter(at: event.start)
            defer { depth -= 1 }
            var index = 0
            var child = try next()
            while child.type != YAML_SEQUENCE_END_EVENT {
                guard index < items.count else { return false }
                guard let same = try same(child, as: items[index]) else { return nil }
                guard same else { return false }
                index += 1
                child = try next()
            }
            return index == items.count
        case (YAML_MAPPING_START_EVENT, .mapping(let pairs)):
            try collectionTag(tag, .map, at: event.start)
            try enter(at: event.start)
            defer { depth -= 1 }
            let kept = except.map { except in pairs.filter { $0.key != except.key } } ?? pairs
            var index = 0
            var found = except == nil
            var keyEvent = try next()
            while keyEvent.type != YAML_MAPPING_END_EVENT {
                guard keyEvent.type == YAML_SCALAR_EVENT, anchor == nil else { return nil }
                if text == "<<" && keyEvent.scalarStyle == YAML_PLAIN_SCALAR_STYLE { return nil }
                _ = try scalarTag(tag, text: text, at: keyEvent.start)
                if let except, text == except.key {
                    guard !found, try match(except.events) else { return false }
                    found = true
                } else {
                    guard index < kept.count, kept[index].key == text else { return false }
                    guard let same = try same(try next(), as: kept[index].value) else { return nil }
                    guard same else { return false }
                    index += 1
                }
                keyEvent = try next()
            }
            return found && index == kept.count
        default:
            return false
        }
    }

    mutating func readNode(_ event: Event) throws(Diagnostic) -> YAMLNode {
        nodeCount += 1
        switch event.type {
        case YAML_ALIAS_EVENT:
            return try readAlias(event)
        case YAML_SCALAR_EVENT:
            let node = YAMLNode(
                .scalar(YAMLScalar(text: text, style: style(event.scalarStyle), coreTag: try scalarTag(tag, text: text, at: event.start))),
                start: location(event.start), end: location(event.end))
            try remember(anchor: anchor, node: node, count: 1)
            return node
        case YAML_SEQUENCE_START_EVENT:
            try collectionTag(tag, .seq, at: event.start)
            let anchor = self.anchor  // before the items' events replace it
            let countBefore = nodeCount
            try enter(at: event.start)
            var items: [YAMLNode] = []
            // Each event is a `let` of one turn of the loop, read and dropped there: an event
            // variable carried from turn to turn was copied and destroyed several times a turn.
            var end: yaml_mark_t
            while true {
                let child = try next()
                if child.type == YAML_SEQUENCE_END_EVENT {
                    end = child.end
                    break
                }
                items.append(try readNode(child))
            }
            depth -= 1
            let node = YAMLNode(.sequence(items), start: location(event.start), end: location(end), isFlow: event.isFlow)
            try remember(anchor: anchor, node: node, count: nodeCount - countBefore + 1)
            return node
        case YAML_MAPPING_START_EVENT:
            try collectionTag(tag, .map, at: event.start)
            let anchor = self.anchor  // before the pairs' events replace it
            let countBefore = nodeCount
            try enter(at: event.start)
            let (pairs, end) = try readPairs(isFlow: event.isFlow)
            depth -= 1
            let node = YAMLNode(.mapping(pairs), start: location(event.start), end: location(end), isFlow: event.isFlow)
            try remember(anchor: anchor, node: node, count: nodeCount - countBefore + 1)
            return node
        default:
            throw error(.unexpectedEvent, at: event.start)
        }
    }

    /// Reads a mapping's pairs up to its end, checking key types and duplicates and applying `<<`
    /// merges; returns them with where the mapping ends.
    mutating func readPairs(isFlow: Bool) throws(Diagnostic) -> ([YAMLPair], yaml_mark_t) {
        var pairs: [YAMLPair] = []
        // A step's two keys (action, parameters) in one allocation rather than two; a flow mapping
        // (`{command: make}`) most often has one. No more: unused room stays allocated for as long
        // as the document is kept.
        pairs.reserveCapacity(isFlow ? 1 : 2)
        // Keys are found by a scan while a mapping is small (most are), by a table once it is not.
        // (Plain code rather than local functions: those would box `pairs` and `table` on the heap.)
        var table: [String: Int]?
        var merged: [YAMLPair] = []
        var end: yaml_mark_t
        while true {
            let keyEvent = try next()
            if keyEvent.type == YAML_MAPPING_END_EVENT {
                end = keyEvent.end
                break
            }
            nodeCount += 1
            let key = try readKey(keyEvent)
            let keyStart = location(keyEvent.start)
            let isMerge = key == "<<" && keyEvent.type == YAML_SCALAR_EVENT && keyEvent.scalarStyle == YAML_PLAIN_SCALAR_STYLE && tag == nil
            let value: YAMLNode
            if depth == 1, matched == nil, let expectation, key == expectation.key, !isMerge {
                matched = try match(expectation.events)
                value = YAMLNode(.scalar(YAMLScalar(text: "", style: .plain)), start: keyStart, end: keyStart)
            } else {
                value = try readNode(try next())
            }
            if isMerge {
                merged += try mergeSources(value)
            } else {
                let existing = table.map { $0[key] } ?? pairs.firstIndex { $0.key == key }
                if let existing {
                    let first = pairs[existing].keyStart
                    problems.append(Diagnostic.error(YAMLProblem.duplicateKey(key: key, first: first), in: file, at: keyStart))
                    continue
                }
                pairs.append(YAMLPair(key: key, keyStart: keyStart, value: consume value))
                Self.index(&table, pairs)
            }
        }
        for pair in merged {
            let existing = table.map { $0[pair.key] } ?? pairs.firstIndex { $0.key == pair.key }
            if existing == nil {
                pairs.append(pair)
                Self.index(&table, pairs)
            }
        }
        return (pairs, end)
    }

    /// The text of the mapping key whose event is `event`: a scalar, whose anchor is remembered at
    /// once (so that the key's own value may be its alias: `&m message: *m`), or an alias of one.
    /// A mapping or a list as a key is an error.
    mutating func readKey(_ event: Event) throws(Diagnostic) -> String {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let coreTag = try scalarTag(tag, text: text, at: event.start)
            if let anchor {
                let scalar = YAMLScalar(text: text, style: style(event.scalarStyle), coreTag: coreTag)
                try remember(anchor: anchor, node: YAMLNode(.scalar(scalar), start: location(event.start), end: location(event.end)), count: 1)
            }
            return text
        case YAML_ALIAS_EVENT:
            let node = try readAlias(event)
            guard let scalar = node.scalar else {
                throw error(.nonStringKey(found: "an alias of \(node.kindDescription)"), at: event.start)
            }
            return scalar.text
        default:
            let start = location(event.start)
            if event.type == YAML_MAPPING_START_EVENT, let unquoted = SourceScan.unquotedTemplate(in: file, keyAt: start.offset) { throw unquoted }
            throw Diagnostic.error(YAMLProblem.nonStringKey(found: event.type == YAML_MAPPING_START_EVENT ? "a mapping" : "a list"), in: file, at: start)
        }
    }

    /// Keeps `table` in step with `pairs` after an append; starts it once a mapping passes 16 keys.
    static func index(_ table: inout [String: Int]?, _ pairs: [YAMLPair]) {
        if table != nil {
            table?[pairs[pairs.count - 1].key] = pairs.count - 1
        } else if pairs.count > 16 {
            table = Dictionary(pairs.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    func mergeSources(_ value: YAMLNode) throws(Diagnostic) -> [YAMLPair] {
        if let pairs = value.pairs { return pairs }
        if let items = value.items {
            var result: [YAMLPair] = []
            for item in items {
                guard let pairs = item.pairs else {
                    throw Diagnostic.error(YAMLProblem.mergeKey(found: nil), in: file, at: item.start)
                }
                result += pairs.filter { pair in !result.contains { $0.key == pair.key } }
            }
            return result
        }
        throw Diagnostic.error(YAMLProblem.mergeKey(found: value.kindDescription), in: file, at: value.start)
    }

    /// Reads one node's events, comparing each with `expected` in turn; true when all of them, and
    /// no more, match. The whole node is read either way, so reading can go on after it.
    mutating func match(_ expected: [ExpectedYAMLEvent]) throws(Diagnostic) -> Bool {
        var index = 0
        var level = 0
        var matches = true
        repeat {
            var raw = yaml_event_t()
            guard yaml_parser_parse(parser, &raw) == 1 else { throw parserError() }
            defer { yaml_event_delete(&raw) }
            switch raw.type {
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT: level += 1
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT: level -= 1
            case YAML_STREAM_END_EVENT, YAML_DOCUMENT_END_EVENT: return false
            default: break
            }
            if matches {
                matches = index < expected.count && Self.event(raw, matches: expected[index])
            }
            index += 1
        } while level > 0
        return matches && index == expected.count
    }

    /// Whether one libyaml event is the expected one (untagged, unanchored, block style).
    static func event(_ raw: yaml_event_t, matches expected: ExpectedYAMLEvent) -> Bool {
        switch (raw.type, expected) {
        case (YAML_MAPPING_START_EVENT, .mappingStart):
            let data = raw.data.mapping_start
            return data.anchor == nil && data.tag == nil && data.style != YAML_FLOW_MAPPING_STYLE
        case (YAML_MAPPING_START_EVENT, .flowMappingStart):
            let data = raw.data.mapping_start
            return data.anchor == nil && data.tag == nil && data.style == YAML_FLOW_MAPPING_STYLE
        case (YAML_MAPPING_END_EVENT, .mappingEnd):
            return true
        case (YAML_SCALAR_EVENT, _):
            let scalar = raw.data.scalar
            guard scalar.anchor == nil, scalar.tag == nil else { return false }
            let text = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            switch expected {
            case .plain(let value):
                return scalar.style == YAML_PLAIN_SCALAR_STYLE && Self.bytes(of: value, equal: text)
            case .doubleQuoted(let value):
                return scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE && Self.bytes(of: value, equal: text)
            case .integer(let value):
                return scalar.style == YAML_PLAIN_SCALAR_STYLE && Self.digits(text, are: value)
            case .mappingStart, .flowMappingStart, .mappingEnd:
                return false
            }
        default:
            return false
        }
    }

    /// Whether `value`'s UTF-8 bytes are `text`, compared in place when the string stores them
    /// contiguously (stepping through the UTF-8 view costs several times more).
    static func bytes(of value: String, equal text: UnsafeBufferPointer<UInt8>) -> Bool {
        value.utf8.withContiguousStorageIfAvailable { $0.count == text.count && $0.elementsEqual(text) }
            ?? value.utf8.elementsEqual(text)
    }

    /// Whether `text` is `value` in plain decimal digits (no sign, no leading zero).
    static func digits(_ text: UnsafeBufferPointer<UInt8>, are value: Int) -> Bool {
        guard value >= 0, !text.isEmpty, text.count <= 19, text.count == 1 || text[0] != UInt8(ascii: "0") else { return false }
        var number = 0
        for byte in text {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return number == value
    }

    mutating func readAlias(_ event: Event) throws(Diagnostic) -> YAMLNode {
        let name = anchor ?? ""
        guard let anchored = anchors[name] else {
            throw error(.unknownAlias(name: name), at: event.start)
        }
        nodeCount += anchored.count - 1
        aliasNodes += anchored.count
        if aliasNodes > limits.maxNodes {
            throw error(.aliasExpansion(limit: limits.maxNodes), at: event.start)
        }
        return anchored.node
    }

    mutating func enter(at mark: yaml_mark_t) throws(Diagnostic) {
        depth += 1
        if depth > limits.maxDepth {
            throw error(.nestingTooDeep(limit: limits.maxDepth), at: mark)
        }
    }

    mutating func remember(anchor: String?, node: YAMLNode, count: Int) throws(Diagnostic) {
        guard let anchor else { return }
        anchors[anchor] = (node, count)
    }

    /// A scalar's core-schema tag, checked against its text (``YAMLScalar/CoreTag``); any other
    /// tag, or one the text does not fit, is an error at the tag.
    mutating func scalarTag(_ tag: String?, text: String, at mark: yaml_mark_t) throws(Diagnostic) -> YAMLScalar.CoreTag? {
        guard let name = tag else { return nil }
        let core = try coreTag(name, at: mark)
        if let expected = core.misfit(text) {
            throw error(.tagMismatch(expected: expected, tag: YAMLScalar.CoreTag.shown(name), found: QuotedName.shown(text.excerpt(40))), at: mark)
        }
        return core
    }

    /// Checks the tag of a mapping (`kind` `.map`) or a sequence (`.seq`): none, `!`, or `kind`'s own.
    mutating func collectionTag(_ tag: String?, _ kind: YAMLScalar.CoreTag, at mark: yaml_mark_t) throws(Diagnostic) {
        guard let name = tag, name != "!" else { return }
        let core = try coreTag(name, at: mark)
        guard core == kind else {
            let expected = core == .map ? "a mapping" : core == .seq ? "a list" : "a scalar"
            throw error(.tagMismatch(expected: expected, tag: YAMLScalar.CoreTag.shown(name), found: kind == .map ? "a mapping" : "a list"), at: mark)
        }
    }

    /// The core-schema tag `name` stands for; any other tag is an error.
    mutating func coreTag(_ name: String, at mark: yaml_mark_t) throws(Diagnostic) -> YAMLScalar.CoreTag {
        if let core = YAMLScalar.CoreTag.named(name) { return core }
        throw error(.tagNotAllowed(tag: YAMLScalar.CoreTag.shown(name)), at: mark)
    }

    func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    mutating func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: mark.line + 1, column: mark.column + 1, offset: marks.byteOffset(ofCharacter: mark.index))
    }

    mutating func error(_ problem: YAMLProblem, at mark: yaml_mark_t) -> Diagnostic {
        .error(problem, in: file, at: location(mark))
    }

    /// A file without a value: empty or blank (at 1:1), comments only (at the first comment), or
    /// a document marker `---` with nothing after it (at the first marker or comment), always on
    /// a line of the file. What the file should have held is for the caller to say.
    func emptyDocument() -> Diagnostic {
        guard let first = SourceScan.firstContent(file.bytes) else {
            return .error(YAMLProblem.emptyFile, in: file, at: SourceLocation(line: 1, column: 1, offset: 0))
        }
        return .error(SourceScan.holdsOnlyComments(file.bytes) ? YAMLProblem.onlyComments : .emptyDocument, in: file, at: file.location(ofByte: first))
    }

    /// libyaml's own message for a syntax error, at its problem mark, unless the file holds git
    /// conflict markers (then they are the problem) or the error comes from a quote never closed
    /// (then it is at the quote: ``SourceScan/unclosedQuote(in:scanning:lastQuoted:problem:libyaml:)``).
    mutating func parserError() -> Diagnostic {
        if let conflict = SourceScan.conflictMarkers(in: file) { return conflict }
        let raw = parser.pointee
        let problemOffset = marks.byteOffset(ofCharacter: raw.problem_mark.index)
        let message = YAMLProblem.libyamlText(
            problem: raw.problem.map { String(cString: $0) }, context: raw.context.map { String(cString: $0) },
            tabIndentation: problemOffset < file.bytes.count && file.bytes[problemOffset] == UInt8(ascii: "\t"))
        if raw.error == YAML_READER_ERROR {
            return .error(YAMLProblem.libyaml(stage: .reader, message: message), in: file, at: file.location(ofByte: raw.problem_offset))
        }
        let problem = location(raw.problem_mark)
        let scanning = raw.context == nil ? nil : location(raw.context_mark)
        let quoted = lastQuoted.map { (location($0.start), location($0.end)) }
        if let unclosed = SourceScan.unclosedQuote(in: file, scanning: scanning, lastQuoted: quoted, problem: problem, libyaml: message) {
            return unclosed
        }
        let stage: YAMLProblem.LibyamlStage =
            switch raw.error {
            case YAML_SCANNER_ERROR: .scanner
            case YAML_PARSER_ERROR: .parser
            default: .other
            }
        return .error(YAMLProblem.libyaml(stage: stage, message: message), in: file, at: SourceScan.inside(problem, of: file))
    }
}

/// Converts libyaml's character indexes (which skip a byte-order mark) to byte offsets, walking the
/// UTF-8 bytes from the last position asked for, so a whole document costs one pass.
private struct MarkConverter {
    let bytes: [UInt8]
    let base: Int
    var character = 0
    var offset: Int

    /// When every byte after the byte-order mark is ASCII, characters and bytes correspond one to one.
    let isASCII: Bool

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.base = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.offset = base
        self.isASCII = bytes.withUnsafeBufferPointer { [base] in Encoding.endOfASCII($0, from: base) == $0.count }
    }

    mutating func byteOffset(ofCharacter index: Int) -> Int {
        if isASCII { return min(base + index, bytes.count) }
        while character < index, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            character += 1
        }
        while character > index, offset > base {
            offset -= 1
            while offset > base, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            character -= 1
        }
        return offset
    }
}
