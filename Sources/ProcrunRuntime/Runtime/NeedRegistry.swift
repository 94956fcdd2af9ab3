import Glibc
import ProcrunText

/// What one `procrun` run knows of the needs it has run (`needs:`): each procedure file with the
/// same inputs runs at most once, however many procedures or steps need it, across the
/// procedures it calls and the procedures named on the command line (one named there counts as
/// run for the needs of those after it). The first need of a key runs it; a need of the same key while it runs (a step beside it in a parallel group) waits for
/// it, and any later one takes its outcome.
package final class NeedRegistry: @unchecked Sendable {
    /// How a need that ran ended, as later needs of it take it.
    struct Outcome: Sendable {
        /// Whether the needed procedure succeeded.
        var succeeded: Bool
        /// Its outputs.
        var outputs: [String: Value]
    }

    private var mutex = pthread_mutex_t()
    private var finishedCondition = pthread_cond_t()
    /// Every key claimed, with its outcome once it has one (nil while it runs).
    private var entries: [String: Outcome?] = [:]

    /// A registry with nothing run yet: one per `procrun` invocation.
    package init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&finishedCondition, nil)
    }

    deinit {
        pthread_cond_destroy(&finishedCondition)
        pthread_mutex_destroy(&mutex)
    }

    /// The key of a need: the needed procedure's file (``ProcrunLanguage/CallGraph/key(of:)``)
    /// and its inputs as bound (as JSON, names sorted).
    static func key(file: String, inputs: [String: Value]) -> String {
        file + "\n" + Value.mapping(inputs).jsonText
    }

    /// The outcome of `key` when it ran (or runs: then this waits for it to end); nil when it
    /// never did, and the caller now runs it and must call ``finish(_:with:)``.
    func claim(_ key: String) -> Outcome? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard let entry = entries[key] else {
            entries[key] = .some(nil)
            return nil
        }
        if let outcome = entry { return outcome }
        while true {
            pthread_cond_wait(&finishedCondition, &mutex)
            if case .some(.some(let outcome)) = entries[key] { return outcome }
        }
    }

    /// Records how a procedure named on the command line ended, as the outcome of `key` for
    /// later needs of it, unless a need of it ran before.
    func recordRoot(_ key: String, with outcome: Outcome) {
        pthread_mutex_lock(&mutex)
        if entries[key] == nil { entries[key] = .some(outcome) }
        pthread_mutex_unlock(&mutex)
    }

    /// Records how the need `key` ended and wakes the needs that wait for it.
    func finish(_ key: String, with outcome: Outcome) {
        pthread_mutex_lock(&mutex)
        entries[key] = .some(outcome)
        pthread_cond_broadcast(&finishedCondition)
        pthread_mutex_unlock(&mutex)
    }
}
