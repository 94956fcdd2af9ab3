import ProcrunKit
import Testing

/// The JSON reader and the executor protocol's reply rules.
@Suite("agent protocols")
struct AgentProtocolTests {
    @Test("JSON texts read into values")
    func json() {
        #expect(Value(jsonText: #"{"a": [1, 2.5, true, null, "x\n\u00e9\ud83d\ude00"], "b": {}}"#)
            == .mapping(["a": .list([.integer(1), .number(2.5), .boolean(true), .null, .string("x\né😀")]), "b": .mapping([:])]))
        #expect(Value(jsonText: " -0.5e2 ") == .number(-50))
    }

    @Test("malformed JSON is refused, never a crash", arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "\"\\x\"", "tru", "[1] 2", String(repeating: "[", count: 500)])
    func badJSON(text: String) {
        #expect(Value(jsonText: text) == nil)
    }

    @Test("an executor reply needs the request's id and a status")
    func replies() throws {
        #expect(try ExecutorReply.parse(#"{"id": 3, "status": "success", "outcome": "ok"}"#, id: 3).get() == ExecutorReply(success: true, outcome: "ok"))
        #expect(try ExecutorReply.parse(#"{"id": 3, "status": "failed", "error": "no"}"#, id: 3).get() == ExecutorReply(success: false, outcome: "", error: "no"))
        #expect(try ExecutorReply.parse(#"{"id": 1, "status": "success", "outcome": {"n": 1}}"#, id: 1).get().outcome == #"{"n":1}"#)
        for line in ["nope", #"{"status": "success"}"#, #"{"id": 2, "status": "success"}"#, #"{"id": 3, "status": "done"}"#, "[]"] {
            guard case .failure = ExecutorReply.parse(line, id: 3) else {
                Issue.record("accepted \(line)")
                continue
            }
        }
    }
}
