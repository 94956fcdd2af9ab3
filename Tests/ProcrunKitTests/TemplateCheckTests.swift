@testable import ProcrunKit
@testable import ProcrunText
import Testing

@Suite("template checking")
struct TemplateCheckTests {
    static let scope = NameShape.object([
        "inputs": .object([
            "tag": .value(.string),
            "replicas": .value(.integer),
            "ratio": .value(.number),
            "verbose": .value(.boolean),
            "hosts": .value(.list),
        ]),
        "env": .object(["HOME": .value(.string)], open: false, optionalWithDefault: true),
        "vars": .object([:], open: true, optionalWithDefault: false),
        "steps": .object([
            "build": .object([
                "status": .value(.string),
                "exit_code": .value(.integer),
                "outputs": .object(["files": .value(.list)]),
            ])
        ]),
        "os": Platform.shape,
    ])

    private func errors(_ source: String) throws -> [TemplateError] {
        try Template(parsing: source).check(in: Self.scope)
    }

    private func messages(_ source: String) throws -> [String] {
        try errors(source).map(\.message)
    }

    @Test func knownNamesAreFine() throws {
        #expect(try errors("{{ inputs.tag }} {{ steps.build.outputs.files[0] }} {{ vars.anything.deep }}").isEmpty)
        #expect(try errors("{{ inputs.hosts[3] }} {{ env.HOME }} {{ steps.build.exit_code == 0 }}").isEmpty)
    }

    @Test func undefinedNestedNameSuggestsSibling() throws {
        let found = try errors("tag {{ inputs.tga }}")
        #expect(found.map(located) == ["7..<17: " + "undefined name 'inputs.tga'; did you mean 'inputs.tag'?"])
        #expect(found.map(\.undefinedPath) == [["inputs", "tga"]])
        #expect(try messages("{{ steps.build.stauts }}") == ["undefined name 'steps.build.stauts'; did you mean 'steps.build.status'?"])
        #expect(try messages("{{ inputs.zzzzzz }}") == ["undefined name 'inputs.zzzzzz'"])
    }

    @Test func undefinedRootSuggestsRoot() throws {
        let found = try errors("{{ input.tag }}")
        #expect(found.map(located) == ["3..<8: " + "undefined name 'input'; did you mean 'inputs'?"])
        #expect(found.map(\.undefinedPath) == [["input"]])
        #expect(try messages("{{ step.build.status }}") == ["undefined name 'step'; did you mean 'steps'?"])
    }

    @Test func envNeedsADefaultWhenUnset() throws {
        #expect(try messages("{{ env.NOPE }}") == ["undefined name 'env.NOPE'; did you mean 'env.HOME'?"])
        #expect(try messages("{{ env.XYZZY_1 }}") == ["undefined name 'env.XYZZY_1'"])
        #expect(try errors("{{ env.NOPE | default('x') }}").isEmpty)
        #expect(try errors("{{ env.HOME }}").isEmpty)
        #expect(try Expression.parse("env.NOPE | default('x')").infer(in: Self.scope) == .string)
        // A typo in a closed object stays an error even with a default.
        #expect(try messages("{{ inputs.tga | default('x') }}") == ["undefined name 'inputs.tga'; did you mean 'inputs.tag'?"])
    }

