import ProcrunKit
import Testing

/// Aliases (grammar.md, "The library"; issue 27, point 9): `aliases: [b, bld]` are other names a
/// procedure answers to wherever a name is taken; a name two files claim, aliases included, is an
/// error naming both.
@Suite("aliases", .serialized)
struct AliasTests {
    /// A library where `build` answers to `b` and `bld`, and `release` (alias `rel`) calls it by both.
    static func library() throws -> TemporaryFolder {
        try TemporaryFolder(files: [
            ("procrun.yaml", ""),
            ("build.yaml", "name: build\ndescription: builds the project\naliases: [b, bld]\nsteps:\n  - action: shell\n    parameters: {command: \"echo building\"}\n"),
            ("release.yaml", "name: release\naliases:\n  - rel\nsteps:\n  - action: bld\n  - action: replay_procedure\n    parameters: {procedure: b}\n"),
        ])
    }

    @Test("an alias runs the procedure from the command line, as a call step's action and in replay_procedure; list and show give them")
    func answers() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try ProcrunBinary.expect(["b", "--no-learn"], in: folder.path, stdout: """
            ▶ build (build.yaml, 1 step)
              1/1 ✓ shell  #1  <duration>
            ✓ build succeeded in <duration>: 1 succeeded

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["run", "rel", "--no-learn"], in: folder.path, stdout: """
            ▶ release (release.yaml, 2 steps)
              1/2 ↳ bld               #1  calls build (build.yaml)
                  1/1 ✓ shell  #1  <duration>
              1/2 ✓ bld               #1  <duration>
              2/2 ↳ replay_procedure  #2  calls build (build.yaml)
                  1/1 ✓ shell  #1  <duration>
              2/2 ✓ replay_procedure  #2  <duration>
            ✓ release succeeded in <duration>: 2 succeeded

            """, normalizing: [.durations])
        try ProcrunBinary.expect(["list"], in: folder.path, stdout: """
            NAME     ALIASES  DESCRIPTION         TAGS  FILE
            build    b, bld   builds the project        build.yaml
            release  rel                                release.yaml

            """)
        try ProcrunBinary.expect(["list", "--json"], in: folder.path, stdout: """
            {"procedures":[{"aliases":["b","bld"],"description":"builds the project","file":"build.yaml","name":"build","tags":[]},\
            {"aliases":["rel"],"description":"","file":"release.yaml","name":"release","tags":[]}]}

            """)
        try ProcrunBinary.expect(["show", "bld"], in: folder.path, stdout: """
            build (build.yaml)
              builds the project
              aliases: b, bld

            steps:
              1  #1  shell
                  $ echo building

            call tree:
            build
              (calls no procedure)

            """)
        try ProcrunBinary.expect(["run", "bl"], in: folder.path, status: 2, stderr: """
            error: no procedure named 'bl' in the library folder '.'; did you mean 'bld'?

            """)
        let shown = MCPToolbox(root: folder.path).call("show_procedure", arguments: ["name": .string("rel")])
        #expect(shown.text.hasPrefix(#"{"name":"release","file":""#), "\(shown.text)")
    }

    @Test("an alias another file has as its name or alias is an error naming both files, wherever that name is taken")
    func clashes() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        try folder.write("other.yaml", "name: other\naliases: [bld, release]\nsteps:\n  - action: log\n    parameters: {message: x}\n")
        try ProcrunBinary.expect(["list"], in: folder.path, status: 2, stdout: """
            NAME     ALIASES       DESCRIPTION         TAGS  FILE
            build    b, bld        builds the project        build.yaml
            other    bld, release                            other.yaml
            release  rel                                     release.yaml

            """, stderr: """
            other.yaml:2:11: error: procedure name 'bld' is claimed by more than one file (build.yaml and other.yaml); names must be unique in a library
            aliases: [bld, release]
                      ^
            build.yaml:3:14: note: also claimed here
            aliases: [b, bld]
                         ^
            release.yaml:1:7: error: procedure name 'release' is claimed by more than one file (other.yaml and release.yaml); names must be unique in a library
            name: release
                  ^
            other.yaml:2:16: note: also claimed here
            aliases: [bld, release]
                           ^

            """)
        try ProcrunBinary.expect(["check", "release.yaml"], in: folder.path, status: 2, stderr: """
            release.yaml:5:13: error: procedure name 'bld' is claimed by more than one file (build.yaml and other.yaml); names must be unique in a library
              - action: bld
                        ^
            build.yaml:3:14: note: also claimed here
            aliases: [b, bld]
                         ^
            1 problem found in 1 file

            """)
    }

    @Test("an alias that repeats a name, is no name, or is written where the library's line reading would not see it is an error")
    func mistakes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("odd.yaml", "name: odd\naliases: [odd, o, o, \"not a name\"]\nsteps:\n  - action: log\n    parameters: {message: x}\n")
        try folder.write("split.yaml", "name: split\naliases: [s1,\n  s2]\nsteps:\n  - action: log\n    parameters: {message: x}\n")
        try ProcrunBinary.expect(["check", "odd.yaml", "split.yaml"], in: folder.path, status: 2, stderr: """
            odd.yaml:2:11: error: alias 'odd' is the procedure's own name
            aliases: [odd, o, o, "not a name"]
                      ^
            odd.yaml:2:19: error: alias 'o' is written twice
            aliases: [odd, o, o, "not a name"]
                              ^
            odd.yaml:2:22: error: expected a name of letters, digits, '_' and '-' starting with a letter for an alias, found 'not a name'
            aliases: [odd, o, o, "not a name"]
                                 ^
            split.yaml:2:11: error: write 'aliases' as a top-level line of its own ('aliases: [s1, s2]'): the library reads it from that line without parsing the file
            aliases: [s1,
                      ^
            4 problems found in 2 files

            """)
    }
}
