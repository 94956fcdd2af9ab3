import Glibc
import ProcrunText

/// Runs `count` jobs on at most `width` threads of its own, in order of their numbers, and hands
/// each finished job's number to the thread that waits in ``nextFinished()``. A job that returns
/// false keeps the jobs not started yet from starting (a parallel group's `fail_fast`), and then,
/// its number among the finished ones, calls `whenStopped` (which ends the running ones): the job
/// that stopped the others is always handed out before them.
final class ParallelWorkers: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var finishedCondition = pthread_cond_t()
    private let count: Int
    private let job: (Int) -> Bool
    private let whenStopped: () -> Void
    private var next = 0
    private var running = 0
    private var finished: [Int] = []
    private var stopped = false
    private var threads: [pthread_t] = []

    /// Workers for `count` jobs, job `i` being `job(i)`; nothing runs before ``start(width:)``.
    init(count: Int, job: @escaping (Int) -> Bool, whenStopped: @escaping () -> Void = {}) {
        self.count = count
        self.job = job
        self.whenStopped = whenStopped
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&finishedCondition, nil)
    }

    deinit {
        pthread_cond_destroy(&finishedCondition)
        pthread_mutex_destroy(&mutex)
    }

    /// Starts `width` threads (at least one, at most one per job). Returns false, having started
    /// none, when the system refused a thread; the caller then runs the jobs itself.
    func start(width: Int) -> Bool {
        for _ in 0..<max(1, min(width, count)) {
            guard let thread = PlainThread.start({ self.work() }) else {
                if threads.isEmpty { return false }
                break
            }
            threads.append(thread)
        }
        return true
    }

    /// Waits for the next job to finish and returns its number; nil once every job that was
    /// started has finished and none is left to start.
    func nextFinished() -> Int? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while finished.isEmpty {
            if running == 0 && (stopped || next == count) { return nil }
            pthread_cond_wait(&finishedCondition, &mutex)
        }
        return finished.removeFirst()
    }

    /// Waits for every thread to end (after ``nextFinished()`` returned nil).
    func join() {
        for thread in threads { pthread_join(thread, nil) }
        threads = []
    }

    private func work() {
        while true {
            pthread_mutex_lock(&mutex)
            guard !stopped, next < count else {
                pthread_mutex_unlock(&mutex)
                return
            }
            let index = next
            next += 1
            running += 1
            pthread_mutex_unlock(&mutex)
            let goOn = job(index)
            pthread_mutex_lock(&mutex)
            if !goOn { stopped = true }
            running -= 1
            finished.append(index)
            pthread_cond_signal(&finishedCondition)
            pthread_mutex_unlock(&mutex)
            if !goOn { whenStopped() }
        }
    }
}
