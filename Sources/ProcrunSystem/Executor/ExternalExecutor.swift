package import ProcrunText

/// The library's executor while a run lasts: started at its first action, spoken to in
/// line-delimited JSON (one request, then one reply), stopped when the run ends.
package final class ExternalExecutor {
    /// How it was configured.
    package let command: ExternalCommand
    private let channel: LineChannel
    private var nextID = 1

    /// Starts the executor, with `environment` added to procrun's own (the `env` and `dotenv`
    /// variables of the procedure whose step starts it).
    package init(_ command: ExternalCommand, environment: [(String, String)] = []) throws(LineChannelError) {
        self.command = command
        self.channel = try LineChannel(arguments: command.arguments, workingDirectory: command.workingDirectory, environment: environment)
    }

    /// Sends one request and waits at most `timeout` for its reply.
    ///
    /// A protocol violation or a channel failure throws; the executor should not be used again then.
    package func perform(action: String, parameters: Value, context: [String: Value], timeout: Duration) throws(ExternalFailure) -> ExecutorReply {
        let id = nextID
        nextID += 1
        var request: [String: Value] = ["id": .integer(id), "action": .string(action), "parameters": parameters]
        for (key, value) in context { request[key] = value }
        let deadline = ContinuousClock.now + timeout
        do {
            try channel.send(Value.mapping(request).jsonText, deadline: deadline)
            var line = ""
            while line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                line = try channel.receive(deadline: deadline)
            }
            switch ExecutorReply.parse(line, id: id) {
            case .success(let reply): return reply
            case .failure(let problem): throw ExternalFailure("answered garbage: \(problem.message)", detail: problem.detail)
            }
        } catch let error as LineChannelError {
            if error == .timedOut { throw ExternalFailure("did not answer within \(timeout.shortDescription)") }
            if error == .interrupted { throw ExternalFailure(Interrupts.message, interrupted: true) }
            throw ExternalFailure(error.phrase)
        } catch let failure as ExternalFailure {
            throw failure
        } catch {
            throw ExternalFailure(String(describing: error))
        }
    }

    /// Closes its standard input and ends it if it does not leave within `grace`.
    package func stop(grace: Duration = .seconds(1)) {
        channel.close(grace: grace)
    }
}
