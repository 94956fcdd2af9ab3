@testable import ProcrunKit
@testable import ProcrunText
import Testing

@Suite("values")
struct ValueTests {
    @Test func typeNames() {
        let values: [Value] = ["s", 1, 1.5, true, [], [:], .null]
        #expect(values.map(\.typeName) == ["string", "integer", "number", "boolean", "list", "mapping", "null"])
    }

    @Test func renderedText() throws {
        #expect(try Value.number(2).rendered() == "2.0")
        #expect(try Value.number(0.1).rendered() == "0.1")
        #expect(try Value.number(1e20).rendered() == "1e+20")
        #expect(try Value.integer(-42).rendered() == "-42")
        #expect(try Value.boolean(false).rendered() == "false")
        #expect(throws: TemplateError.self) { try Value.null.rendered() }
    }

    @Test func jsonIsCompactWithSortedKeysAndEscapes() {
        let value: Value = ["b": [1, 2.5, .null, true], "a": "quote\" back\\ nl\n tab\t bell\u{07} é🚀"]
        #expect(value.jsonText == "{\"a\":\"quote\\\" back\\\\ nl\\n tab\\t bell\\u0007 é🚀\",\"b\":[1,2.5,null,true]}")
        #expect(Value.number(.infinity).jsonText == "null")
        #expect(Value.string("\u{1F}").jsonText == "\"\\u001f\"")
    }
}
