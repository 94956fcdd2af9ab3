import ArgumentParser
import ProcrunKit
import Testing

/// The examples at the end of the commands' `--help` are real command lines: each parses as the
/// command it names (or, for `procrun NAME`, as `run`).
@Suite("help examples")
struct HelpExamplesTests {
    /// The commands whose help has examples, by name.
    static let commands: [String: any ParsableCommand.Type] = [
        "run": RunCommand.self, "check": CheckCommand.self, "record": RecordCommand.self, "find": FindCommand.self,
        "stats": StatsCommand.self, "review": ReviewCommand.self, "new": NewCommand.self,
    ]

    /// A line's words as a shell reads them (quotes removed), up to a redirection.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var started = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                started = true
            } else if character == " " {
                if started { words.append(word) }
                (word, started) = ("", false)
            } else {
                word.append(character)
                started = true
            }
        }
        if started { words.append(word) }
        return Array(words.prefix { !$0.hasPrefix(">") })
    }

    @Test("every example parses as its command", arguments: ["run", "check", "record", "find", "stats", "review", "new"])
    func examplesParse(name: String) throws {
        let command = try #require(Self.commands[name])
        let lines = command.configuration.discussion.split(separator: "\n").map { $0.drop { $0 == " " } }.filter { $0.hasPrefix("procrun ") }
        #expect(!lines.isEmpty, "no examples in \(name)'s help")
        for line in lines {
            var words = Self.words(String(line)).dropFirst()
            let named = words.first.flatMap { Self.commands[$0] }
            if named != nil { words = words.dropFirst() }
            let parsed = Result { try (named ?? RunCommand.self).parse(Array(words)) }
            #expect(throws: Never.self, "\(line)") { try parsed.get() }
        }
    }

    /// The examples of a discussion: its text after a line `Examples:` (preceded by a blank line
    /// when there is an introduction), each a `  # what it does` line over a `  procrun ...` line;
    /// nil when it is not written that way, the one way every command's examples are written.
    static func examples(in discussion: String) -> [(what: String, command: String)]? {
        let parts = discussion.split(separator: "Examples:\n", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].isEmpty || parts[0].hasSuffix("\n\n") else { return nil }
        let lines = parts[1].split(separator: "\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty, lines.count.isMultiple(of: 2) else { return nil }
        var examples: [(String, String)] = []
        for index in stride(from: 0, to: lines.count, by: 2) {
            let (comment, command) = (lines[index], lines[index + 1])
            guard comment.hasPrefix("  # "), command.hasPrefix("  procrun"), !command.hasSuffix(" ") else { return nil }
            examples.append((String(comment.dropFirst(4)), String(command.dropFirst(2))))
        }
        return examples
    }

    @Test("examples are written as a comment over each command, after the introduction", arguments: ["run", "check", "record", "find", "stats", "review", "new"])
    func layout(name: String) throws {
        let command = try #require(Self.commands[name])
        let examples = Self.examples(in: command.configuration.discussion)
        #expect(examples?.isEmpty == false, "\(name)'s help ends with no well-formed Examples block:\n\(command.configuration.discussion)")
    }
}
