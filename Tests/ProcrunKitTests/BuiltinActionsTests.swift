@testable import ProcrunLanguage
@testable import ProcrunMemory
@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// The built-in actions are declared once: grammar.md's tables, the JSON Schema and the loader's
/// checks are what their declarations say.
@Suite("Built-in actions: one declaration each")
struct BuiltinActionsTests {
    static let repository = FileSystem.directory(of: FileSystem.directory(of: FileSystem.directory(of: #filePath)))

    /// The table of parameters under grammar.md's heading `### NAME` (or ``### `NAME` ``): the
    /// first table after the heading, before the next heading.
    static func documentedTable(of name: String, in lines: [Substring]) -> String? {
        guard let heading = lines.firstIndex(where: { $0 == "### \(name)" || $0 == "### `\(name)`" }) else { return nil }
        var table: [Substring] = []
        for line in lines[(heading + 1)...] {
            if line.hasPrefix("#") { break }
            if line.hasPrefix("|") {
                table.append(line)
            } else if !table.isEmpty {
                break
            }
        }
        return table.isEmpty ? nil : table.joined(separator: "\n")
    }

    @Test("grammar.md's table of each action's parameters is the one its declaration gives", arguments: BuiltinActions.names)
    func documented(name: String) throws {
        let grammar = String(decoding: try FileSystem.read(Self.repository + "/grammar.md"), as: UTF8.self)
        let lines = grammar.split(separator: "\n", omittingEmptySubsequences: false)
        let declaration = try #require(BuiltinActions.named(name)?.declaration)
        let table = Self.documentedTable(of: name, in: lines)
        #expect(table == declaration.table, "grammar.md, ### \(name), should hold:\n\(declaration.table)")
    }

    @Test("every action is listed once, by a name of its own, and its parameters once each")
    func names() {
        #expect(Set(BuiltinActions.names).count == BuiltinActions.names.count)
        #expect(BuiltinActions.names.allSatisfy { BuiltinActions.named($0)?.declaration.name == $0 })
        for declaration in BuiltinActions.declarations {
            #expect(Set(declaration.names).count == declaration.names.count, "\(declaration.name)")
            #expect(declaration.required == declaration.parameters.filter(\.isRequired).map(\.name))
            #expect(!declaration.summary.isEmpty && !declaration.parameters.contains { $0.doc.isEmpty })
        }
    }

    @Test("the MCP record_procedure tool names every action with its parameters")
    func mcpDescription() throws {
        let tool = try #require(MCPToolbox.tools.first { $0.name == "record_procedure" })
        #expect(tool.description.contains("shell {command, env?, cwd?, shell?, stdin?}; log {message, level?}"))
        for name in BuiltinActions.names { #expect(tool.description.contains(name + " {")) }
    }
}
