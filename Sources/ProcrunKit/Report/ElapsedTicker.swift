import Glibc

/// Keeps a running step's progress line alive on a terminal: once the step has run for a second,
/// a thread of its own rewrites the line in place with the time elapsed, five times a second, until
/// the step ends. Writes go straight to the terminal under a lock, so that after ``clear()``
/// returns nothing more is written and the caller owns the line again.
final class ElapsedTicker: @unchecked Sendable {
    private let descriptor: Int32
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
        self.descriptor = descriptor
        self.paint = paint
        pthread_mutex_init(&mutex, nil)
    }

    /// Shows the time after `text` from a second after now, until ``clear()``.
    func show(_ text: String) {
        pthread_mutex_lock(&mutex)
        line = (text, ContinuousClock.now)
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
        let box = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { pointer in
                guard let pointer else { return nil }
                Unmanaged<ElapsedTicker>.fromOpaque(pointer).takeRetainedValue().loop()
                return nil
            }, box)
        if created == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<ElapsedTicker>.fromOpaque(box).release()
        }
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
                let elapsed = ContinuousClock.now - line.started
                if elapsed >= Self.delay {
                    let nanoseconds = UInt64(elapsed.components.seconds) * 1_000_000_000 + UInt64(elapsed.components.attoseconds / 1_000_000_000)
                    let bytes = Array(("\r" + line.text + "  " + paint(ProgressPrinter.format(nanoseconds)) + "\u{1B}[K").utf8)
                    bytes.withUnsafeBytes { buffer in
                        var offset = 0
                        while offset < buffer.count {
                            let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                            if count < 0, errno == EINTR { continue }
                            if count <= 0 { break }
                            offset += count
                        }
                    }
                }
            }
            pthread_mutex_unlock(&mutex)
        }
    }

    deinit {
        pthread_mutex_destroy(&mutex)
    }
}
