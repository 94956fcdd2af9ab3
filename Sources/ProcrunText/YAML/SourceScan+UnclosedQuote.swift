extension SourceScan {
    /// The error for a quoted scalar never closed, at its opening quote, when libyaml's syntax
    /// error comes from one; nil otherwise. Two shapes:
    ///
    /// - libyaml was `scanning` the quoted scalar opened there when it found the end of the file or
    ///   a document marker (`---`, `...`): it reports where it stopped, often many lines later;
    /// - the `lastQuoted` scalar it read ran over several lines, some of which look like YAML (a
    ///   `key:`, a `- ` item), and ended on the line of the `problem`: its closing quote was the
    ///   opening quote of a later string, and libyaml stumbles on what follows that string.
    ///
    /// `libyaml` is libyaml's message, kept in a note at the `problem`.
    static func unclosedQuote(
        in file: SourceFile, scanning: SourceLocation?, lastQuoted: (start: SourceLocation, end: SourceLocation)?, problem: SourceLocation,
        libyaml: String
    ) -> Diagnostic? {
        let bytes = file.bytes
        let stop = inside(problem, of: file)
        if let (start, end) = lastQuoted, end.line > start.line, problem.line == end.line || scanning?.line == end.line,
            let quote = bytes[min(start.offset, bytes.count)...].firstIndex(where: isQuote), quote < end.offset,
            (start.line + 1...end.line).contains(where: { looksLikeStructure(file.lineText($0) ?? "") })
        {
            let closing = end.advanced(byColumns: -1, bytes: -1)
            return .error(
                YAMLProblem.unclosedQuoteClosedLater(quote: shown(bytes[quote]), line: closing.line, column: closing.column), in: file,
                at: file.location(ofByte: quote), notes: [.at(stop, in: file, YAMLProblem.libyamlStops(libyaml))])
        }
        guard let scanning, scanning.offset < bytes.count, isQuote(bytes[scanning.offset]) else { return nil }
        let quote = shown(bytes[scanning.offset])
        if problem.offset >= bytes.count {
            let notes: [Diagnostic.Note] = stop.line == scanning.line ? [] : [.at(stop, in: file, YAMLProblem.fileEndsHere)]
            return .error(YAMLProblem.unclosedQuoteAtEnd(quote: quote), in: file, at: scanning, notes: notes)
        }
        let marker = bytes[problem.offset...].prefix(3)
        guard problem.column == 1, marker.elementsEqual("---".utf8) || marker.elementsEqual("...".utf8) else { return nil }
        return .error(
            YAMLProblem.unclosedQuoteAtMarker(quote: quote, marker: String(decoding: marker, as: UTF8.self), line: problem.line), in: file, at: scanning)
    }

    /// Whether a line reads as YAML's structure rather than text: a list item (`- `) or a key
    /// (`name:`, followed by a space or the end of the line).
    static func looksLikeStructure(_ line: String) -> Bool {
        let text = line.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if text.elementsEqual("-".utf8) || text.starts(with: "- ".utf8) { return true }
        let key = text.prefix { byte in
            byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || "_-./".utf8.contains(byte)
        }
        guard !key.isEmpty else { return false }
        let rest = text.dropFirst(key.count).drop { $0 == UInt8(ascii: " ") }
        return rest.first == UInt8(ascii: ":") && (rest.count == 1 || rest.dropFirst().first == UInt8(ascii: " "))
    }

    private static func isQuote(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static func shown(_ quote: UInt8) -> String {
        quote == UInt8(ascii: "'") ? "single quote" : "double quote"
    }
}
