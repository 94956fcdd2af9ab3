/// Every problem the YAML layer reports about a file (its bytes, libyaml's syntax errors, what
/// procrun refuses of YAML), with the data its message needs: ``described`` writes all of the
/// layer's messages and picks their ids, and the notes' texts follow it.
enum YAMLProblem: DiagnosticMessage {
    /// A file of `size` bytes, over the limit of `limit`.
    case fileTooLarge(size: Int, limit: Int)
    /// A file that starts with a UTF-16 or UTF-32 byte-order mark.
    case wideEncoding
    /// A byte that does not start a valid UTF-8 sequence.
    case invalidUTF8(byte: UInt8)
    /// A path that is not a regular file (`kind` says what it is: a FIFO, a folder).
    case notRegularFile(kind: String)
    /// A file that cannot be read, with the system's reason.
    case unreadable(reason: String)
    /// git's conflict markers, on the lines listed (the first twelve; `more` when there are others).
    case mergeConflict(lines: [Int], more: Bool)
    /// A quoted scalar whose closing quote is the opening quote of a later string (`quote` names
    /// it: "double quote"), at `line` and `column`.
    case unclosedQuoteClosedLater(quote: String, line: Int, column: Int)
    /// A quoted scalar still open at the end of the file.
    case unclosedQuoteAtEnd(quote: String)
    /// A quoted scalar still open at a document marker (`---`, `...`) at the start of `line`.
    case unclosedQuoteAtMarker(quote: String, marker: String, line: Int)
    /// libyaml could not be started.
    case parserNotStarted
    /// libyaml's error: `message` is its own text (``libyamlText(problem:context:tabIndentation:)``),
    /// `stage` which part of it found the problem.
    case libyaml(stage: LibyamlStage, message: String)
    /// A document that goes on where it should end.
    case expectedDocumentEnd
    /// A second document.
    case multipleDocuments
    /// An event libyaml should not give where it came.
    case unexpectedEvent
    /// A key given twice in a mapping; the first is at `first`.
    case duplicateKey(key: String, first: SourceLocation)
    /// A mapping key that is not a string: `found` says what it is ("a mapping", "an alias of a list").
    case nonStringKey(found: String)
    /// A template at the start of a value, unquoted, which YAML reads as a mapping: `written` is
    /// the value as it should be written (`message: "{{ inputs.x }}"`).
    case unquotedTemplate(written: String)
    /// A merge key `<<` whose value, or an item of whose list (`found` nil), is not a mapping.
    case mergeKey(found: String?)
    /// An alias with no anchor before it.
    case unknownAlias(name: String)
    /// Aliases that expand the document past `limit` nodes.
    case aliasExpansion(limit: Int)
    /// Nesting deeper than `limit` levels.
    case nestingTooDeep(limit: Int)
    /// A core tag on a value it does not fit: `expected` what it takes, `found` the value as shown.
    case tagMismatch(expected: String, tag: String, found: String)
    /// A tag other than the core schema's.
    case tagNotAllowed(tag: String)
    /// A file of no bytes but white space.
    case emptyFile
    /// A file of comments and blank lines only.
    case onlyComments
    /// A document marker with nothing after it.
    case emptyDocument

    /// The part of libyaml that found a syntax error.
    enum LibyamlStage {
        /// Its reader: the bytes are not text (`invalid text: ...`).
        case reader
        /// Its scanner: the tokens (`syntax: ...`).
        case scanner
        /// Its parser: the structure (`structure: ...`).
        case parser
        /// Any other: libyaml's message as it is.
        case other
    }

