import ProcrunKit
import Testing

/// `procrun find`, `similar` and `merge` on the fixture library in Fixtures/library, whose right
/// answers are known.
@Suite("find, similar and merge", .serialized)
struct FindTests {
    /// A copy of the fixture library, so that caches and merges do not touch the fixtures.
    static func library() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for name in try FileSystem.contents(of: ProcrunBinary.fixtures + "/library") {
            _ = try folder.copy(ProcrunBinary.fixtures + "/library/" + name)
        }
        return folder
    }

    /// The names `find` lists, in order.
    static func names(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.first?.isNumber == true }.compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) }
    }

    @Test(
        "each task finds its procedure first",
        arguments: [
            ("deploy the backend service", "deploy_backend"),
            ("back up the postgres database", "backup_database"),
            ("restore the database from a dump", "restore_database"),
            ("renew expiring TLS certificates", "rotate_certificates"),
            ("report a bug", "file_bug_report"),
            ("ship the web frontend to the CDN", "deploy_frontend"),
            ("deploying backends", "deploy_backend"),
        ])
    func findsFirst(task: String, expected: String) throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let output = try ProcrunBinary.run(["find", task, "--library", folder.path])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(Self.names(output.stdout).first == expected, "stdout:\n\(output.stdout)")
    }

    @Test("a reliable procedure beats an equally relevant flaky one")
    func reliability() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let output = try ProcrunBinary.run(["find", "flush the cache", "--library", folder.path])
        // The two are near-duplicates: the reliable one is listed, the flaky one under it.
        #expect(Self.names(output.stdout).first == "flush-cache", "stdout:\n\(output.stdout)")
        #expect(!Self.names(output.stdout).contains("flush_cache"))
        #expect(output.stdout.contains("success 100% of 10 runs"))
        #expect(output.stdout.contains("near-duplicates: flush_cache"))
    }

    @Test("a task nothing fits says so, names the nearest procedures and what they lack, and exits 1")
    func nothing() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let cake = try ProcrunBinary.run(["find", "bake a chocolate cake", "--library", folder.path])
        #expect(cake.status == 1)
        #expect(
            cake.stdout == """
                no procedure matches 'bake a chocolate cake' well enough (9 searched)
                no procedure covers 'bake', 'chocolate', 'cake'; record one with procrun record NAME --description "bake a chocolate cake"

                """)
        let passport = try ProcrunBinary.run(["find", "renew my passport", "--library", folder.path])
        #expect(passport.status == 1)
        #expect(
            passport.stdout == """
                no procedure matches 'renew my passport' well enough (9 searched)
                nearest: rotate_certificates (lacks 'passport')
                no procedure covers 'passport'; record one with procrun record NAME --description "renew my passport"

                """)
        let json = try ProcrunBinary.run(["find", "renew my passport", "--library", folder.path, "--json"])
        #expect(json.status == 1)
        #expect(
            json.stdout == """
                {"query":"renew my passport","searched":9,"matches":[],"nearest":[{"name":"rotate_certificates","file":"\(folder.path)/rotate_certificates.yaml","missing":["passport"]}],"hint":"no procedure covers 'passport'; record one with procrun record NAME --description \\"renew my passport\\""}

                """)
        let mcp = MCPToolbox(root: folder.path).call("find_procedures", arguments: ["task": .string("renew my passport")])
        #expect(
            mcp.text == """
                {"hint":"no procedure covers 'passport'; record one with procrun record NAME --description \\"renew my passport\\"","nearest":[{"file":"\(folder.path)/rotate_certificates.yaml","missing":["passport"],"name":"rotate_certificates"}],"procedures":[]}
                """)
    }

    @Test("--json and --limit; each match says which words of the task it matched")
    func json() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let output = try ProcrunBinary.run(["find", "deploy the backend v1.4.2", "--library", folder.path, "--json", "--limit", "1"])
        #expect(output.status == 0)
        #expect(
            output.stdout == """
                {"query":"deploy the backend v1.4.2","searched":9,"matches":[{"name":"deploy_backend","file":"\(folder.path)/deploy_backend.yaml","description":"Build the backend image, push it and roll it out to the cluster.","score":4.42,"relevance":4.42,"success_rate":0.95,"runs":20,"duplicates":["deploy_backend_legacy"],"matched":["deploy","backend"]}]}

                """)
        let mcp = MCPToolbox(root: folder.path).call("find_procedures", arguments: ["task": .string("deploy the backend"), "limit": .integer(1)])
        #expect(mcp.text.contains(#""matched":["deploy","backend"],"name":"deploy_backend""#), "\(mcp.text)")
    }

    @Test("procrun.yaml's find.abbreviations are understood; a bad one is an error at its position")
    func abbreviations() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let before = try ProcrunBinary.run(["find", "bkp the db", "--library", folder.path, "--json"])
        #expect(!before.stdout.contains(#""matched":["bkp""#), "\(before.stdout)")
        try folder.write("procrun.yaml", "find:\n  abbreviations:\n    bkp: backup\n")
        let after = try ProcrunBinary.run(["find", "bkp the db", "--library", folder.path, "--json", "--limit", "1"])
        #expect(after.stdout.contains(#""name":"backup_database""#), "\(after.stdout)")
        #expect(after.stdout.contains(#""matched":["bkp","db"]"#), "\(after.stdout)")
        try folder.write("procrun.yaml", "find:\n  abbreviations:\n    b k p: backup\n    ok: [a, b]\n  synonyms: {}\n")
        let bad = try ProcrunBinary.run(["find", "back up", "--library", folder.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("procrun.yaml:5:3: error: unknown key 'synonyms' in 'find'"), "\(bad.stderr)")
        #expect(bad.stderr.contains("procrun.yaml:3:5: error: an abbreviation must be one word of letters and digits, found 'b k p'"), "\(bad.stderr)")
        #expect(bad.stderr.contains("procrun.yaml:4:9: error: expected a string for abbreviation 'ok', found a list"), "\(bad.stderr)")
    }

    @Test("a query of stop words only is refused")
    func stopWords() throws {
        let output = try ProcrunBinary.run(["find", "the of and", "--library", ProcrunBinary.fixtures + "/library", "--no-cache"])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("error: the task description 'the of and' has no words to search for"))
    }

    @Test("the cache follows edits, additions and removals")
    func cache() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        _ = try ProcrunBinary.run(["find", "deploy", "--library", folder.path])
        #expect(folder.exists(".procrun/find-cache"))
        try folder.write("water_plants.yaml", "name: water_plants\ndescription: Water the office plants.\nsteps:\n  - action: log\n    parameters: {message: watering}\n")
        var output = try ProcrunBinary.run(["find", "water the plants", "--library", folder.path])
        #expect(Self.names(output.stdout) == ["water_plants"])
        try folder.write("water_plants.yaml", "name: water_plants\ndescription: Feed the fish.\nsteps:\n  - action: log\n    parameters: {message: feeding}\n")
        output = try ProcrunBinary.run(["find", "feed the fish", "--library", folder.path])
        #expect(Self.names(output.stdout) == ["water_plants"])
        // The same size, changed within the same second: the cache must still notice.
        try folder.write("water_plants.yaml", "name: water_plants\ndescription: Wash the cars.\nsteps:\n  - action: log\n    parameters: {message: feeding}\n")
        output = try ProcrunBinary.run(["find", "wash the cars", "--library", folder.path])
        #expect(Self.names(output.stdout) == ["water_plants"])
        try folder.write("loop/keep.yaml", "name: in_a_folder\ndescription: Sort the mail.\nsteps:\n  - action: log\n    parameters: {message: sorting}\n")
        _ = try ProcessRunner.run(ProcessSpec(arguments: ["ln", "-s", "..", folder.path + "/loop/up"]))
        try folder.write("broken.yaml", "- just\n- a list\n")
        output = try ProcrunBinary.run(["find", "sort the mail", "--library", folder.path])
        #expect(Self.names(output.stdout) == ["in_a_folder"])
        #expect(output.stderr == "\(folder.path)/broken.yaml: warning: not a procedure file (not a YAML mapping); left out\n")
        try FileSystem.write(Array("garbage\n\u{0}\t\t\n".utf8), to: folder.path + "/.procrun/find-cache")
        output = try ProcrunBinary.run(["find", "sort the mail", "--library", folder.path])
        #expect(Self.names(output.stdout) == ["in_a_folder"])
        try FileSystem.remove(folder.path + "/water_plants.yaml")
        output = try ProcrunBinary.run(["find", "feed the fish", "--library", folder.path])
        #expect(output.status == 1)
    }

    @Test("similar groups near-duplicates by their steps and keeps the most reliable")
    func similar() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let output = try ProcrunBinary.run(["similar", "--library", folder.path])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasSuffix("procedures alike (100% similar):") || $0.contains("procedures alike") }.count == 2, "stdout:\n\(output.stdout)")
        #expect(lines.contains { $0.hasPrefix("  keep   deploy_backend ") })
        #expect(lines.contains { $0.hasPrefix("  merge  deploy_backend_legacy ") })
        #expect(lines.contains { $0.hasPrefix("  keep   flush-cache ") })
        #expect(lines.contains("  to merge: procrun merge deploy_backend deploy_backend_legacy"))
        #expect(!output.stdout.contains("restore_database"))
    }

    @Test("merge marks the others by splicing two lines; find and similar then leave them out")
    func merge() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let before = try folder.read("deploy_backend_legacy.yaml")
        let output = try ProcrunBinary.run(["merge", "deploy_backend", "deploy_backend_legacy", "--reason", "same steps, less reliable", "--library", folder.path])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let after = try folder.read("deploy_backend_legacy.yaml")
        #expect(after == before.replacingFirst("name: deploy_backend_legacy\n", with: "name: deploy_backend_legacy\nsuperseded_by: deploy_backend\nsuperseded_reason: 'same steps, less reliable'\n"))
        #expect(try ProcrunBinary.run(["check", folder.path + "/deploy_backend_legacy.yaml"]).status == 0)
        let similar = try ProcrunBinary.run(["similar", "--library", folder.path])
        #expect(!similar.stdout.contains("deploy_backend"))
        let find = try ProcrunBinary.run(["find", "ship the API server", "--library", folder.path])
        #expect(!find.stdout.contains("deploy_backend_legacy"))
        let again = try ProcrunBinary.run(["merge", "deploy_backend", "deploy_backend_legacy", "--library", folder.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("is already superseded by 'deploy_backend'"))
    }

    @Test("merge --archive moves files to archive/; --dry-run changes nothing; bad names change nothing")
    func archive() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let dry = try ProcrunBinary.run(["merge", "flush-cache", "flush_cache", "--archive", "--dry-run", "--library", folder.path])
        #expect(dry.status == 0)
        #expect(dry.stdout.hasPrefix("would move"))
        #expect(folder.exists("flush_cache.yaml"))
        let bad = try ProcrunBinary.run(["merge", "flush-cache", "flush_cache", "flush_cach", "--library", folder.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("no procedure named 'flush_cach'"))
        #expect(try folder.read("flush_cache.yaml").contains("superseded_by") == false)
        let moved = try ProcrunBinary.run(["merge", "flush-cache", "flush_cache", "--archive", "--library", folder.path])
        #expect(moved.status == 0)
        #expect(!folder.exists("flush_cache.yaml"))
        #expect(folder.exists("archive/flush_cache.yaml"))
        let find = try ProcrunBinary.run(["find", "flush the cache", "--library", folder.path])
        #expect(Self.names(find.stdout) == ["flush-cache"])
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
