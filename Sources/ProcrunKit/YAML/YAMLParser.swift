import CYAML

/// Reads one YAML document into ``YAMLNode``s through libyaml's event API.
///
/// This is the only file that meets libyaml. Every mark libyaml reports is converted here, once,
/// into a ``SourceLocation``: libyaml counts characters and leaves out a byte-order mark, while
/// procrun needs byte offsets to splice files, so the conversion walks the UTF-8 bytes alongside.
public struct YAMLParser {
    /// The file being read.
    public let file: SourceFile
    /// The bounds enforced while reading.
    public let limits: YAMLLimits

    /// Creates a parser for a file.
    public init(file: SourceFile, limits: YAMLLimits = .standard) {
        self.file = file
        self.limits = limits
    }

    /// Parses the file's single document. Throws a ``Diagnostic`` at the first problem.
    public func parse() throws(Diagnostic) -> YAMLNode {
        try Encoding.check(file, limits: limits)
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw Diagnostic(.error, "could not start the YAML parser (out of memory)", path: file.path)
        }
        defer { yaml_parser_delete(parser) }
        return try file.bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> YAMLNode in
            // No yaml_parser_set_encoding: libyaml's own detection skips a UTF-8 byte-order mark
            // without counting it, while a forced encoding reads it as a character of line 1.
            // Encoding.check has already refused anything but UTF-8.
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var reader = EventReader(parser: parser, file: file, limits: limits)
            return try reader.readDocument()
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
    var nodeCount = 0
    var depth = 0

    init(parser: UnsafeMutablePointer<yaml_parser_t>, file: SourceFile, limits: YAMLLimits) {
        self.parser = parser
        self.file = file
        self.limits = limits
        self.marks = MarkConverter(bytes: file.bytes)
    }

    /// One event, freed when it goes out of scope.
    final class Event {
        var raw = yaml_event_t()
        deinit { yaml_event_delete(&raw) }
        var type: yaml_event_type_t { raw.type }
    }

    mutating func next() throws(Diagnostic) -> Event {
        let event = Event()
        guard yaml_parser_parse(parser, &event.raw) == 1 else { throw parserError() }
        return event
    }

    mutating func readDocument() throws(Diagnostic) -> YAMLNode {
        var event = try next()
        if event.type == YAML_STREAM_START_EVENT { event = try next() }
        guard event.type == YAML_DOCUMENT_START_EVENT else {
            throw Diagnostic.error("the file is empty; expected a procedure (a mapping with 'name' and 'steps')", in: file, at: nil)
        }
        let root = try readNode(try next())
        let end = try next()
        guard end.type == YAML_DOCUMENT_END_EVENT else { throw error("expected the end of the document", end) }
        let after = try next()
        if after.type == YAML_DOCUMENT_START_EVENT {
            throw error("a procedure file holds one YAML document; found a second one", after)
        }
        return root
    }