    var described: (id: Diagnostic.ID, message: String) {
        switch self {
        case .fileTooLarge(let size, let limit):
            (.fileTooLarge, "the file is \(size) bytes; procedure files are limited to \(limit) bytes")
        case .wideEncoding:
            (.invalidEncoding, "the file is UTF-16 or UTF-32 (it starts with that byte-order mark); procedure files must be UTF-8")
        case .invalidUTF8(let byte):
            (.invalidEncoding, "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true)); procedure files must be UTF-8")
        case .notRegularFile(let kind):
            (.unreadableFile, "expected a regular file, found \(kind)")
        case .unreadable(let reason):
            (.unreadableFile, reason)
        case .mergeConflict(let lines, let more):
            (
                .mergeConflict,
                "unresolved merge conflict markers (line\(lines.count == 1 && !more ? "" : "s") \(lines.map(String.init).joined(separator: ", "))\(more ? ", …" : ""))"
            )
        case .unclosedQuoteClosedLater(let quote, let line, let column):
            (
                .unclosedQuote,
                "syntax: the quoted scalar opened here is never closed: the \(quote) at line \(line), column \(column) closes it instead, taking in the lines between"
            )
        case .unclosedQuoteAtEnd(let quote):
            (.unclosedQuote, "syntax: the quoted scalar opened here is never closed: expected a closing \(quote), found the end of the file")
        case .unclosedQuoteAtMarker(let quote, let marker, let line):
            (.unclosedQuote, "syntax: the quoted scalar opened here is never closed: expected a closing \(quote), found the document marker '\(marker)' on line \(line)")
        case .parserNotStarted:
            (.yamlSyntax, "could not start the YAML parser (out of memory)")
        case .libyaml(let stage, let message):
            switch stage {
            case .reader: (.yamlSyntax, "invalid text: \(message)")
            case .scanner: (.yamlSyntax, "syntax: \(message)")
            case .parser: (.yamlSyntax, "structure: \(message)")
            case .other: (.yamlSyntax, message)
            }
        case .expectedDocumentEnd:
            (.yamlSyntax, "expected the end of the document")
        case .multipleDocuments:
            (.multipleDocuments, "expected one YAML document; found a second one")
        case .unexpectedEvent:
            (.yamlSyntax, "unexpected YAML event")
        case .duplicateKey(let key, let first):
            (.duplicateKey, "duplicate key '\(key)' (first defined at line \(first.line), column \(first.column))")
        case .nonStringKey(let found):
            (.nonStringKey, "mapping keys must be strings, found \(found)")
        case .unquotedTemplate(let written):
            (.nonStringKey, "a value that starts with '{{' must be quoted, or YAML reads it as a mapping: write '\(written)'")
        case .mergeKey(let found):
            (.mergeKey, "a merge key '<<' takes a mapping or a list of mappings" + (found.map { ", found \($0)" } ?? ""))
        case .unknownAlias(let name):
            (.unknownAlias, "unknown alias '*\(name)'")
        case .aliasExpansion(let limit):
            (.aliasExpansion, "aliases expand this document to more than \(limit) nodes")
        case .nestingTooDeep(let limit):
            (.nestingTooDeep, "nesting is deeper than \(limit) levels")
        case .tagMismatch(let expected, let tag, let found):
            (.tagMismatch, "expected \(expected) after tag '\(tag)', found \(found)")
        case .tagNotAllowed(let tag):
            (.tagNotAllowed, "tag '\(tag)' is not allowed; procrun accepts only the core tags !!str, !!int, !!float, !!bool, !!null, !!map and !!seq, and !")
        case .emptyFile:
            (.emptyDocument, "the file is empty")
        case .onlyComments:
            (.emptyDocument, "the file holds only comments")
        case .emptyDocument:
            (.emptyDocument, "the document is empty")
        }
    }

    /// libyaml's own text for a syntax error: its problem, the context it was in, and a word on
    /// tabs when the problem is at one.
    static func libyamlText(problem: String?, context: String?, tabIndentation: Bool) -> String {
        var message = problem ?? "invalid YAML"
        if let context { message += " " + context }
        if tabIndentation { message += "; YAML does not allow tabs for indentation, use spaces" }
        return message
    }

    /// The notes of a ``mergeConflict(lines:more:)`` in the file at `path`: the ways out.
    static func mergeConflictNotes(path: String) -> [Diagnostic.Note] {
        [
            "run 'procrun resolve \(path)' to merge the stats of both sides as procrun's merge driver does, or resolve the conflict by hand",
            "'procrun git-setup' installs that merge driver, so that git merges the stats of procedures by itself",
        ]
    }

    /// The note at the place libyaml stopped, after a quote closed by a later string's.
    static func libyamlStops(_ libyaml: String) -> String {
        "libyaml stops here: " + libyaml
    }

    /// The note at the end of a file in which a quote is never closed.
    static let fileEndsHere = "the file ends here"
}
