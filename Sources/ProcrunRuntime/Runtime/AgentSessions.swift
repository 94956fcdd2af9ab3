import Glibc
import ProcrunSystem
import ProcrunText

/// The executor and MCP servers a run has started, shared by the procedures it calls and
/// stopped when the outermost procedure ends.
final class AgentSessions {
    /// Taken around each use of a helper (and of the call graph) by the steps of a parallel
    /// group, which run on threads of their own: one request at a time per run.
    private var mutex = pthread_mutex_t()
    /// The calling program's executor, when it performs actions itself (see
    /// ``Interpreter/callerExecutor``); shared with called procedures like the rest.
    var callerExecutor: ((String, [String: Value]) throws -> String)?
    private var executor: ExternalExecutor?
    private var clients: [String: MCPClient] = [:]
    /// Why a helper was stopped early, by its key; later steps fail with that reason.
    private var stopped: [String: String] = [:]

    init() {
        pthread_mutex_init(&mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(&mutex)
    }

    /// Waits for, then holds, the sessions' lock.
    func lock() {
        pthread_mutex_lock(&mutex)
    }

    /// Lets the sessions' lock go.
    func unlock() {
        pthread_mutex_unlock(&mutex)
    }

    /// The running executor, started on first use with `environment` (the `env` and `dotenv`
    /// variables of the procedure whose step starts it, as its commands get them).
    func executor(_ command: ExternalCommand, environment: [(String, String)]) throws(ExternalFailure) -> ExternalExecutor {
        if let executor { return executor }
        if let reason = stopped["executor"] { throw ExternalFailure("was stopped earlier in this run (\(reason))", kind: .stoppedEarlier) }
        do {
            let started = try ExternalExecutor(command, environment: environment)
            executor = started
            return started
        } catch {
            stopped["executor"] = error.phrase
            throw ExternalFailure(error.phrase)
        }
    }

    /// The client of server `name`, started on first use (its handshake allowed `timeout`) with
    /// `environment`, as ``executor(_:environment:)``.
    func client(_ name: String, _ command: ExternalCommand, timeout: Duration, environment: [(String, String)]) throws(ExternalFailure) -> MCPClient {
        if let client = clients[name] { return client }
        if let reason = stopped["mcp." + name] { throw ExternalFailure("was stopped earlier in this run (\(reason))", kind: .stoppedEarlier) }
        do {
            let client = try MCPClient(command, timeout: timeout, environment: environment)
            clients[name] = client
            return client
        } catch {
            stopped["mcp." + name] = error.message
            throw error
        }
    }

    /// Stops the executor after a failure that leaves it in an unknown state.
    func abandonExecutor(because reason: String) {
        executor?.stop(grace: .milliseconds(200))
        executor = nil
        stopped["executor"] = reason
    }

    /// Stops a server after a failure that leaves it in an unknown state.
    func abandonClient(_ name: String, because reason: String) {
        clients[name]?.stop(grace: .milliseconds(200))
        clients[name] = nil
        stopped["mcp." + name] = reason
    }

    /// Stops every helper: standard input closed, then SIGTERM and SIGKILL if they linger.
    func stopAll() {
        executor?.stop()
        executor = nil
        for client in clients.values { client.stop() }
        clients = [:]
    }
}
