@testable import ProcrunText
import Testing

@testable import ProcrunKit

@Suite("YAML parser")
struct YAMLParserTests {
    func parse(_ text: String) throws(Diagnostic) -> YAMLNode {
        try YAMLParser.read(text)
    }

    func parseBytes(_ bytes: [UInt8]) throws(Diagnostic) -> YAMLNode {
        try YAMLParser(file: SourceFile(path: "t.yaml", bytes: bytes)).parse()
    }

    func error(_ text: String) -> Diagnostic? {
        YAMLParser.problem(in: text)
    }

    @Test("scalars keep their text: no YAML 1.1 booleans, octals or sexagesimals")
    func scalarsStayText() throws {
        let root = try parse("a: NO\nb: on\nc: yes\nd: 1.10\ne: 0755\nf: 12:30\ng: 'quoted'\n")
        let texts = root.pairs?.map { $0.value.scalar?.text }
        #expect(texts == ["NO", "on", "yes", "1.10", "0755", "12:30", "quoted"])
        #expect(root["g"]?.scalar?.style == .singleQuoted)
        #expect(root["a"]?.scalar?.style == .plain)
    }

    @Test("positions are 1-based lines and columns, with byte offsets")
    func positions() throws {
        let root = try parse("name: x\nsteps:\n  - action: log\n")
        let step = try #require(root["steps"]?.items?.first)
        #expect(step.start.line == 3)
        #expect(step.start.column == 5)
        let action = try #require(step["action"])
        #expect(action.start == SourceLocation(line: 3, column: 13, offset: 27))
    }

