import ProcrunKit
import Testing

/// The expressions of issue 27: path filters, string tests, `os` facts and conditional
/// expressions, each run through the built binary.
@Suite("expressions", .serialized)
struct ExpressionTests {
    /// Runs a fixture of `Fixtures/language` in a fresh folder and compares its status and both
    /// streams whole with what is stated (durations and the folder's path normalised).
    func run(_ fixture: String, status: Int32 = 0, stdout: String = "", stderr: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.copy(ProcrunBinary.fixtures + "/language/" + fixture)
        let output = try ProcrunBinary.run([fixture], in: folder.path)
        output.expect(status: status, stdout: stdout, stderr: stderr, normalizing: [.durations, .durationFields, .temporaryFolders], sourceLocation: sourceLocation)
    }

    @Test("basename, dirname, absolute and path_join read paths; startswith and endswith test strings in when")
    func pathFilters() throws {
        try run("path-filters.yaml", stdout: """
            ▶ path_filters (path-filters.yaml, 4 steps)
              1/4 ✓ log  #1  <duration>
                  app.tar.gz in build/out, beside build/out/app.sha256
              2/4 ✓ log  #2  <duration>
                  <tmp>/build/out/app.tar.gz /etc/hosts /b
              3/4 ✓ log  #3  <duration>
                  an archive under build/
              4/4 - log  #4  skipped
            ✓ path_filters succeeded in <duration>: 3 succeeded, 1 skipped

            """)
    }

    @Test("a path filter or string test given the wrong type or no argument is an error before the run")
    func pathFiltersChecked() throws {
        try run("path-filters-broken.yaml", status: 2, stderr: """
            path-filters-broken.yaml:6:26: error: filter 'startswith' expects a string, found an integer
                when: inputs.count | startswith("1")
                                     ^
            path-filters-broken.yaml:7:37: error: filter 'path_join' takes 1 argument, found 0
                parameters: {message: "{{ 'a' | path_join }} {{ 'a' | endswith(1) }}"}
                                                ^
            path-filters-broken.yaml:7:68: error: filter 'endswith' expects a string argument, found an integer
                parameters: {message: "{{ 'a' | path_join }} {{ 'a' | endswith(1) }}"}
                                                                               ^

            """)
    }

    @Test("os.name, os.arch and os.exe_suffix are readable in templates and when")
    func platformFacts() throws {
        try run("platform.yaml", stdout: """
            ▶ platform (platform.yaml, 3 steps)
              1/3 ✓ log  #1  <duration>
                  linux/x86_64 tool
              2/3 ✓ log  #2  <duration>
                  on linux
              3/3 - log  #3  skipped
            ✓ platform succeeded in <duration>: 2 succeeded, 1 skipped

            """)
    }

    @Test("an unknown os field is an error before the run, and os is not a loop's name")
    func platformFactsChecked() throws {
        try run("platform-broken.yaml", status: 2, stderr: """
            platform-broken.yaml:4:31: error: undefined name 'os.nmae'; did you mean 'os.name'?
                parameters: {message: "{{ os.nmae }} {{ os.arch.bits }}"}
                                          ^
            platform-broken.yaml:4:45: error: 'os.arch' is a string; it has no field 'bits'
                parameters: {message: "{{ os.nmae }} {{ os.arch.bits }}"}
                                                        ^
            platform-broken.yaml:7:9: error: 'as' cannot be 'os': templates already read procrun's own 'os'; choose another name, such as 'item'
                as: os
                    ^

            """)
    }

    @Test("a conditional expression gives its chosen branch, evaluating only that one, in templates and when")
    func conditional() throws {
        try run("conditional.yaml", stdout: """
            ▶ conditional (conditional.yaml, 3 steps)
              1/3 ✓ log  #1  <duration>
                  release build, many
              2/3 ✓ set  #2  <duration>
              3/3 ✓ log  #3  <duration>
                  no note, count 3
            ✓ conditional succeeded in <duration>: 3 succeeded

            """)
    }

    @Test("a conditional's condition must be a boolean and both branches are checked, before the run")
    func conditionalChecked() throws {
        try run("conditional-broken.yaml", status: 2, stderr: """
            conditional-broken.yaml:6:38: error: 'if' expects a boolean, found a string
                parameters: {message: "{{ 'a' if inputs.tag else inputs.tga }}"}
                                                 ^
            conditional-broken.yaml:6:54: error: undefined name 'inputs.tga'; did you mean 'inputs.tag'?
                parameters: {message: "{{ 'a' if inputs.tag else inputs.tga }}"}
                                                                 ^

            """)
    }
}
