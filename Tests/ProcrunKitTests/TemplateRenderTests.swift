@testable import ProcrunKit
@testable import ProcrunText
import Testing

@Suite("template rendering")
struct TemplateRenderTests {
    static let context = RenderContext(roots: [
        "inputs": [
            "tag": "v1.2",
            "name": "Ünïcode Name",
            "replicas": 3,
            "ratio": 1.5,
            "verbose": true,
            "hosts": ["a", "b", "c"],
            "empty": [],
            "missing": .null,
            "path": "/srv/app/config.yaml",
            "evil": "{{ inputs.tag }}; rm -rf / $(id) `id`",
            "padded": "  42 \n",
            "csv": "a,b,,c",
            "text": "one\r\ntwo\nthree\n",
        ],
        "env": ["HOME": "/root"],
        "steps": ["build": ["status": "success", "exit_code": 0, "outputs": ["files": ["x.o", "y.o"], "meta": ["k": 1]]]],
    ])

    private func render(_ source: String) throws(TemplateError) -> Value {
        try Template(parsing: source).render(in: Self.context)
    }

    private func eval(_ source: String) throws(TemplateError) -> Value {
        try Expression.parse(source).evaluate(in: Self.context)
    }

    private func renderError(_ source: String) -> TemplateError? {
        do {
            _ = try render(source)
            return nil
        } catch {
            return error
        }
    }

    @Test func singleExpressionKeepsItsType() throws {
        #expect(try render("{{ inputs.replicas }}") == .integer(3))
        #expect(try render("{{inputs.hosts}}") == ["a", "b", "c"])
        #expect(try render("{{ inputs.verbose }}") == true)
        #expect(try render(" {{ inputs.replicas }}") == .string(" 3"))
        #expect(try render("{{ inputs.replicas }}{{ inputs.replicas }}") == .string("33"))
        #expect(try render("plain text") == .string("plain text"))
    }

