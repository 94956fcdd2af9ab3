@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// The YAML test suite (github.com/yaml/yaml-test-suite, branch `data`: 402 cases, copied into
/// `Fixtures/yaml-test-suite.json` by `scripts/yaml-test-suite.py`). procrun reads every case
/// without crashing; a valid case reads as the suite's JSON says, or is refused for a reason
/// grammar.md gives or because libyaml cannot read it; an invalid one is refused, unless libyaml
/// reads it; and every error points at a line of the file.
@Suite("YAML test suite")
struct YAMLTestSuiteTests {
    /// One case of the suite.
    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var name: String
        var yaml: String
        /// The suite's JSON for the case (several values for several documents), when it has one.
        var json: String?
        /// Whether the case is invalid YAML.
        var isError: Bool

        var testDescription: String { "\(id) \(name)" }
    }

    static let cases: [Case] = {
        let path = FileSystem.directory(of: #filePath) + "/Fixtures/yaml-test-suite.json"
        guard let bytes = try? FileSystem.read(path), let root = try? JSONParser.parse(String(decoding: bytes, as: UTF8.self)),
            case .array(let entries)? = root["cases"]
        else { return [] }
        return entries.compactMap { entry in
            guard case .string(let id)? = entry["id"], case .string(let name)? = entry["name"], case .string(let yaml)? = entry["yaml"],
                case .boolean(let isError)? = entry["error"]
            else { return nil }
            var json: String?
            if case .string(let text)? = entry["json"] { json = text }
            return Case(id: id, name: name, yaml: yaml, json: json, isError: isError)
        }
    }()

    /// Valid YAML that libyaml 0.2.5 does not read (its own deviations from YAML 1.2: tabs as
    /// separation, `...` and directives between documents, flow keys over lines, `:` adjacent to a
    /// value, empty keys, block scalars indented less than their first line, ...). Each was
    /// checked against libyaml's bare event walk (`benchmarks/tools/yaml_walk.c`).
    static let libyamlRefuses: Set<String> = [
        "2JQS", "2LFX", "2SXE", "4ABK", "4MUZ/00", "4MUZ/01", "4MUZ/02", "58MP", "5MUD", "5T43", "6BCT", "6CA3", "6LVF", "6M2F",
        "7Z25", "8XYN", "96NN/00", "96NN/01", "9SA2", "A2M4", "BEC7", "CFD4", "DBG4", "DK3J", "DK95/00", "DK95/03", "DK95/04",
        "FP8R", "FRK4", "HM87/00", "HWV9", "K3WX", "M7A3", "MUS6/05", "MUS6/06", "NHX8", "NJ66", "NKF9", "Q5MG", "QT73", "R4YG",
        "S3PD", "SM9W/01", "UKK6/00", "UT92", "VJP3/01", "W4TN", "W5VH", "Y79Y/001", "Y79Y/010",
    ]

    /// Invalid YAML that libyaml 0.2.5 reads (comments without a space before them, a flow
    /// sequence indented too little, `-` as a plain scalar in a flow sequence, ...).
    static let libyamlAccepts: Set<String> = [
        "9C9N", "9JBA", "CVW2", "DK95/01", "G5U8", "QB6E", "S98Z", "SU5Z", "X4QW", "Y79Y/003", "YJV2",
    ]

    /// Valid cases procrun reads otherwise than the suite's JSON (YAML 1.2): in each, procrun reads
    /// exactly the events libyaml gives.
    static let readOtherwise: [String: String] = [
        "652Z": "libyaml reads `?foo` in a flow mapping as the explicit key `foo`",
        "HM87/01": "libyaml reads `[?x]` as a mapping of `x` to null",
        "JEF9/02": "libyaml drops a kept block scalar's last line of spaces",
        "L24T/01": "libyaml drops a literal's last line break after a line of spaces",
        "Y2GN": "libyaml ends an anchor name at `:`",
    ]

    /// Why procrun may refuse valid YAML (grammar.md, "Files and YAML").
    static let ownRules: Set<Diagnostic.ID> = [.multipleDocuments, .nonStringKey, .tagNotAllowed, .emptyDocument, .duplicateKey]

    @Test("all 402 cases are there")
    func complete() {
        #expect(Self.cases.count == 402)
    }

    @Test("each case is read as the suite says, or refused for a known reason at a line of the file", arguments: cases)
    func read(_ test: Case) throws {
        let file = SourceFile(path: "in.yaml", text: test.yaml)
        var problems: [Diagnostic] = []
        let root: YAMLNode
        do {
            root = try YAMLParser(file: file).parse(recovering: &problems)
        } catch {
            problems.insert(error, at: 0)
            return refused(test, problems, in: file)
        }
        if !problems.isEmpty { return refused(test, problems, in: file) }
        // The comparison that checks a rewritten file reads through other code: it must not crash either.
        _ = try? YAMLParser(file: file).reads(as: root, except: "stats", expecting: [])
        #expect(!test.isError || Self.libyamlAccepts.contains(test.id), "invalid YAML read without an error")
        #expect(test.isError || !Self.libyamlRefuses.contains(test.id), "listed as refused by libyaml, but read")
        guard !test.isError, let json = test.json, let expected = try? JSONParser.parse(json) else { return }
        if let reason = Self.readOtherwise[test.id] {
            #expect(!Self.same(root, expected), "listed as read otherwise (\(reason)), but read as the suite's JSON")
        } else {
            #expect(Self.same(root, expected), "read otherwise than the suite's JSON \(json)")
        }
    }

    private func refused(_ test: Case, _ problems: [Diagnostic], in file: SourceFile) {
        let lines = max(1, file.bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count - (file.bytes.last == UInt8(ascii: "\n") ? 1 : 0))
        for problem in problems {
            let line = problem.location?.line ?? 0
            #expect((1...lines).contains(line), "\(problem.message) at line \(line), outside the file's \(lines) lines")
        }
        let id = problems[0].id
        if test.isError {
            #expect(!Self.libyamlAccepts.contains(test.id), "listed as read by libyaml, but refused: \(problems[0].message)")
        } else if Self.libyamlRefuses.contains(test.id) {
            #expect(id == .yamlSyntax || id == .unclosedQuote, "listed as refused by libyaml, but refused with \(id): \(problems[0].message)")
        } else {
            #expect(Self.ownRules.contains(id), "valid YAML refused: \(id): \(problems[0].message)")
        }
    }

    /// Whether a node reads as a JSON value, a scalar's text resolved as YAML 1.2's core schema
    /// resolves it for the suite's JSON.
    static func same(_ node: YAMLNode, _ json: JSONValue) -> Bool {
        switch (node.content, json) {
        case (.scalar(let scalar), .string(let text)): return scalar.text == text
        case (.scalar(let scalar), .null): return scalar.isNull
        case (.scalar(let scalar), .boolean(let flag)): return scalar.text.lowercased() == (flag ? "true" : "false")
        case (.scalar(let scalar), .number(let value, _)): return number(scalar.text) == value
        case (.sequence(let items), .array(let values)):
            return items.count == values.count && zip(items, values).allSatisfy { same($0, $1) }
        case (.mapping(let pairs), .object(let members)):
            // A JSON object's members have no order (the suite's JSON does not always keep the YAML's).
            return pairs.count == members.count && members.allSatisfy { member in node[member.key].map { same($0, member.value) } ?? false }
        default: return false
        }
    }

    /// A number in YAML 1.2's core schema: decimal, `0x` hexadecimal, `0o` octal.
    static func number(_ text: String) -> Double? {
        if text.hasPrefix("0x"), let value = Int(text.dropFirst(2), radix: 16) { return Double(value) }
        if text.hasPrefix("0o"), let value = Int(text.dropFirst(2), radix: 8) { return Double(value) }
        return Double(text)
    }
}
