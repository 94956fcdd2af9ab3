import Dispatch
import Foundation
import Glibc
import MCP
package import ProcrunKit

/// `procrun mcp`: serves a library's procedures as MCP tools on standard input and output, built
/// on the MCP Swift SDK. The tools themselves are ``MCPToolbox``'s; this type only speaks MCP.
package struct MCPServeCommand: Sendable {
    /// `--library DIR` and `--timeout DURATION`: each step's limit in `run_procedure` runs when
    /// the step sets none (default: the library's `defaults.timeout`, else 10 minutes).
    package var options: MCPServeOptions
    /// The toolbox; nil means the built-in finder and recorder over the library.
    package var toolbox: MCPToolbox?

    /// A server with these options (none: the current folder's library).
    package init(options: MCPServeOptions = MCPServeOptions()) {
        self.options = options
    }

    /// Serves until the client closes standard input (0) or an interrupt comes (130, 129 after
    /// SIGHUP, as ``CommandFailure/exitStatus`` says); 2 when the library cannot be read.
    package func execute(stderr: TextOutput = .standardError) -> Int32 {
        let found: Library
        do {
            found = try ProcedureTarget.currentLibrary(override: options.library.path)
        } catch {
            return stderr.end(.invalid(error.diagnostics), DiagnosticRenderer(color: false))
        }
        var tools = toolbox ?? MCPToolbox(root: found.root)
        if let limit = (try? options.stepTimeout()) ?? found.defaultTimeout { tools.stepTimeout = limit }
        // A client that went away makes a write fail with EPIPE instead of killing the server, so
        // the runs it started still finish and save their stats.
        signal(SIGPIPE, SIG_IGN)
        // SIGINT, SIGTERM and SIGHUP end the server as they end `procrun run`: the running calls'
        // processes are told to stop (a run ends its step and runs its finally steps), their
        // callers get an interrupted result, and the exit status is the signal's.
        Interrupts.install()
        let transport = LineTransport()
        let finished = DispatchSemaphore(value: 0)
        let outcome = ServeOutcome()
        let calls = DispatchGroup()
        Task.detached {
            do {
                try await Self.serve(tools, on: transport, calls: calls)
            } catch {
                outcome.failure = "procrun mcp: \(error)"
            }
            finished.signal()
        }
        finished.wait()
        // Tool calls still running when the client disconnected or an interrupt came (a run and
        // its child processes) finish before the server exits, and each request read is answered
        // while standard output takes it; a call started meanwhile is waited for too. (The SDK
        // answers every request it is handed: the time limit only guards against a bug in it.)
        calls.wait()
        _ = transport.requests.waitUntilAnswered(before: Date(timeIntervalSinceNow: 60))
        calls.wait()
        if let failure = outcome.failure {
            stderr.write(failure + "\n")
            stderr.flush()
            return CommandFailure.failed().exitStatus
        }
        return CommandFailure.exitStatus(of: Interrupts.received ? .interrupted : nil)
    }

    static let instructions = """
        procrun runs procedures: named, checked sequences of steps kept in a library, which learn from \
        every run. Before solving a task by hand, call find_procedures; show_procedure tells which inputs \
        a procedure needs; run_procedure runs it and returns its JSON report. When you solved a task by \
        hand, record_procedure saves the steps as a new procedure. procedure_stats shows what past runs taught.
        """

    /// Registers the tools and serves on `transport` until it closes; `calls` counts the tool
    /// calls running.
    static func serve(_ toolbox: MCPToolbox, on transport: LineTransport, calls: DispatchGroup) async throws {
        let server = Server(
            name: "procrun", version: ProcrunVersion.current, instructions: instructions,
            capabilities: .init(logging: .init(), tools: .init(listChanged: false)))
        let threshold = LogThreshold()
        await server.withMethodHandler(SetLoggingLevel.self) { parameters in
            threshold.set(parameters.level)
            return Empty()
        }
        await server.withMethodHandler(ListTools.self) { _ in
            .init(tools: MCPToolbox.tools.map { tool in
                Tool(name: tool.name, description: tool.description, inputSchema: MCPValueBridge.sdk(tool.inputSchema))
            })
        }
        await server.withMethodHandler(CallTool.self) { parameters in
            let arguments = (parameters.arguments ?? [:]).mapValues(MCPValueBridge.procrun)
            // Progress only for a client that asked for it, with a token.
            let relay = progressRelay(for: parameters, server: server, threshold: threshold)
            let progress = relay.map { relay in { @Sendable (update: MCPProgress) in relay.send(update) } }
            // Tools run procedures and processes: they block, so they run off the cooperative pool.
            calls.enter()
            let result = await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    defer { calls.leave() }
                    continuation.resume(returning: toolbox.call(parameters.name, arguments: arguments, progress: progress))
                }
            }
            await relay?.finish()
            var structured: MCP.Value?
            if !result.isError, let value = ProcrunKit.Value(jsonText: result.text), case .mapping = value {
                structured = MCPValueBridge.sdk(value)
            }
            return .init(content: [.text(text: result.text, annotations: nil, _meta: nil)], structuredContent: structured, isError: result.isError)
        }
        try await server.start(transport: transport)
        await server.waitUntilCompleted()
    }

    /// What sends the progress of a call whose request asked for it (gave a progress token).
    private static func progressRelay(for parameters: CallTool.Parameters, server: Server, threshold: LogThreshold) -> ProgressRelay? {
        parameters._meta?.progressToken.map { ProgressRelay(server: server, token: $0, threshold: threshold) }
    }
}
