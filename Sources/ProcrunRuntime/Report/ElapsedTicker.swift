import Glibc
import ProcrunText

/// Keeps a running step's progress line alive. On a terminal (``Mode/rewrite``), once the step has
/// run for a second, a thread of its own rewrites the line in place with the time elapsed, five
/// times a second, until the step ends. In a pipe (``Mode/announce``), once the step has run for
/// five seconds, the line is printed, once. Writes go straight to the descriptor under a lock, so
/// that after ``clear()`` returns nothing more is written and the caller owns the output again.
final class ElapsedTicker: @unchecked Sendable {
    /// How the running step's line is shown.
    enum Mode {
        /// On a terminal: the line, rewritten in place with the time, after ``rewriteDelay``.
        case rewrite
        /// In a pipe or a file: the line, printed once after ``announceDelay``.
        case announce
    }

    /// Its own buffer on the terminal, used only under the lock.
    private let output: TextOutput
    private let paint: @Sendable (String) -> String
    private var mutex = pthread_mutex_t()
    /// The line's text before the time, and when its step started; nil when no step is running.
    private var line: (text: String, started: ContinuousClock.Instant)?
    private var finished = false
    private var threadStarted = false
    private let mode: Mode

    /// How long a step runs before its line shows the time, on a terminal.
    static let rewriteDelay = Duration.seconds(1)
    /// How long a step runs before its start line is printed, in a pipe.
    static let announceDelay = Duration.seconds(5)

    /// A ticker writing to `descriptor` in `mode`; `paint` styles the time.
    init(descriptor: Int32, mode: Mode, paint: @escaping @Sendable (String) -> String) {
        self.output = TextOutput(descriptor: descriptor)
        self.mode = mode
        self.paint = paint
        pthread_mutex_init(&mutex, nil)
    }

    /// Shows the time since `started` after `text`, once it is a second or more, until ``clear()``
    /// (``Mode/rewrite``); or prints `text` on a line of its own once `started` is five seconds
    /// ago, unless ``clear()`` came first (``Mode/announce``).
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
                switch mode {
                case .rewrite where ContinuousClock.now - line.started >= Self.rewriteDelay:
                    let nanoseconds = StepResult.nanoseconds(since: line.started)
                    output.write("\r" + line.text + "  " + paint(DurationText.format(nanoseconds: nanoseconds)) + "\u{1B}[K")
                    output.flush()
                case .announce where ContinuousClock.now - line.started >= Self.announceDelay:
                    output.write(line.text + "\n")
                    output.flush()
                    self.line = nil
                default:
                    break
                }
            }
            pthread_mutex_unlock(&mutex)
        }
    }

    deinit {
        pthread_mutex_destroy(&mutex)
    }
}
