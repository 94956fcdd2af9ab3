import ProcrunSystem
import ProcrunText

extension Library {
    /// The keys of `procrun.yaml`'s `executor` mapping and of each `mcp_servers` entry.
    static let externalCommandKeys = ["command", "timeout"]

    /// Reads the `executor` and `mcp_servers` keys of `procrun.yaml`.
    mutating func readAgentKeys(_ pairs: [YAMLPair], reader: inout NodeReader) {
        if let executor = pairs.first(where: { $0.key == "executor" }) {
            self.executor = Self.readExternalCommand(executor.value, "'executor'", root: root, reader: &reader)
        }
        if let servers = pairs.first(where: { $0.key == "mcp_servers" }) {
            for pair in reader.mapping(servers.value, "'mcp_servers'") ?? [] {
                guard NodeReader.isIdentifier(pair.key) else {
                    reader.error(.invalidName(kind: "MCP server", found: pair.key), at: pair.keyStart)
                    continue
                }
                if let command = Self.readExternalCommand(pair.value, "MCP server '\(pair.key)'", root: root, reader: &reader) {
                    mcpServers[pair.key] = command
                }
            }
        }
    }

    /// A command line (string), an argument list, or a mapping with `command` and `timeout`.
    static func readExternalCommand(_ node: YAMLNode, _ what: String, root: String, reader: inout NodeReader) -> ExternalCommand? {
        var commandNode = node
        var timeout = ExternalCommand.defaultTimeout
        if node.scalar == nil, node.items == nil {
            let before = reader.diagnostics.count
            guard let pairs = reader.mapping(node, what, keys: externalCommandKeys) else { return nil }
            guard let command = pairs.first(where: { $0.key == "command" }) else {
                // A misspelled key was just reported with its "did you mean".
                if reader.diagnostics.count == before { reader.error(.missingKey(key: "command", in: what), at: node.start) }
                return nil
            }
            commandNode = command.value
            if let limit = pairs.first(where: { $0.key == "timeout" }) {
                guard let duration = reader.duration(limit.value, "'timeout' of \(what)") else { return nil }
                timeout = duration
            }
        }
        let folder = FileSystem.absolute(root)
        if commandNode.items != nil {
            guard let arguments = reader.strings(commandNode, "the command of \(what)") else { return nil }
            guard !arguments.isEmpty else {
                reader.error(.emptyCommand(what: what, list: true), at: commandNode.start)
                return nil
            }
            return ExternalCommand(arguments: arguments, timeout: timeout, workingDirectory: folder)
        }
        guard let line = reader.string(commandNode, "the command of \(what)") else { return nil }
        guard !line.trimmingSpaces().isEmpty else {
            reader.error(.emptyCommand(what: what, list: false), at: commandNode.start)
            return nil
        }
        return ExternalCommand(line: line, timeout: timeout, workingDirectory: folder)
    }
}
