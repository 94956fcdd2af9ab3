@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// The globs of up-to-date checks: how a pattern matches a path, and which files a walk finds.
@Suite("Glob: sources and generates patterns")
struct GlobTests {
    /// Whether `pattern` matches `path`.
    static func matches(_ pattern: String, _ path: String) throws -> Bool {
        try Glob(parsing: pattern).matches(path)
    }

    @Test("wildcards match within one name; a set, a range, a negated set and an escaped character match one")
    func names() throws {
        #expect(try Self.matches("*.swift", "Main.swift"))
        #expect(try !Self.matches("*.swift", "Sources/Main.swift"))
        #expect(try Self.matches("a?c", "abc"))
        #expect(try !Self.matches("a?c", "ac"))
        #expect(try Self.matches("[ab]x", "bx"))
        #expect(try Self.matches("[a-c]x", "cx"))
        #expect(try !Self.matches("[!a-c]x", "cx"))
        #expect(try Self.matches("\\*", "*"))
        #expect(try !Self.matches("\\*", "a"))
        #expect(try Self.matches(".*", ".hidden"))
        #expect(try Self.matches("./Package.swift", "Package.swift"))
    }

    @Test("'**' stands for any number of folders, none included; at the end it takes every file below")
    func anyFolders() throws {
        #expect(try Self.matches("Sources/**/*.swift", "Sources/Main.swift"))
        #expect(try Self.matches("Sources/**/*.swift", "Sources/A/B/Main.swift"))
        #expect(try !Self.matches("Sources/**/*.swift", "Tests/Main.swift"))
        #expect(try Self.matches("Sources/**", "Sources/A/B/Main.swift"))
        #expect(try !Self.matches("Sources/**", "Sources"))
        #expect(try Self.matches("**/*.c", "a.c"))
    }

    @Test("a pattern that is none says why")
    func syntax() {
        #expect(throws: Glob.Syntax.unclosedSet) { try Glob(parsing: "src/[ab") }
        #expect(throws: Glob.Syntax.doubleStarInPart) { try Glob(parsing: "src/a**") }
        #expect(throws: Glob.Syntax.empty) { try Glob(parsing: "") }
    }

    @Test("a walk finds the files the patterns match and the excluding ones do not, sorted, each once; folders are not files")
    func files() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        for name in ["Package.swift", "Sources/A/a.swift", "Sources/A/b.txt", "Sources/B/C/c.swift", "Sources/skip.swift"] { try folder.write(name, "x") }
        let including = try ["Sources/**/*.swift", "Package.swift", "Sources/A/*.swift", "Missing.swift"].map { try Glob(parsing: $0) }
        let excluding = [try Glob(parsing: "Sources/skip.swift")]
        #expect(Glob.files(including: including, excluding: excluding, in: folder.path) == ["Package.swift", "Sources/A/a.swift", "Sources/B/C/c.swift"])
        #expect(Glob.files(including: [try Glob(parsing: "Sources/*")], excluding: [], in: folder.path) == ["Sources/skip.swift"])
        #expect(Glob.files(including: [try Glob(parsing: "Sources/**")], excluding: [], in: folder.path).count == 4)
    }
}