    @Test func everyProblemIsReported() throws {
        let found = try errors("{{ inputs.a }} and {{ inputs.replicas | lower }} and {{ inputs.tag | lowr }}")
        #expect(found.map(\.message) == [
            "undefined name 'inputs.a'",
            "filter 'lower' expects a string, found an integer",
            "unknown filter 'lowr'; did you mean 'lower'?",
        ])
        #expect(found.map(\.range) == [3..<11, 40..<45, 69..<73])
        #expect(try errors("{{ inputs.x == inputs.y }}").count == 2)
    }

    @Test func filterTypes() throws {
        #expect(try messages("{{ inputs.hosts | upper }}") == ["filter 'upper' expects a string, found a list"])
        #expect(try messages("{{ inputs.tag | join }}") == ["filter 'join' expects a list, found a string"])
        #expect(try messages("{{ inputs.hosts | quote }}") == ["filter 'quote' expects a string, integer, number or boolean, found a list"])
        #expect(try messages("{{ inputs.verbose | length }}") == ["filter 'length' expects a string, list or mapping, found a boolean"])
        #expect(try messages("{{ inputs.hosts | join(1) }}") == ["filter 'join' expects a string argument, found an integer"])
        #expect(try messages("{{ null | lower }}") == ["filter 'lower' expects a string, found null; add a default first, for example '| default(\"\") | lower'"])
        #expect(try errors("{{ inputs.replicas | string | upper }} {{ inputs.tag | split | join(',') }}").isEmpty)
        #expect(try errors("{{ vars.x | upper }} {{ inputs.hosts | first | upper }}").isEmpty)
    }

    @Test func pathFiltersAndStringTests() throws {
        #expect(try errors("{{ inputs.tag | startswith('v') and inputs.tag | endswith('2') }} {{ inputs.tag | absolute | path_join('x') }}").isEmpty)
        #expect(try messages("{{ inputs.hosts | path_join('x') }}") == ["filter 'path_join' expects a string, found a list"])
        #expect(try messages("{{ inputs.tag | startswith }}") == ["filter 'startswith' takes 1 argument, found 0"])
        #expect(try messages("{{ inputs.tag | endswith(1) }}") == ["filter 'endswith' expects a string argument, found an integer"])
        #expect(try messages("{{ (inputs.tag | startswith('v')) | upper }}") == ["filter 'upper' expects a string, found a boolean"])
    }

    @Test func platformFacts() throws {
        #expect(try errors("{{ os.name }}{{ os.exe_suffix }} {{ os.arch | upper }} {{ os.name == 'linux' }}").isEmpty)
        #expect(try messages("{{ os.nmae }}") == ["undefined name 'os.nmae'; did you mean 'os.name'?"])
        #expect(try messages("{{ os.arch.bits }}") == ["'os.arch' is a string; it has no field 'bits'"])
    }

    @Test func conditionalExpressions() throws {
        #expect(try errors("{{ inputs.tag if inputs.verbose else 'none' }} {{ 1 if true else 2 if false else 3 }}").isEmpty)
        #expect(try messages("{{ 'a' if inputs.tag else 'b' }}") == ["'if' expects a boolean, found a string"])
        #expect(try messages("{{ inputs.tga if true else inputs.tg }}") == [
            "undefined name 'inputs.tga'; did you mean 'inputs.tag'?", "undefined name 'inputs.tg'; did you mean 'inputs.tag'?",
        ])
        #expect(try messages("{{ ('a' if true else 'b') | length }} {{ (1 if true else 'b') | upper }}").isEmpty)
        #expect(try messages("{{ (1 if true else 2) | upper }}") == ["filter 'upper' expects a string, found an integer"])
        for (source, message) in [
            ("{{ 'a' if true }}", "expected 'else' after 'if' and its condition, found '}}'"),
            ("{{ if }}", "expected an expression, found 'if'"),
        ] {
            do {
                _ = try Template(parsing: source)
                Issue.record("no syntax error in \(source)")
            } catch {
                #expect(error.message == message)
            }
        }
        #expect(try Expression.parse("'a' if x or y else 'b' if z else 'c'").description == "'a' if (x or y) else 'b' if z else 'c'")
    }

    @Test func filterArity() throws {
        #expect(try errors("{{ inputs.tag | replace('a') }}").map(located) == ["16..<28: " + "filter 'replace' takes 2 arguments, found 1"])
        #expect(try messages("{{ inputs.tag | lower(1) }}") == ["filter 'lower' takes no arguments, found 1"])
        #expect(try messages("{{ inputs.hosts | join(',', ';') }}") == ["filter 'join' takes at most 1 argument, found 2"])
        #expect(try messages("{{ inputs.tag | default }}") == ["filter 'default' takes 1 argument, found 0"])
    }

    @Test func unknownFilterSuggestions() throws {
        #expect(try messages("{{ inputs.tag | uper }}") == ["unknown filter 'uper'; did you mean 'upper'?"])
        #expect(try messages("{{ inputs.tag | base }}") == ["unknown filter 'base'; did you mean 'basename'?"])
        #expect(try messages("{{ inputs.tag | frobnicate }}") == ["unknown filter 'frobnicate'"])
    }

    @Test func badRegexLiteral() throws {
        let found = try errors("{{ inputs.tag | match('v(') }}")
        #expect(found.count == 1)
        #expect(found.first?.range == 22..<26)
        #expect(found.first?.message.hasPrefix("invalid regular expression \"v(\"") == true)
        #expect(try errors("{{ inputs.tag | match('v(\\d+)') }}").isEmpty)
    }

    @Test func operatorTypes() throws {
        #expect(try errors("{{ inputs.tag < 3 }}").map(located) == ["14..<15: " + "cannot compare a string and an integer with '<': expected two numbers or two strings"])
        #expect(try errors("{{ inputs.replicas < inputs.ratio }} {{ inputs.tag >= 'a' }} {{ inputs.tag == 3 }}").isEmpty)
        #expect(try messages("{{ 'a' in inputs.replicas }}") == ["'in' expects a list, string or mapping on its right, found an integer"])
        #expect(try messages("{{ 1 in inputs.tag }}") == ["'in' expects a string on its left when its right is a string, found an integer"])
        #expect(try messages("{{ inputs.tag and true }}") == ["'and' expects a boolean, found a string"])
        #expect(try messages("{{ not inputs.replicas }}") == ["'not' expects a boolean, found an integer"])
    }

    @Test func fieldsOfScalarsAndIndexes() throws {
        #expect(try messages("{{ inputs.tag.name }}") == ["'inputs.tag' is a string; it has no field 'name'"])
        #expect(try errors("{{ inputs.tag[0] }}").map(located) == ["3..<16: " + "cannot index 'inputs.tag': expected a list, found a string"])
        #expect(try messages("{{ inputs[0] }}") == ["cannot index 'inputs': expected a list, found a mapping"])
    }

    @Test func inference() throws {
        func type(_ source: String) throws -> ValueType { try Expression.parse(source).infer(in: Self.scope) }
        #expect(try type("inputs.replicas") == .integer)
        #expect(try type("steps.build.outputs") == .mapping)
        #expect(try type("inputs.tag | length") == .integer)
        #expect(try type("inputs.tag == 'x'") == .boolean)
        #expect(try type("inputs.hosts | first") == .any)
        #expect(try type("vars.x") == .any)
        #expect(try type("'3' | int") == .integer)
        #expect(try Template(parsing: "{{ inputs.replicas }}").infer(in: Self.scope) == .integer)
        #expect(try Template(parsing: " {{ inputs.replicas }}").infer(in: Self.scope) == .string)
    }

    @Test("a condition's type is known before the run, so the checker can refuse one that is not true or false")
    func conditions() throws {
        #expect(try Expression.parse("inputs.verbose and steps.build.status == 'success'").infer(in: Self.scope) == .boolean)
        #expect(try Expression.parse("inputs.tag").infer(in: Self.scope) == .string)
    }
}
