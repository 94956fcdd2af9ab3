import Testing

extension LanguageFeatureTests {
    @Test("a loop runs a step once per item; items with shell metacharacters reach the command as data; results, when and on_failure per item")
    func loopOverItems() throws {
        try run("loop.yaml", status: 1, stdout: """
            ▶ loop_hosts (loop.yaml, 5 steps)
              1/5 ✓ shell  greet  <duration> (6 items)
              2/5 ✓ log    count  <duration> (3 items)
                  0=one last=false
                  1=two last=false
                  2=6 last=true
              3/5 ✓ shell  json   <duration>
              4/5 ✗ shell  check  <duration> (3 items, 1 failed)
                  error: item 3 of 3: expected exit code 0, got 1
              5/5 ✓ log    #5     <duration>
                  results success skipped failed; first 1|a; touch canary1
            ✗ loop_hosts failed in <duration>: 4 succeeded, 1 failed; first failure: step 4 (check)

            """) { _, folder in
            for canary in 1...5 { #expect(!folder.exists("canary\(canary)")) }
            WholeText.expect(try folder.statsBlock("loop.yaml"), equals: """
                stats:
                  execution_count: 1
                  successes: 0
                  failures: 1
                  success_rate: 0.000
                  total_duration_ms: <ms>
                  avg_duration_ms: <ms>
                  last_executed: "<time>"  # run <run>
                  steps:
                    greet: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    count: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    json: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}
                    check: {runs: 1, successes: 0, failures: 1, skips: 0, total_duration_ms: <ms>, last_error: "item 3 of 3: expected exit code 0, got 1"}
                    log#b48c62ef: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: <ms>}

                """, "the stats block", normalizing: [.durationFields, .timestamps, .runIDs])
            // A loop is one step in the stats, failed when an item failed, in procrun's own words.
        }
    }

    @Test("the JSON report lists each item's result under the loop step")
    func loopInJSON() throws {
        try run("loop.yaml", ["--json"], status: 1, stdout: """
            {"procedure":"loop_hosts","file":"loop.yaml","success":false,"duration_ms":<ms>,"learned":true,"steps":[{"step":1,\
            "id":"greet","action":"shell","status":"success",\
            "outcome":"1|a; touch canary1\\n2|$(touch canary2)\\n3|`touch canary3`\\n4|b' ; touch canary4 '\\n5|c\\" && touch canary5 \\"\\n6|*",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1,"results":[{"step":1,"id":"greet","action":"shell",\
            "status":"success","outcome":"1|a; touch canary1","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":1,\
            "id":"greet","action":"shell","status":"success","outcome":"2|$(touch canary2)","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":1,"id":"greet","action":"shell","status":"success","outcome":"3|`touch canary3`",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":1,"id":"greet","action":"shell","status":"success",\
            "outcome":"4|b' ; touch canary4 '","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":1,"id":"greet",\
            "action":"shell","status":"success","outcome":"5|c\\" && touch canary5 \\"","duration_ms":<ms>,"exit_code":0,\
            "error":null,"attempts":1},{"step":1,"id":"greet","action":"shell","status":"success","outcome":"6|*",\
            "duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1}]},{"step":2,"id":"count","action":"log","status":"success",\
            "outcome":"0=one last=false\\n1=two last=false\\n2=6 last=true","duration_ms":<ms>,"error":null,"attempts":1,\
            "results":[{"step":2,"id":"count","action":"log","status":"success","outcome":"0=one last=false","duration_ms":<ms>,\
            "error":null,"attempts":1},{"step":2,"id":"count","action":"log","status":"success","outcome":"1=two last=false",\
            "duration_ms":<ms>,"error":null,"attempts":1},{"step":2,"id":"count","action":"log","status":"success",\
            "outcome":"2=6 last=true","duration_ms":<ms>,"error":null,"attempts":1}]},{"step":3,"id":"json","action":"shell",\
            "status":"success","outcome":"[1, 2, 3]","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":4,\
            "id":"check","action":"shell","status":"failed","outcome":"\\n","duration_ms":<ms>,"exit_code":1,\
            "error":"item 3 of 3: expected exit code 0, got 1","attempts":1,"results":[{"step":4,"id":"check","action":"shell",\
            "status":"success","outcome":"","duration_ms":<ms>,"exit_code":0,"error":null,"attempts":1},{"step":4,"id":"check",\
            "action":"shell","status":"skipped","outcome":"","duration_ms":<ms>,"error":null,"attempts":0},{"step":4,"id":"check",\
            "action":"shell","status":"failed","outcome":"","duration_ms":<ms>,"exit_code":1,"error":"expected exit code 0, got 1",\
            "attempts":1}]},{"step":5,"id":null,"action":"log","status":"success",\
            "outcome":"results success skipped failed; first 1|a; touch canary1","duration_ms":<ms>,"error":null,"attempts":1}],\
            "outputs":{}}

            """)
    }

    @Test("loop mistakes are found before the run: 'as' alone, a taken name, items that are not a list, loop names outside a loop")
    func loopChecks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/language/loop-broken.yaml")
        try ProcrunBinary.expect(["check", "loop-broken.yaml"], in: folder.path, status: 2, stderr: """
            loop-broken.yaml:4:5: error: 'as' names the item of a loop, but the step has no 'for_each'
                as: x
                ^
            loop-broken.yaml:8:9: error: 'as' cannot be 'steps': templates already read procrun's own 'steps'; choose another name, such as 'item'
                as: steps
                    ^
            loop-broken.yaml:11:16: error: 'for_each' must give a list, but this is a string
                for_each: "{{ 'text' }}"
                           ^
            loop-broken.yaml:12:42: error: undefined name 'loop.idx'; did you mean 'loop.index'?
                parameters: {message: "{{ item }} {{ loop.idx }}"}
                                                     ^
            loop-broken.yaml:14:31: error: undefined name 'item'; 'item' is readable only in a step with 'for_each'
                parameters: {message: "{{ item }}"}
                                          ^
            loop-broken.yaml:21:31: error: undefined name 'steps.each.outputs.said'; a loop's outputs are each item's: read steps.each.results[N].outputs.said
                parameters: {message: "{{ steps.each.outputs.said }} {{ steps.each.results[0].outputs.said }}"}
                                          ^
            6 problems found in 1 file

            """)
        do {
        }
    }
}
