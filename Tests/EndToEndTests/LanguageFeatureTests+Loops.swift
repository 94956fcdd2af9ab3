import Foundation
import Testing

extension LanguageFeatureTests {
    @Test("a loop runs a step once per item; items with shell metacharacters reach the command as data; results, when and on_failure per item")
    func loopOverItems() throws {
        try run("loop.yaml") { output, folder in
            #expect(output.status == 1)
            #expect(
                normalized(output.stdout) == """
                    ▶ loop_hosts (loop.yaml, 5 steps)
                      1/5 … shell  greet
                      1/5 ✓ shell  greet  T (6 items)
                      2/5 … log    count
                      2/5 ✓ log    count  T (3 items)
                          0=one last=false
                          1=two last=false
                          2=6 last=true
                      3/5 … shell  json
                      3/5 ✓ shell  json   T
                      4/5 … shell  check
                      4/5 ✗ shell  check  T (3 items, 1 failed)
                          error: item 3 of 3: expected exit code 0, got 1
                      5/5 … log    #5
                      5/5 ✓ log    #5     T
                          results success skipped failed; first 1|a; touch canary1
                    ✗ loop_hosts failed in T: 4 succeeded, 1 failed; first failure: step 4 (check)

                    """)
            for canary in 1...5 { #expect(!folder.exists("canary\(canary)")) }
            let file = try folder.read("loop.yaml")
            // A loop is one step in the stats, failed when an item failed, in procrun's own words.
            #expect(file.contains("    greet: {runs: 1, successes: 1, failures: 0, skips: 0, total_duration_ms: "))
            #expect(file.contains(#"    check: {runs: 1, successes: 0, failures: 1, skips: 0, total_duration_ms: "#))
            #expect(file.contains(#"last_error: "item 3 of 3: expected exit code 0, got 1"}"#))
        }
    }

    @Test("the JSON report lists each item's result under the loop step")
    func loopInJSON() throws {
        try run("loop.yaml", ["--json"]) { output, _ in
            let steps = try report(output)["steps"] as? [[String: Any]] ?? []
            let greet = steps.first?["results"] as? [[String: Any]] ?? []
            #expect(greet.map { $0["outcome"] as? String } == [
                "1|a; touch canary1", "2|$(touch canary2)", "3|`touch canary3`", "4|b' ; touch canary4 '", "5|c\" && touch canary5 \"", "6|*",
            ])
            let check = steps.first { $0["id"] as? String == "check" }?["results"] as? [[String: Any]] ?? []
            #expect(check.map { $0["status"] as? String } == ["success", "skipped", "failed"])
        }
    }

    @Test("loop mistakes are found before the run: 'as' alone, a taken name, items that are not a list, loop names outside a loop")
    func loopChecks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/language/loop-broken.yaml")
        let output = try ProcrunBinary.run(["check", "loop-broken.yaml"], in: folder.path)
        do {
            #expect(output.status == 2)
            #expect(
                output.stderr == """
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
        }
    }
}
