import ProcrunLanguage
import ProcrunSystem
import ProcrunText

/// The interpreter is the context of the built-in actions its steps perform.
extension Interpreter: ActionContext {
    var names: RenderContext { context }
    var file: SourceFile { procedure.file }
    var libraryRoot: String { library.root }
    var commandEnvironment: [(String, String)] { environmentOverlay }
    var mcpServers: [String: ExternalCommand] { library.mcpServers }
    var timeLimit: Duration? { timeLeft(running.flatMap { limit($0.timeout) }) }
    var ownTimeLimit: Duration? { timeLeft(running?.timeout) }

    func expiredTimeout(_ limit: Duration?) -> Duration? {
        deadline.map { ContinuousClock.now >= $0 } ?? false ? deadlineTimeout ?? limit : limit
    }

    func arithmeticNames(in template: Template) -> Set<String> {
        if let known = arithmeticNamesByCommand[template.source] { return known }
        let names = ShellPlanner.arithmeticNames(in: template)
        arithmeticNamesByCommand[template.source] = names
        return names
    }

    func log(_ message: String, level: LogLevel) {
        observer?.logged(message, level: level)
    }

    func run(_ spec: ProcessSpec) throws(SpawnError) -> ProcessResult {
        var spec = spec
        spec.cancelDescriptor = cancelDescriptor
        let keepRunning = running?.keepRunning ?? false
        spec.endsWithProcrun = !keepRunning
        let streamed = options.streamOutput && !computingVariable ? observer.map { StreamedOutput(to: $0, hiding: secrets) } : nil
        streamed?.attach(to: &spec)
        defer { streamed?.finish() }
        let process = try ProcessRunner.run(spec)
        if let group = process.leftoverGroup, !keepRunning {
            leftovers.add(group, step: "\(procedure.name.value) › \(running?.displayName ?? "")")
        }
        return process
    }

    func show(output text: String) {
        guard options.streamOutput, !computingVariable, let observer else { return }
        var text = redact(text)
        text.withUTF8 { observer.commandOutput(UnsafeRawBufferPointer($0), stream: .stdout) }
    }

    func callTool(_ tool: String, arguments: Value, on server: String, _ command: ExternalCommand, timeout: Duration) throws(ExternalFailure)
        -> (text: String, isError: Bool)
    {
        sessions.lock()
        defer { sessions.unlock() }
        do {
            let deadline = ContinuousClock.now + timeout
            let client = try sessions.client(server, command, timeout: timeout, environment: environmentOverlay)
            return try client.callTool(tool, arguments: arguments, deadline: deadline, timeout: timeout)
        } catch {
            // A refused call (an unknown tool, bad arguments) leaves the server usable.
            if !error.interrupted, error.kind == .broken { sessions.abandonClient(server, because: "it " + error.message) }
            throw error
        }
    }
}