    @Test func valuesRenderAsText() throws {
        #expect(try render("{{ inputs.ratio }}|{{ 2.0 }}|{{ inputs.verbose }}|{{ inputs.hosts }}|{{ steps.build.outputs.meta }}")
            == .string("1.5|2.0|true|[\"a\",\"b\",\"c\"]|{\"k\":1}"))
    }

    @Test func injectionLookingValuesStayLiteral() throws {
        #expect(try render("x {{ inputs.evil }} y") == .string("x {{ inputs.tag }}; rm -rf / $(id) `id` y"))
    }

    @Test func nullIsAnErrorWithAHint() {
        #expect(located(renderError("a {{ inputs.missing }}")) == "5..<19: " + "'inputs.missing' is null; add a default, for example '| default(\"\")'")
        #expect(renderError("{{ inputs.empty | first }}")?.message == "'inputs.empty | first' is null; add a default, for example '| default(\"\")'")
    }

    @Test func undefinedNamesAtRenderTime() {
        #expect(located(renderError("{{ inputs.tga }}")) == "3..<13: " + "undefined name 'inputs.tga'; did you mean 'inputs.tag'?")
        #expect(renderError("{{ inputs.tga }}")?.undefinedPath == ["inputs", "tga"])
        #expect(renderError("{{ input.tag }}")?.message == "undefined name 'input'; did you mean 'inputs'?")
        #expect(renderError("{{ inputs.hosts[7] }}")?.message == "index 7 is out of range for 'inputs.hosts' (3 items)")
        #expect(renderError("{{ inputs.tag[0] }}")?.message == "cannot index 'inputs.tag': expected a list, found a string")
        #expect(renderError("{{ inputs.tag.x }}")?.message == "'inputs.tag' is a string; it has no field 'x'")
        #expect(renderError("{{ inputs.tag | lowr }}")?.message == "unknown filter 'lowr'; did you mean 'lower'?")
        #expect(located(renderError("{{ inputs.replicas | upper }}")) == "21..<26: " + "filter 'upper' expects a string, found an integer")
    }

    @Test func defaultCatchesUndefinedAndNull() throws {
        #expect(try eval("inputs.missing | default('d')") == "d")
        #expect(try eval("env.NOPE | default('none')") == "none")
        #expect(try eval("inputs.missing.deeper | default(1)") == 1)
        #expect(try eval("inputs.hosts[9] | default('z')") == "z")
        #expect(try eval("inputs.tag | default('d')") == "v1.2")
        #expect(try eval("inputs.empty | default('d')") == [])
        #expect(throws: TemplateError.self) { try eval("inputs.tag.x | default('d')") }
    }

    @Test func stringFilters() throws {
        #expect(try eval("inputs.name | lower") == "ünïcode name")
        #expect(try eval("inputs.name | upper") == "ÜNÏCODE NAME")
        #expect(try eval("inputs.padded | trim") == "42")
        #expect(try eval("inputs.name | length") == 12)
        #expect(try eval("inputs.hosts | length") == 3)
        #expect(try eval("steps.build.outputs | length") == 2)
        #expect(try eval("inputs.tag | replace('.', '-')") == "v1-2")
        #expect(try eval("'aaa' | replace('a', 'bb')") == "bbbbbb")
        #expect(try eval("inputs.path | basename") == "config.yaml")
        #expect(try eval("inputs.path | dirname") == "/srv/app")
        #expect(try eval("'file' | dirname") == ".")
        #expect(try eval("'/' | basename") == "/")
        #expect(try eval("'/a/b/' | basename") == "b")
        #expect(try eval("'/a' | dirname") == "/")
    }

    @Test func pathFilters() throws {
        #expect(try eval("inputs.path | dirname | path_join('app.sha256')") == "/srv/app/app.sha256")
        #expect(try eval("'a/' | path_join('b')") == "a/b")
        #expect(try eval("'a' | path_join('/etc')") == "/etc")
        #expect(try eval("'' | path_join('b')") == "b")
        #expect(try eval("inputs.path | absolute") == "/srv/app/config.yaml")
        #expect(try eval("'/a/./b/../c' | absolute") == "/a/c")
        #expect(try eval("'x/y' | absolute") == .string(FileSystem.currentDirectory() + "/x/y"))
    }

    @Test func stringTests() throws {
        #expect(try eval("inputs.tag | startswith('v1')") == true)
        #expect(try eval("inputs.tag | startswith('1')") == false)
        #expect(try eval("inputs.path | endswith('.yaml') and not (inputs.path | endswith('.yml'))") == true)
        #expect(try eval("'' | startswith('')") == true)
        #expect(try eval("'é' | startswith('e')") == false)
    }

    @Test func platformFacts() throws {
        let context = RenderContext(roots: ["os": Platform.value])
        #expect(try Template(parsing: "{{ os.name }}/{{ os.arch }}{{ os.exe_suffix }}").render(in: context) == "linux/x86_64")
        #expect(try Expression.parse("os.name == 'linux' and os.exe_suffix == ''").evaluate(in: context) == true)
    }

    @Test func conditionalExpressions() throws {
        #expect(try eval("'yes' if inputs.verbose else 'no'") == "yes")
        #expect(try eval("'a' if inputs.replicas > 5 else 'b' if inputs.replicas > 2 else 'c'") == "b")
        #expect(try eval("'x' if false or true else 'y'") == "x")
        #expect(try eval("('x' if false else 'y') | upper") == "Y")
        #expect(try eval("inputs.hosts | join(',' if true else ' ')") == "a,b,c")
        #expect(try eval("inputs.nothere if false else inputs.missing | default('only the chosen branch')") == "only the chosen branch")
        #expect(try render("{{ inputs.replicas if true else 'n' }}") == .integer(3))
        #expect(throws: TemplateError.self) { try eval("'a' if inputs.tag else 'b'") }
    }

    @Test func listFilters() throws {
        #expect(try eval("inputs.hosts | join") == "a b c")
        #expect(try eval("inputs.hosts | join(',')") == "a,b,c")
        #expect(try eval("steps.build.outputs.files | join(' ')") == "x.o y.o")
        #expect(try eval("inputs.hosts | first") == "a")
        #expect(try eval("inputs.hosts | last") == "c")
        #expect(try eval("inputs.empty | last") == .null)
        #expect(try eval("' a  b\tc\n' | split") == ["a", "b", "c"])
        #expect(try eval("inputs.csv | split(',')") == ["a", "b", "", "c"])
        #expect(try eval("inputs.text | lines") == ["one", "two", "three"])
        #expect(try eval("'' | lines") == [])
    }

    @Test func conversionFilters() throws {
        #expect(try eval("inputs.padded | int") == 42)
        #expect(try eval("2.0 | int") == 2)
        #expect(try eval("inputs.replicas | int") == 3)
        #expect(throws: TemplateError.self) { try eval("2.5 | int") }
        #expect(throws: TemplateError.self) { try eval("'x1' | int") }
        #expect(try eval("inputs.replicas | string") == "3")
        #expect(try eval("inputs.hosts | string") == "[\"a\",\"b\",\"c\"]")
        #expect(try eval("inputs.hosts | json") == "[\"a\",\"b\",\"c\"]")
        #expect(try eval("inputs.tag | json") == "\"v1.2\"")
        #expect(try eval("inputs.missing | json") == "null")
        #expect(try eval("inputs.tag | raw") == "v1.2")
    }

    @Test func quoteFilter() throws {
        #expect(try eval("'a-b_c/d.e:f,g@h%i+j=k' | quote") == "a-b_c/d.e:f,g@h%i+j=k")
        #expect(try eval("'' | quote") == "''")
        #expect(try eval("'two words' | quote") == "'two words'")
        #expect(try eval("\"it's\" | quote") == "'it'\\''s'")
        #expect(try eval("inputs.evil | quote") == "'{{ inputs.tag }}; rm -rf / $(id) `id`'")
        #expect(try eval("inputs.replicas | quote") == "3")
        #expect(try eval("inputs.verbose | quote") == "true")
    }

    @Test func matchFilter() throws {
        #expect(try eval("inputs.tag | match('v(\\d+)')") == "1")
        #expect(try eval("inputs.tag | match('\\d\\.\\d')") == "1.2")
        #expect(try eval("inputs.tag | match('zzz')") == .null)
        #expect(try eval("inputs.tag | match('zzz') | default('none')") == "none")
        #expect(throws: TemplateError.self) { try eval("inputs.tag | match('(')") }
    }

    @Test func comparisons() throws {
        #expect(try eval("inputs.replicas == 3") == true)
        #expect(try eval("inputs.replicas == 3.0") == true)
        #expect(try eval("inputs.replicas == '3'") == false)
        #expect(try eval("inputs.replicas != '3'") == true)
        #expect(try eval("null == inputs.missing") == true)
        #expect(try eval("inputs.hosts == inputs.hosts") == true)
        #expect(try eval("inputs.replicas > 2 and inputs.ratio <= 1.5") == true)
        #expect(try eval("'abc' < 'abd'") == true)
        #expect(try eval("'b' in inputs.hosts") == true)
        #expect(try eval("'z' not in inputs.hosts") == true)
        #expect(try eval("'1.' in inputs.tag") == true)
        #expect(try eval("'meta' in steps.build.outputs") == true)
        #expect(try eval("not inputs.verbose or steps.build.status == 'success'") == true)
        #expect(located(thrown { try eval("'a' < 1") }) == "4..<5: " + "cannot compare a string and an integer with '<': expected two numbers or two strings")
        #expect(located(thrown { try eval("inputs.tag and true") }) == "0..<10: " + "'and' expects a boolean, found a string")
    }

    @Test func shortCircuit() throws {
        #expect(try eval("false and inputs.nothing") == false)
        #expect(try eval("true or inputs.nothing") == true)
    }

    @Test func renderedPartsForShellPlanning() throws {
        let parts = try Template(parsing: "grep {{ inputs.tag }} {{ inputs.evil | raw }} x").renderParts(in: Self.context)
        #expect(parts == [
            .text("grep "), .value("v1.2"), .text(" "), .raw("{{ inputs.tag }}; rm -rf / $(id) `id`"), .text(" x"),
        ])
    }

    @Test func unicodeOffsetsInRenderErrors() {
        // Each of "ü", "→" and "🚀" is one Unicode scalar.
        #expect(renderError("ü→🚀 {{ inputs.nope }}")?.range == 7..<18)
    }

    @Test func manyRendersOfASimpleTemplate() throws {
        let template = try Template(parsing: "step {{ inputs.n }} of {{ inputs.name | upper }}")
        let context = RenderContext(roots: ["inputs": ["n": 7, "name": "deploy"]])
        var total = 0
        for _ in 0..<10_000 {
            guard case .string(let text) = try template.render(in: context) else { continue }
            total += text.utf8.count
        }
        #expect(total == 10_000 * "step 7 of DEPLOY".utf8.count)
    }

    @Test("from_json gives a value later parts index; to_json is json; a bad text is an error at the filter")
    func fromJSON() throws {
        #expect(try eval(#"('{"a": [1, {"b": "x"}], "n": 2.5}' | from_json).a[1].b"#) == .string("x"))
        #expect(try eval(#"('[1, 2]' | from_json)[1]"#) == .integer(2))
        #expect(try eval(#"('{"a": 1}' | from_json).b | default('none')"#) == .string("none"))
        #expect(try eval("inputs.hosts | to_json") == .string(#"["a","b","c"]"#))
        #expect(try Expression.parse(#"('{}' | from_json).a[0]"#).description == #"('{}' | from_json).a[0]"#)
        // The message is procrun's own; the text it could not read is quoted apart (shown, never kept).
        #expect(renderError("{{ '{' | from_json }}")?.message == "filter 'from_json' expects JSON text: expected a string key, found the end of the line at column 2")
        #expect(renderError("{{ '{' | from_json }}")?.quoted == #" of "{""#)
        #expect(renderError("{{ '{' | from_json }}")?.range == 9..<18)
        #expect(renderError("{{ ('[1]' | from_json)[3] }}")?.message == "index 3 is out of range for '('[1]' | from_json)' (1 item)")
    }
}
