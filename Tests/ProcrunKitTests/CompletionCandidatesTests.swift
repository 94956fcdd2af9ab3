import ProcrunKit
import Testing

/// What shell completion offers for procedures and `--set`, from a library on disk.
@Suite("completion candidates")
struct CompletionCandidatesTests {
    /// A library with `deploy` (inputs `tag`, `target`) and `docs` (input `tag`) in a subfolder.
    static func library() throws -> ScratchFolder {
        let folder = try ScratchFolder()
        try folder.write("lib/procrun.yaml", "")
        try folder.write("lib/deploy.yaml", "name: deploy\ninputs:\n  tag: {type: string}\n  target: {type: string}\nsteps:\n  - action: log\n    parameters: {message: hi}\n")
        try folder.write("lib/more/docs.yaml", "name: docs\ninputs:\n  tag: {type: string}\n  format: {type: string}\nsteps:\n  - action: log\n    parameters: {message: hi}\n")
        try folder.write("lib/notes.txt", "not a procedure\n")
        return folder
    }

    @Test("a procedure argument offers the library's names that start with what is typed, then files and folders")
    func procedures() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let words = ["procrun", "run", "--library", folder.path + "/lib", "d"]
        // The names first; then the files and folders of the current folder (the repository's
        // root when the tests run, which holds dev/) that start with what is typed.
        let offered = CompletionCandidates.procedures(words, prefix: "d")
        #expect(Array(offered.prefix(2)) == ["deploy", "docs"])
        #expect(offered.dropFirst(2).allSatisfy { $0.hasPrefix("d") && FileSystem.exists($0) })
        #expect(CompletionCandidates.procedures(words, prefix: folder.path + "/lib/") == [folder.path + "/lib/deploy.yaml", folder.path + "/lib/more/"])
        #expect(CompletionCandidates.procedures(words, prefix: folder.path + "/lib/more/d") == [folder.path + "/lib/more/docs.yaml"])
    }

    @Test("--set offers NAME= for the inputs of the procedures on the command line, each once, in declaration order")
    func inputs() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let words = ["procrun", "deploy", "docs", "-l", "'\(folder.path)/lib'", "--set", "t"]
        #expect(CompletionCandidates.inputs(words, at: 6, prefix: "t") == ["tag=", "target="])
        #expect(CompletionCandidates.inputs(words, at: 6, prefix: "") == ["tag=", "target=", "format="])
        #expect(CompletionCandidates.inputs(["procrun", "run", "nowhere", "--set", ""], at: 4, prefix: "") == [])
    }
}
