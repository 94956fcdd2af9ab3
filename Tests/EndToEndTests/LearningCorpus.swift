/// Procedure files written in every way the stats writer must preserve, byte for byte.
enum LearningCorpus {
    /// A procedure's steps that run quickly and succeed.
    static let steps = "steps:\n  - id: greet\n    action: log\n    parameters: {message: hello}\n  - action: log\n    parameters: {message: second}\n"

    /// `name → file bytes`.
    static let files: [String: [UInt8]] = {
        var files: [String: String] = [:]
        files["comments-everywhere"] = """
            # leading comment

            name: comments   # trailing comment on name
            # between keys
            description: 'single "quoted"'   # note
            steps:
              # inside the list
              - id: greet        # the id
                action: log
                parameters: {message: hello}   # flow mapping

              - action: log
                parameters:
                  message: "second"
            # before stats
            stats:
              # a comment inside stats
              execution_count: 2   # hand-written note
              successes: 2
              failures: 0
            # after stats, at the end
            
            """
        files["stats-in-the-middle"] = "name: middle\nstats:\n  execution_count: 1\n  successes: 1\n  failures: 0\n  steps:\n    greet: {runs: 1, successes: 1, failures: 0}\n# comment after the block\n\n" + steps + "# end\n"
        files["no-stats"] = "name: nostats\n" + steps
        files["no-final-newline-with-stats"] = "name: nonl\n" + steps + "stats:\n  execution_count: 1\n  successes: 1\n  failures: 0"
        files["no-final-newline-without-stats"] = "name: nonl2\n" + steps + "# last line without a line break"
        files["flow-style-stats"] = "name: flow\n" + steps + "stats: {execution_count: 3, successes: 2, failures: 1, success_rate: 0.667}\n# after\n"
        files["null-stats"] = "name: nullstats\nstats:\n" + steps
        files["multibyte-before"] = "name: multibyte\ndescription: \"Größe 📦 日本語 — ünïcödé\"\n# コメント ✓\n" + steps + "stats:\n  execution_count: 0\n  successes: 0\n  failures: 0\n"
        files["decoy-in-block-scalar"] =
            "name: decoy\ndescription: |\n  this text mentions\n  stats:\n      execution_count: 99\n  and is not the block\n"
            + steps + "# stats: a comment is not it either\n"
        files["decoy-before-real-block"] =
            "name: decoy2\ndescription: >\n  stats:\n    execution_count: 7\n" + steps + "stats:\n  execution_count: 1\n  successes: 1\n  failures: 0\n"
        files["document-markers"] = "---\nname: docstart\n" + steps + "...\n"
        files["indented-document"] = "  name: indented\n  steps:\n    - action: log\n      parameters: {message: x}\n"
        files["flow-stats-over-lines-first"] =
            "stats: {\n  execution_count: 1,\n  successes: 1, failures: 0 }   # flow, first\n" + "name: first\n" + steps
        files["stats-deeper-indent"] =
            "name: deep\n" + steps + "stats:\n    execution_count: 1   # note\n    successes: 1\n    failures: 0\n    steps:\n        greet:\n            runs: 1\n# end\n"
        var texts: [String: [UInt8]] = files.mapValues { Array($0.utf8) }
        let crlf = "name: crlf\r\n# a comment\r\nsteps:\r\n  - id: greet\r\n    action: log\r\n    parameters: {message: hello}\r\nstats:\r\n  execution_count: 4\r\n  successes: 4\r\n  failures: 0\r\n# after\r\n"
        texts["crlf"] = Array(crlf.utf8)
        texts["crlf-without-stats"] = Array("name: crlf2\r\nsteps:\r\n  - action: log\r\n    parameters: {message: hi}\r\n".utf8)
        texts["bom"] = [0xEF, 0xBB, 0xBF] + Array(("name: bom\n" + steps + "stats:\n  execution_count: 1\n  successes: 0\n  failures: 1\n").utf8)
        texts["bom-without-stats"] = [0xEF, 0xBB, 0xBF] + Array(("name: bom2\n" + steps).utf8)
        return texts
    }()
}
