@testable import ProcrunKit
@testable import ProcrunText
import Testing

@Suite("template parsing")
struct TemplateParseTests {
    private func parseError(_ source: String) -> TemplateError? {
        do {
            _ = try Template(parsing: source)
            return nil
        } catch {
            return error
        }
    }

    @Test func literalTextIsOnePart() throws {
        let template = try Template(parsing: "make test }} { done")
        #expect(template.isLiteral)
        #expect(template.parts == [.text("make test }} { done")])
        #expect(try Template(parsing: "").parts.isEmpty)
    }

    @Test func textAndExpressions() throws {
        let template = try Template(parsing: "a {{ inputs.x }} b {{inputs.y|upper}}")
        #expect(!template.isLiteral)
        #expect(template.parts.count == 4)
        guard case .expression(let first, let range) = template.parts[1] else {
            Issue.record("expected an expression")
            return
        }
        #expect(range == 2..<16)
        #expect(first.range == 5..<13)
        #expect(first.description == "inputs.x")
        #expect(template.expressions.map(\.description) == ["inputs.x", "inputs.y | upper"])
    }

    @Test func literalBracesThroughAStringLiteral() throws {
        let template = try Template(parsing: "{{ '{{' }} x {{ \"}}\" }}")
        #expect(try template.render(in: RenderContext(roots: [:])) == .string("{{ x }}"))
    }

    @Test func grammarForms() throws {
        let forms = [
            "not a and b or c == 1",
            "a not in b",
            "x.y[0].z-w | default('d') | join(', ')",
            "(a or b) and not c",
            "a <= -1.5e3",
            "'it\\'s' in \"a\\\"b\\\\c\\n\\t\"",
            "null == null",
            "steps.build-app.outputs.files[12]",
        ]
        for form in forms {
            _ = try Expression.parse(form)
        }
        #expect(try Expression.parse("not a and b or c == 1").description == "((not a) and b) or (c == 1)")
        #expect(try Expression.parse("a not in b").description == "a not in b")
        #expect(try Expression.parse("-3").evaluate(in: RenderContext(roots: [:])) == .integer(-3))
        #expect(try Expression.parse("2e3").evaluate(in: RenderContext(roots: [:])) == .number(2000))
    }

    @Test func unclosedOpeningPointsAtIt() {
        let error = parseError("echo {{ inputs.x and more")
        #expect(located(error) == "5..<7: " + "unclosed '{{': expected '}}'")
        #expect(parseError("ok {{ a }} then {{ b }")?.range == 16..<18)
        #expect(parseError("{{ a }} it's {{ b")?.message == "unclosed '{{': expected '}}'")
    }

    @Test func unterminatedStringSwallowingTheClose() {
        let error = parseError("{{ 'abc }}")
        #expect(error?.range.lowerBound == 3)
        #expect(error?.message.hasPrefix("unterminated string literal") == true)
    }

    @Test func emptyExpression() {
        #expect(located(parseError("x {{  }} y")) == "2..<8: " + "empty '{{ }}': expected an expression")
        #expect(parseError("{{}}")?.range == 0..<4)
    }

    @Test func unexpectedTokens() {
        #expect(located(parseError("{{ ) }}")) == "3..<4: " + "expected an expression, found ')'")
        #expect(located(parseError("{{ a b }}")) == "5..<6: " + "expected '}}', found 'b'")
        #expect(located(parseError("{{ a == }}")) == "8..<8: " + "expected an expression, found '}}'")
        #expect(parseError("{{ a | }}")?.message == "expected a filter name after '|', found '}}'")
        #expect(parseError("{{ a | join(',' }}")?.message == "expected ')' to close the arguments of 'join', found '}}'")
        #expect(located(parseError("{{ a[x] }}")) == "5..<6: " + "expected an integer index after '[', found 'x'")
        #expect(parseError("{{ a. }}")?.message == "expected a name after '.', found '}}'")
        #expect(located(parseError("{{ a = 1 }}")) == "5..<6: " + "unexpected character '='; did you mean '=='?")
        #expect(located(parseError("{{ a && b }}")) == "5..<7: " + "unexpected '&&'; did you mean 'and'?")
        #expect(parseError("{{ a not b }}")?.message == "expected 'in' after 'not', found 'b'")
        #expect(parseError("{{ and }}")?.message == "expected an expression, found 'and'")
        #expect(parseError("{{ (a }}")?.message == "expected ')' to close '(', found '}}'")
        #expect(located(parseError("{{ a == b == c }}")) == "10..<12: " + "expected '}}', found '=='")
    }

    @Test func bareExpressionErrors() {
        #expect(located(thrown { try Expression.parse("a b") }) == "2..<3: " + "expected end of text, found 'b'")
        #expect(located(thrown { try Expression.parse("  ") }) == "2..<2: " + "expected an expression, found end of text")
        #expect(located(thrown { try Expression.parse("999999999999999999999") }) == "0..<21: " + "integer literal '999999999999999999999' is too large")
    }

    @Test func errorOffsetsCountUnicodeScalars() {
        // "é" is one scalar, "🚀" one scalar (four UTF-8 bytes, two UTF-16 units).
        #expect(parseError("é🚀 {{ ) }}")?.range == 6..<7)
        #expect(parseError("🚀🚀 {{ x")?.range == 3..<5)
    }

    @Test func conditionForms() throws {
        let bare = try Expression.parseCondition("inputs.deploy and x")
        let braced = try Expression.parseCondition("  {{ inputs.deploy and x }} ")
        #expect(bare.description == braced.description)
        #expect(braced.range == 5..<24)
        #expect(throws: TemplateError.self) { try Expression.parseCondition("{{ a }} and {{ b }}") }
        #expect(located(thrown { try Expression.parseCondition(" {{a == ) }}") }) == "8..<9: " + "expected an expression, found ')'")
    }
}
