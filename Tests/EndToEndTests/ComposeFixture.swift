import ProcrunKit

/// A copy of one fixture library from Fixtures/compose in a fresh temporary folder.
struct ComposeFixture {
    let folder: TemporaryFolder

    /// Copies Fixtures/compose/NAME (subfolders included).
    init(_ name: String) throws {
        folder = try TemporaryFolder()
        _ = try ProcessRunner.run(ProcessSpec(arguments: ["cp", "-R", ProcrunBinary.fixtures + "/compose/" + name + "/.", folder.path]))
    }

    /// The folder's path.
    var path: String { folder.path }

    /// Runs `procrun ARGUMENTS` inside the copy.
    func run(_ arguments: [String]) throws -> ProcrunBinary.Output {
        try ProcrunBinary.run(arguments, in: folder.path)
    }

    /// Whether a step left its marker file.
    var anythingRan: Bool { folder.exists("ran-marker") }

    func remove() { folder.remove() }
}
