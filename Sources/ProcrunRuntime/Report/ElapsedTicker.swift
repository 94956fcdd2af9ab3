import Glibc
import ProcrunText

/// Keeps a running step's progress line alive on a terminal: once the step has run for a second,
/// a thread of its own rewrites the line in place with the time elapsed, five times a second, until
/// the step ends. Writes go straight to the terminal under a lock, so that after ``clear()``
/// returns nothing more is written and the caller owns the line again.
final class ElapsedTicker: @unchecked Sendable {
    /// Its own buffer on the terminal, used only under the lock.
    private let output: TextOutput
    private let paint: @Sendable (String) -> String
    private var mutex = pthread_mutex_t()
    /// The line's text before the time, and when its step started; nil when no step is running.
    private var line: (text: String, started: ContinuousClock.Instant)?
    private var finished = false
    private var threadStarted = false

    /// How long a step runs before its line shows the time.
    static let delay = Duration.seconds(1)

    /// A ticker writing to `descriptor`; `paint` styles the time.
    init(descriptor: Int32, paint: @escaping @Sendable (String) -> String) {
        self.output = TextOutput(descriptor: descriptor)
        self.paint = paint
        pthread_mutex_init(&mutex, nil)
    }

    /// Shows the time since `started` after `text`, once it is a second or more, until ``clear()``.
    func show(_ text: String, since started: ContinuousClock.Instant = .now) {
        pthread_mutex_lock(&mutex)
        line = (text, started)
        let start = !threadStarted
        threadStarted = true
        pthread_mutex_unlock(&mutex)
        if start { startThread() }
    }

    /// Stops updating the line; the caller rewrites it.
    func clear() {
        pthread_mutex_lock(&mutex)
        line = nil
        pthread_mutex_unlock(&mutex)
    }

    /// Ends the thread (at its next tick).
    func stop() {
        pthread_mutex_lock(&mutex)
        line = nil
        finished = true
        pthread_mutex_unlock(&mutex)
    }

    private func startThread() {
        if let thread = PlainThread.start({ self.loop() }) { pthread_detach(thread) }
    }

    private func loop() {
        while true {
            usleep(200_000)
            pthread_mutex_lock(&mutex)
            if finished {
                pthread_mutex_unlock(&mutex)
                return
            }
            if let line {
                if ContinuousClock.now - line.started >= Self.delay {
                    let nanoseconds = StepResult.nanoseconds(since: line.started)
                    output.write("\r" + line.text + "  " + paint(DurationText.format(nanoseconds: nanoseconds)) + "\u{1B}[K")
                    output.flush()
                }
            }
            pthread_mutex_unlock(&mutex)
        }
    }

    deinit {
        pthread_mutex_destroy(&mutex)
    }
}
