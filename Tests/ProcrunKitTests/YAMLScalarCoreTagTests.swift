@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// Tags are honoured where they fit and refused, at the tag, where they do not; any tag but the
/// core schema's and `!` is refused.
@Suite("YAML tags")
struct YAMLScalarCoreTagTests {
    func parse(_ text: String) throws(Diagnostic) -> YAMLNode {
        try YAMLParser.read(text)
    }

    func error(_ text: String) -> Diagnostic? {
        YAMLParser.problem(in: text)
    }

    @Test("!!str, ! and !<tag:yaml.org,2002:str> all tag a scalar as text")
    func stringTags() throws {
        let root = try parse("a: !!str 12\nb: ! true\nc: !<tag:yaml.org,2002:str> 5\nd: !!str\n")
        #expect(root.pairs?.map { $0.value.scalar?.coreTag } == [.str, .str, .str, .str])
        #expect(root.pairs?.map { $0.value.scalar?.text } == ["12", "true", "5", ""])
        #expect(root["d"]?.scalar?.isNull == false)
        #expect(root["a"]?.scalar?.isReadable(as: .int) == false)
        #expect(root["b"]?.scalar?.isReadable(as: .bool) == false)
    }

    @Test("!!int, !!float, !!bool and !!null are kept when the text is written as procrun writes the type")
    func typedTags() throws {
        let root = try parse("a: !!int -12\nb: !!float 1.5\nc: !!float 3\nd: !!bool false\ne: !!null ~\nf: !!null\ng: !!int \"7\"\n")
        #expect(root.pairs?.map { $0.value.scalar?.coreTag } == [.int, .float, .float, .bool, .null, .null, .int])
        #expect(root["e"]?.scalar?.isNull == true)
        #expect(root["g"]?.scalar?.isReadable(as: .int) == true)
        #expect(root["c"]?.scalar?.isReadable(as: .int) == false)
    }

    @Test("a tag on a value that does not fit it is an error at the tag", arguments: [
        ("a: !!int abc\n", "expected an integer (decimal digits, an optional leading '-') after tag '!!int', found 'abc'"),
        ("a: !!int 0x1F\n", "expected an integer (decimal digits, an optional leading '-') after tag '!!int', found '0x1F'"),
        ("a: !!float .inf\n", "expected a decimal number after tag '!!float', found '.inf'"),
        ("a: !!bool yes\n", "expected true or false after tag '!!bool', found 'yes'"),
        ("a: !!null none\n", "expected nothing, '~' or null after tag '!!null', found 'none'"),
        ("a: !<tag:yaml.org,2002:int> x\n", "expected an integer (decimal digits, an optional leading '-') after tag '!!int', found 'x'"),
        ("a: !!map [x]\n", "expected a mapping after tag '!!map', found a list"),
        ("a: !!seq {x: 1}\n", "expected a list after tag '!!seq', found a mapping"),
        ("a: !!str {x: 1}\n", "expected a scalar after tag '!!str', found a mapping"),
        ("a: !!map x\n", "expected a mapping after tag '!!map', found 'x'"),
        ("a: !!seq\n", "expected a list after tag '!!seq', found ''"),
    ])
    func misfits(text: String, message: String) throws {
        let problem = try #require(error(text))
        #expect(problem.id == .tagMismatch)
        #expect(problem.message == message)
        #expect((problem.location?.line, problem.location?.column) == (1, 4))
    }

    @Test("the non-specific tag and the right core tags are accepted on collections")
    func collectionTags() throws {
        let root = try parse("a: !!map {x: 1}\nb: !!seq [1]\nc: ! {y: 2}\nd: ! [3]\n")
        #expect(root["a"]?["x"]?.scalar?.text == "1")
        #expect(root["d"]?.items?.count == 1)
    }

    @Test("keys take tags like values, and must fit them")
    func keyTags() throws {
        #expect(try parse("!!str 12: a\n")["12"]?.scalar?.text == "a")
        #expect(error("!!int twelve: a\n")?.id == .tagMismatch)
        #expect(error("!!python/name:os.system x: a\n")?.id == .tagNotAllowed)
    }

    @Test("tags other than the core schema's are refused, whatever they are on", arguments: [
        "a: !ruby/object x\n", "a: !!binary aGk=\n", "a: !!timestamp 2001-12-14\n", "a: !!set {x}\n", "a: !local {x: 1}\n",
        "%TAG !e! tag:example.com,2000:\n---\na: !e!thing x\n", "a: !<tag:example.com,2000:x> [1]\n",
    ])
    func unknownTags(text: String) throws {
        let problem = try #require(error(text))
        #expect(problem.id == .tagNotAllowed)
        #expect(problem.message.hasSuffix("is not allowed; procrun accepts only the core tags !!str, !!int, !!float, !!bool, !!null, !!map and !!seq, and !"))
    }

    @Test("the comparison of a rewritten file checks tags as reading does")
    func streamedComparison() throws {
        let original = try parse("name: x\nstats: {}\n")
        let file = SourceFile(path: "t.yaml", text: "name: !!int x\nstats: {}\n")
        #expect(throws: Diagnostic.self) { try YAMLParser(file: file).reads(as: original, except: "stats", expecting: []) }
    }
}