    @Test("byte offsets account for multi-byte text and a byte-order mark")
    func offsetsWithMultibyteAndBOM() throws {
        let text = "déjà: vu\nkey: value\n"
        let root = try parseBytes([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let value = try #require(root["key"])
        #expect(value.start.line == 2)
        #expect(value.start.column == 6)
        let bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        #expect(String(decoding: bytes[value.start.offset..<value.end.offset], as: UTF8.self) == "value")
        let first = try #require(root["déjà"])
        #expect(String(decoding: bytes[first.start.offset..<first.end.offset], as: UTF8.self) == "vu")
        #expect(first.start.column == 7)
    }

    @Test("a duplicate key is an error at its second occurrence")
    func duplicateKey() throws {
        let problem = try #require(error("a: 1\nb: 2\na: 3\n"))
        #expect(problem.location?.line == 3)
        #expect(problem.location?.column == 1)
        #expect(problem.message == "duplicate key 'a' (first defined at line 1, column 1)")
    }

    @Test("merge keys bring in an anchored mapping; written keys win")
    func mergeKeys() throws {
        let root = try parse("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n")
        let use = try #require(root["use"])
        #expect(use["x"]?.scalar?.text == "1")
        #expect(use["y"]?.scalar?.text == "3")
    }

    @Test("aliases that expand past the node cap are refused")
    func aliasBomb() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let problem = try #require(error(text))
        #expect(problem.message.contains("more than 100000 nodes"))
        // e = 10 × d = 111111 nodes: the first line past the cap.
        #expect(problem.location?.line == 5)
    }

    @Test("nesting deeper than 64 levels is refused")
    func deepNesting() throws {
        let problem = try #require(error(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)))
        #expect(problem.message == "nesting is deeper than 64 levels")
        #expect(problem.location?.column == 65)
        #expect(throws: Never.self) { try parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) }
    }

    @Test("tags other than the core schema's are refused (more in YAMLScalarCoreTagTests)")
    func tags() throws {
        let problem = try #require(error("a: !!python/object:os.system {}\n"))
        #expect(problem.message.hasPrefix("tag '!!python/object:os.system' is not allowed"))
        #expect(try parse("a: !!str 12\n")["a"]?.scalar?.tag == "str")
    }

    @Test("a second document is refused")
    func twoDocuments() throws {
        let problem = try #require(error("a: 1\n---\nb: 2\n"))
        #expect(problem.location?.line == 2)
    }

    @Test("invalid UTF-8 is reported at its line and column")
    func invalidUTF8() throws {
        do {
            _ = try parseBytes(Array("a: b\nc: caf".utf8) + [0xE9] + Array(" x\n".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.location?.line == 2)
            #expect(error.location?.column == 7)
            #expect(error.message.hasPrefix("invalid UTF-8 byte 0xE9"))
        }
    }

    @Test("the first invalid byte is found wherever it falls in the eight-byte steps of the scan")
    func invalidUTF8AtEveryOffset() {
        for offset in 0..<20 {
            var bytes = Array(("k: " + String(repeating: "a", count: 20) + " é\n").utf8)
            bytes[3 + offset] = 0xFF
            #expect(Encoding.firstInvalidUTF8(bytes) == 3 + offset)
        }
        #expect(Encoding.firstInvalidUTF8(Array("k: café, naïve, 日本\n".utf8)) == nil)
        #expect(Encoding.firstInvalidUTF8(Array("0123456789abcdef".utf8) + [0xC3]) == 16)
    }

    @Test("UTF-16 files are refused")
    func utf16() throws {
        do {
            _ = try parseBytes([0xFF, 0xFE, 0x61, 0x00])
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("must be UTF-8"))
        }
    }

    @Test("libyaml's syntax errors keep its message and position")
    func syntaxError() throws {
        let problem = try #require(error("a: b: c\n"))
        #expect(problem.id == .yamlSyntax)
        #expect(problem.message == "syntax: mapping values are not allowed in this context")
        #expect((problem.location?.line, problem.location?.column) == (1, 5))
        // At the end of the stream: on the last line, not past it.
        let atEnd = try #require(error("a: [1, 2\n\n"))
        #expect((atEnd.location?.line, atEnd.location?.column) == (1, 9))
    }

    @Test("an anchor on a key is known to the key's own value and to later ones")
    func anchoredKeys() throws {
        let root = try parse("step: {&m message: *m}\nother: *m\n")
        #expect(root["step"]?["message"]?.scalar?.text == "message")
        #expect(root["other"]?.scalar?.text == "message")
    }

    @Test("an alias of a string may be a key; an alias of a mapping or a list may not")
    func aliasKeys() throws {
        let root = try parse("name: &n deploy\nby name:\n  *n : yes\n")
        #expect(root["by name"]?["deploy"]?.scalar?.text == "yes")
        let mapping = try #require(error("a: &a {x: 1}\nb:\n  *a : x\n"))
        #expect(mapping.id == .nonStringKey)
        #expect(mapping.message == "mapping keys must be strings, found an alias of a mapping")
        #expect(error("b:\n  *nowhere : x\n")?.id == .unknownAlias)
    }

    @Test("a mapping or a list as a key is refused, named with one article", arguments: [
        ("? [a]\n: b\n", "mapping keys must be strings, found a list"),
        ("? {a: 1}\n: b\n", "mapping keys must be strings, found a mapping"),
        ("a: &a [1]\n*a : b\n", "mapping keys must be strings, found an alias of a list"),
    ])
    func collectionKeys(text: String, message: String) throws {
        let problem = try #require(error(text))
        #expect(problem.id == .nonStringKey)
        #expect(problem.message == message)
    }

    @Test("a file without a value is reported on a line of the file", arguments: [
        ("", "the file is empty", 1, 1),
        ("\n\n   \n", "the file is empty", 1, 1),
        ("# one\n# two\n", "the file holds only comments", 1, 1),
        ("\n  # later\n\n", "the file holds only comments", 2, 3),
        ("---\n", "the document is empty", 1, 1),
        ("# c\n---\n# d\n\n", "the document is empty", 1, 1),
        ("%YAML 1.1\n---\n", "the document is empty", 1, 1),
        ("\u{FEFF}--- # nothing\n", "the document is empty", 1, 1),
    ])
    func noValue(text: String, message: String, line: Int, column: Int) throws {
        let problem = try #require(error(text))
        #expect(problem.id == .emptyDocument)
        #expect(problem.message == message)
        #expect((problem.location?.line, problem.location?.column) == (line, column))
    }

    @Test("a document of one empty value that says so (tagged, anchored, quoted) is read")
    func explicitEmptyValues() throws {
        #expect(try parse("--- !!str\n").scalar?.text == "")
        #expect(try parse("--- ''\n").scalar?.style == .singleQuoted)
        #expect(try parse("--- &a\n").scalar?.isNull == true)
    }

    @Test("template offsets map to file positions in plain, quoted and literal scalars")
    func textLocations() throws {
        let text = "a: hello {{ x }}\nb: \"say {{ y }}\"\nc: |\n  one\n  two {{ z }}\n"
        let file = SourceFile(path: "t.yaml", text: text)
        let root = try YAMLParser(file: file).parse()
        let a = try #require(root["a"]).location(ofTextOffset: 6, in: file)
        #expect((a.line, a.column) == (1, 10))
        let b = try #require(root["b"]).location(ofTextOffset: 4, in: file)
        #expect((b.line, b.column) == (2, 9))
        let c = try #require(root["c"]).location(ofTextOffset: 8, in: file)
        #expect((c.line, c.column) == (5, 7))
        #expect(Array(file.bytes)[c.offset] == UInt8(ascii: "{"))
    }

    @Test("template offsets in a tagged or anchored scalar count from its text, not from the tag")
    func textLocationsAfterProperties() throws {
        let file = SourceFile(path: "t.yaml", text: "a: !!str \"say {{ y }}\"\nb: &x !!str say {{ z }}\n")
        let root = try YAMLParser(file: file).parse()
        let a = try #require(root["a"]).location(ofTextOffset: 4, in: file)
        #expect((a.line, a.column) == (1, 15))
        let b = try #require(root["b"]).location(ofTextOffset: 4, in: file)
        #expect((b.line, b.column) == (2, 17))
        #expect(Array(file.bytes)[b.offset] == UInt8(ascii: "{"))
    }
}