    mutating func readNode(_ event: Event) throws(Diagnostic) -> YAMLNode {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            throw error("the document has more than \(limits.maxNodes) nodes", event)
        }
        switch event.type {
        case YAML_ALIAS_EVENT:
            return try readAlias(event)
        case YAML_SCALAR_EVENT:
            let scalar = event.raw.data.scalar
            let node = YAMLNode(
                .scalar(YAMLScalar(text: text(scalar.value, length: scalar.length), style: style(scalar.style), tag: try coreTag(scalar.tag, event))),
                start: location(event.raw.start_mark), end: location(event.raw.end_mark))
            try remember(anchor: scalar.anchor, node: node, count: 1)
            return node
        case YAML_SEQUENCE_START_EVENT:
            let data = event.raw.data.sequence_start
            _ = try coreTag(data.tag, event)
            let countBefore = nodeCount
            try enter(event)
            var items: [YAMLNode] = []
            var child = try next()
            while child.type != YAML_SEQUENCE_END_EVENT {
                items.append(try readNode(child))
                child = try next()
            }
            depth -= 1
            let node = YAMLNode(
                .sequence(items), start: location(event.raw.start_mark), end: location(child.raw.end_mark),
                isFlow: data.style == YAML_FLOW_SEQUENCE_STYLE)
            try remember(anchor: data.anchor, node: node, count: nodeCount - countBefore + 1)
            return node
        case YAML_MAPPING_START_EVENT:
            let data = event.raw.data.mapping_start
            _ = try coreTag(data.tag, event)
            let countBefore = nodeCount
            try enter(event)
            let (pairs, endEvent) = try readPairs()
            depth -= 1
            let node = YAMLNode(
                .mapping(pairs), start: location(event.raw.start_mark), end: location(endEvent.raw.end_mark),
                isFlow: data.style == YAML_FLOW_MAPPING_STYLE)
            try remember(anchor: data.anchor, node: node, count: nodeCount - countBefore + 1)
            return node
        default:
            throw error("unexpected YAML event", event)
        }
    }

    /// Reads a mapping's pairs up to its end, checking key types and duplicates and applying `<<` merges.
    mutating func readPairs() throws(Diagnostic) -> ([YAMLPair], Event) {
        var pairs: [YAMLPair] = []
        var seen: [String: SourceLocation] = [:]
        var merged: [YAMLPair] = []
        var keyEvent = try next()
        while keyEvent.type != YAML_MAPPING_END_EVENT {
            guard keyEvent.type == YAML_SCALAR_EVENT else {
                throw error("mapping keys must be plain strings, found a \(keyEvent.type == YAML_ALIAS_EVENT ? "an alias" : "collection")", keyEvent)
            }
            let keyStart = location(keyEvent.raw.start_mark)
            let keyData = keyEvent.raw.data.scalar
            let key = text(keyData.value, length: keyData.length)
            let isMerge = key == "<<" && keyData.style == YAML_PLAIN_SCALAR_STYLE
            nodeCount += 1
            let value = try readNode(try next())
            if isMerge {
                merged += try mergeSources(value)
            } else {
                if let first = seen[key] {
                    throw Diagnostic.error(
                        "duplicate key '\(key)' (first defined at line \(first.line), column \(first.column))",
                        in: file, at: keyStart)
                }
                seen[key] = keyStart
                pairs.append(YAMLPair(key: key, keyStart: keyStart, value: value))
            }
            keyEvent = try next()
        }
        for pair in merged where seen[pair.key] == nil {
            seen[pair.key] = pair.keyStart
            pairs.append(pair)
        }
        return (pairs, keyEvent)
    }

    func mergeSources(_ value: YAMLNode) throws(Diagnostic) -> [YAMLPair] {
        if let pairs = value.pairs { return pairs }
        if let items = value.items {
            var result: [YAMLPair] = []
            for item in items {
                guard let pairs = item.pairs else {
                    throw Diagnostic.error("a merge key '<<' takes a mapping or a list of mappings", in: file, at: item.start)
                }
                result += pairs.filter { pair in !result.contains { $0.key == pair.key } }
            }
            return result
        }
        throw Diagnostic.error("a merge key '<<' takes a mapping or a list of mappings, found \(value.kindDescription)", in: file, at: value.start)
    }

    mutating func readAlias(_ event: Event) throws(Diagnostic) -> YAMLNode {
        let name = String(cString: event.raw.data.alias.anchor)
        guard let anchored = anchors[name] else {
            throw error("unknown alias '*\(name)'", event)
        }
        nodeCount += anchored.count - 1
        if nodeCount > limits.maxNodes {
            throw error("aliases expand this document to more than \(limits.maxNodes) nodes", event)
        }
        return anchored.node
    }

    mutating func enter(_ event: Event) throws(Diagnostic) {
        depth += 1
        if depth > limits.maxDepth {
            throw error("nesting is deeper than \(limits.maxDepth) levels", event)
        }
    }

    mutating func remember(anchor: UnsafeMutablePointer<yaml_char_t>?, node: YAMLNode, count: Int) throws(Diagnostic) {
        guard let anchor else { return }
        anchors[String(cString: anchor)] = (node, count)
    }

    /// The short name of an allowed core-schema tag; any other tag is an error.
    mutating func coreTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, _ event: Event) throws(Diagnostic) -> String? {
        guard let tag else { return nil }
        let name = String(cString: tag)
        if name == "!" { return nil }
        let prefix = "tag:yaml.org,2002:"
        if name.hasPrefix(prefix) {
            let short = String(name.dropFirst(prefix.count))
            if ["str", "int", "float", "bool", "null", "map", "seq"].contains(short) { return short }
        }
        let shown = name.hasPrefix(prefix) ? "!!" + name.dropFirst(prefix.count) : name
        throw error("tag '\(shown)' is not allowed; procrun accepts only the core tags !!str, !!int, !!float, !!bool, !!null, !!map and !!seq", event)
    }

    func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
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

    mutating func error(_ message: String, _ event: Event) -> Diagnostic {
        .error(message, in: file, at: location(event.raw.start_mark))
    }

    /// libyaml's own message for a syntax error, at its problem mark.
    mutating func parserError() -> Diagnostic {
        let raw = parser.pointee
        var message = raw.problem.map { String(cString: $0) } ?? "invalid YAML"
        var mark = raw.problem_mark
        if let context = raw.context.map({ String(cString: $0) }) {
            message += " " + context
            if message.contains("end of stream"), raw.context_mark.line != raw.problem_mark.line {
                message += " that starts here and is never closed"
                mark = raw.context_mark
            }
        }
        let problemOffset = marks.byteOffset(ofCharacter: raw.problem_mark.index)
        if problemOffset < file.bytes.count, file.bytes[problemOffset] == UInt8(ascii: "\t") {
            message += "; YAML does not allow tabs for indentation, use spaces"
        }
        switch raw.error {
        case YAML_SCANNER_ERROR: message = "syntax: " + message
        case YAML_PARSER_ERROR: message = "structure: " + message
        case YAML_READER_ERROR:
            return .error("invalid text: \(message)", in: file, at: file.location(ofByte: raw.problem_offset))
        default: break
        }
        return .error(message, in: file, at: location(mark))
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
        self.isASCII = bytes[base...].allSatisfy { $0 < 0x80 }
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
