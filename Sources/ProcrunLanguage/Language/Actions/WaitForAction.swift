import Glibc
import ProcrunSystem
import ProcrunText

/// `wait_for`: waits until a TCP port accepts a connection, a URL answers with the expected
/// status, a file exists (or is gone), or a command succeeds, trying again every `interval` for at
/// most `timeout` (and the step's own `timeout`). Outcome: empty.
final class WaitForAction: BuiltinAction {
    static let declaration = ActionDeclaration(
        "wait_for",
        "Waits until a TCP port accepts connections, a URL answers, a file exists or is gone, or a command succeeds. Outcome: empty.",
        parameters: [
            ActionParameter("port", port, .optional, "wait until this TCP port accepts a connection (one of `port`, `url`, `path` and `command` is required)"),
            ActionParameter("host", .template, .value(.string("127.0.0.1")), "the host of `port`"),
            ActionParameter("url", .template, .optional, "wait until this `http://` or `https://` URL answers with `status` (asked as the `http` action asks)"),
            ActionParameter("status", status, .described("any from 200 to 299"), "the status `url` must answer with"),
            ActionParameter("path", .template, .optional, "wait until this file or folder exists (relative paths are taken from the procedure file's folder)"),
            ActionParameter("state", .choice(State.allCases.map(\.rawValue)), .value(.string(State.present.rawValue)), "with `path`: `absent` waits until it is gone"),
            ActionParameter("command", .command, .optional, "wait until this command exits with 0; it runs as a `shell` step's `command` does"),
            ActionParameter("interval", .duration, .value(.string("1s")), "the time between two tries"),
            ActionParameter("timeout", .duration, .value(.string("30s")), "the longest the whole wait may take"),
        ])
    static let hasEffects = true

