import Glibc
import ProcrunLanguage
import ProcrunText

/// The values of a run's `{sh: ...}` variables (and `procrun.yaml`'s), computed once per run and
/// shared by every procedure it calls and every step of its parallel groups: the first reader
/// computes a value while later ones, on other threads too, wait for it and read the same one.
/// A failure is kept as a value is: every later read fails the same way, without running again
/// (unless an interrupt or a parallel group's `fail_fast` ended the command).
final class ComputedVariables: @unchecked Sendable {
    /// A value being computed, or its outcome.
    private enum Entry {
        case computing
        case done(Result<Value, StepFailure>)
    }

    private var mutex = pthread_mutex_t()
    private var finished = pthread_cond_t()
    private var entries: [String: Entry] = [:]

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&finished, nil)
    }

    deinit {
        pthread_cond_destroy(&finished)
        pthread_mutex_destroy(&mutex)
    }

    /// The value kept under `key`, computed by `compute` when no reader has asked for it yet; a
    /// reader that comes while another computes it waits for that computation.
    func value(_ key: String, compute: () -> Result<Value, StepFailure>) -> Result<Value, StepFailure> {
        pthread_mutex_lock(&mutex)
        while true {
            switch entries[key] {
            case .done(let outcome)?:
                pthread_mutex_unlock(&mutex)
                return outcome
            case .computing?:
                pthread_cond_wait(&finished, &mutex)
            case nil:
                entries[key] = .computing
                pthread_mutex_unlock(&mutex)
                let outcome = compute()
                pthread_mutex_lock(&mutex)
                // A command an interrupt or a parallel group's `fail_fast` ended has no outcome:
                // the next reader runs it.
                if case .failure(let failure) = outcome, failure.kind == .interrupted || failure.kind.isCancellation {
                    entries[key] = nil
                } else {
                    entries[key] = .done(outcome)
                }
                pthread_cond_broadcast(&finished)
                pthread_mutex_unlock(&mutex)
                return outcome
            }
        }
    }
}