    /// An integer port, or a template that gives one.
    private static let port = ActionParameter.Kind(
        shown: "integer from 1 to 65535", schema: ##""anyOf": [{"type": "integer", "minimum": 1, "maximum": 65535}, {"type": "string", "pattern": "\\{\\{"}]"##,
        keepsType: true)
    /// An HTTP status.
    private static let status = ActionParameter.Kind(shown: "integer from 100 to 599", schema: ##""type": "integer", "minimum": 100, "maximum": 599"##, keepsType: true)
    /// The targets; a step gives exactly one.
    private static let targets = ["port", "url", "path", "command"]
    /// The parameters that go with one target only.
    private static let belonging = [("host", "port"), ("status", "url"), ("state", "path")]

    /// What `path` waits for.
    enum State: String, CaseIterable {
        case present, absent
    }

    /// What is waited for.
    enum Target {
        /// A TCP port of a host (its number written, or a template).
        case port(host: TemplateField?, number: TemplateField)
        /// A URL, and the status it must answer with (nil: any from 200 to 299).
        case url(TemplateField, status: Int?)
        /// A file or folder, present or absent.
        case path(TemplateField, State)
        /// A command that must exit with 0.
        case command(CommandCall)
    }

    /// What is waited for.
    let target: Target
    /// The time between two tries (nil: 1s).
    let interval: TemplateField?
    /// The longest the wait may take (nil: 30s).
    let timeout: TemplateField?

    init?(compiling parameters: borrowing ActionCompiler, reader: inout NodeReader) {
        let given = parameters.parameters.map(\.name).filter(Self.targets.contains)
        guard let first = given.first else {
            reader.error(.waitForNothing(targets: Self.targets), at: parameters.action.location)
            return nil
        }
        if given.count > 1, let second = parameters.node(given[1]) {
            reader.error(.waitForTwo(first: first, second: given[1]), at: second.keyStart)
        }
        for (name, owner) in Self.belonging where owner != first {
            if let parameter = parameters.node(name) {
                reader.error(.waitForForeignParameter(name: name, owner: owner, target: first), at: parameter.keyStart)
            }
        }
        interval = parameters.duration("interval", reader: &reader)
        timeout = parameters.duration("timeout", reader: &reader)
        guard let target = Self.target(first, parameters, reader: &reader) else { return nil }
        self.target = target
    }

    /// The target `name`, read from its parameters.
    private static func target(_ name: String, _ parameters: ActionCompiler, reader: inout NodeReader) -> Target? {
        switch name {
        case "port":
            guard let node = parameters.node("port") else { return nil }
            if !(node.node.scalar?.text.contains("{{") ?? false), reader.integer(node.node, "parameter 'port'", in: 1...65535) == nil { return nil }
            return parameters.field(node, reader: &reader).map { .port(host: parameters.field("host", reader: &reader), number: $0) }
        case "url":
            guard let url = parameters.field("url", reader: &reader) else { return nil }
            if url.template.isLiteral, !url.text.lowercased().hasPrefix("http://"), !url.text.lowercased().hasPrefix("https://") {
                reader.error(.waitForURL(found: url.text), at: url.node.start)
            }
            guard let status = parameters.node("status") else { return .url(url, status: nil) }
            return reader.integer(status.node, "parameter 'status'", in: 100...599).map { .url(url, status: $0) }
        case "path":
            let state = parameters.node("state") == nil ? .present : parameters.literal("state", State.self, reader: &reader)
            guard let path = parameters.field("path", reader: &reader), let state else { return nil }
            return .path(path, state)
        default:
            return ShellAction.command(parameters, reader: &reader).map(Target.command)
        }
    }

    func collectTemplates(into fields: inout [TemplateField]) {
        fields += [interval, timeout].compactMap { $0 }
        switch target {
        case .port(let host, let number): fields += [host, number].compactMap { $0 }
        case .url(let url, _): fields.append(url)
        case .path(let path, _): fields.append(path)
        case .command(let call): call.collectTemplates(into: &fields)
        }
    }

    func check(in scope: NameShape, file: SourceFile, inherited: [String: EnvironmentSetting]) -> [Diagnostic] {
        guard case .command(let call) = target else { return [] }
        return call.shellSafetyDiagnostics(in: scope, file: file) + call.arithmeticEnvironmentDiagnostics(inherited: inherited, scope: scope, file: file)
    }

    var preview: String? {
        guard case .command(let call) = target else { return nil }
        return call.preview(parameters: [:])
    }

    func dryRun(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        result.outcome = "wait for " + (try awaited(in: context))
    }

    func expectationFailure(of result: ActionResult, _ expect: Expectation) -> StepFailure? { nil }

    /// Tries until the target is reached; fails when the wait's `timeout` (or the step's) runs
    /// out, naming what was awaited and why the last try did not reach it.
    func perform(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        let pause = try duration(interval, "interval", context) ?? .seconds(1)
        let wait = try duration(timeout, "timeout", context) ?? .seconds(30)
        let limit = context.ownTimeLimit
        let allowed = limit.map { min($0, wait) } ?? wait
        let end = ContinuousClock.now + allowed
        var reason: String?
        while true {
            let left = end - ContinuousClock.now
            if left <= .zero { break }
            reason = try attempt(in: context, within: left)
            if reason == nil { return }
            if Interrupts.received { throw StepFailure.interrupted }
            let rest = end - ContinuousClock.now
            if rest <= .zero { break }
            if !Interrupts.sleep(min(pause, rest)) { throw StepFailure.interrupted }
        }
        let named = allowed < wait ? context.expiredTimeout(limit) : wait
        throw StepFailure(.waitTimedOut(limit: named?.shortDescription, awaited: try awaited(in: context), reason: reason))
    }

    /// One try, given at most `left`: nil when the target is reached, else why not (empty when
    /// there is nothing to say beyond what was awaited).
    private func attempt(in context: any ActionContext, within left: Duration) throws(StepFailure) -> String? {
        switch target {
        case .port(let host, let number):
            return Self.connect(host: try context.string(host) ?? "127.0.0.1", port: try port(number, context), within: left)
        case .url(let url, let status):
            let request = HTTPRequest(url: try context.string(url), timeout: left)
            let response: (status: Int, body: String)
            do {
                response = try HTTPAction.send(request)
            } catch {
                return error.message
            }
            if status.map({ response.status == $0 }) ?? (200...299).contains(response.status) { return nil }
            return "it answered \(response.status)"
        case .path(let path, let state):
            let exists = FileSystem.exists(FileSystem.join(context.directory, try context.string(path)))
            return exists == (state == .present) ? nil : ""
        case .command(let call):
            var output = ActionResult()
            do {
                try call.run(in: context, file: nil, directory: context.directory, runsIn: context.commandDirectory, timeout: left, into: &output)
            } catch {
                guard error.kind == .timedOut else { throw error }
                return "it was still running"
            }
            return output.exitCode == 0 ? nil : "exit code \(output.exitCode ?? 1)"
        }
    }

    /// What is waited for, for messages: `127.0.0.1:8080 to accept connections`.
    private func awaited(in context: any ActionContext) throws(StepFailure) -> String {
        switch target {
        case .port(let host, let number):
            let host = try context.string(host) ?? "127.0.0.1"
            return "\(host.contains(":") ? "[\(host)]" : host):\(try port(number, context)) to accept connections"
        case .url(let url, let status):
            return "\(try context.string(url)) to answer " + (status.map(String.init) ?? "with a status from 200 to 299")
        case .path(let path, let state):
            return "'\(try context.string(path))' " + (state == .present ? "to exist" : "to be gone")
        case .command(let call):
            let command: String
            switch call.command {
            case .line(let line): command = line.text
            case .arguments(let words): command = words.map { ShellQuote.word($0.text) }.joined(separator: " ")
            }
            return "'\(command)' to succeed"
        }
    }

    /// The port a template gives.
    private func port(_ number: TemplateField, _ context: any ActionContext) throws(StepFailure) -> Int {
        let text = try context.string(number)
        guard let port = Int(text), (1...65535).contains(port) else {
            throw StepFailure(.port(found: text))
        }
        return port
    }

    /// A duration parameter's value (nil when not given).
    private func duration(_ field: TemplateField?, _ name: String, _ context: any ActionContext) throws(StepFailure) -> Duration? {
        guard let text = try context.string(field) else { return nil }
        guard let duration = NodeReader.parseDuration(text) else {
            throw StepFailure(.duration(parameter: name, found: text))
        }
        return duration
    }

    /// Connects to `host`'s `port` once, waiting at most `left` (and ending at an interrupt): nil
    /// when it accepted, else why not.
    private static func connect(host: String, port: Int, within left: Duration) -> String? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else { return "could not resolve host '\(host)': " + String(cString: gai_strerror(status)).lowercased() }
        defer { freeaddrinfo(list) }
        var reason = "connection refused"
        var node: UnsafeMutablePointer<addrinfo>? = list
        while let info = node?.pointee {
            node = info.ai_next
            let descriptor = socket(info.ai_family, info.ai_socktype | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), info.ai_protocol)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            var code: Int32 = Glibc.connect(descriptor, info.ai_addr, info.ai_addrlen) == 0 ? 0 : errno
            if code == EINPROGRESS {
                var entries = [pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0), pollfd(fd: Interrupts.pollDescriptor, events: Int16(POLLIN), revents: 0)]
                let milliseconds = Int32(clamping: max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
                guard poll(&entries, 2, milliseconds) > 0, entries[0].revents != 0 else { return "no answer" }
                var length = socklen_t(MemoryLayout<Int32>.size)
                if getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length) != 0 { code = errno }
            }
            if code == 0 { return nil }
            reason = String(cString: strerror(code)).lowercased()
        }
        return reason
    }
}
