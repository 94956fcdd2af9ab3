internal import Synchronization

/// Hands values over to the end of the process instead of freeing them.
///
/// A command line that is about to exit gains nothing from freeing what it loaded: a procedure of
/// 10,000 steps is hundreds of thousands of small objects, and releasing them one by one costs
/// several milliseconds that the operating system's reclaiming of the whole process does not
/// (clang's `-disable-free` makes the same trade). Commands do this only when the process asked
/// (``keepLoadedDataUntilExit()``, which the `procrun` executable calls); a library user's process
/// keeps freeing as usual.
package enum ProcessLifetime {
    /// Whether ``keepUntilExit(_:)`` keeps what it is given.
    private static let keeping = Atomic<Bool>(false)

    /// Makes ``keepUntilExit(_:)`` keep what it is given from now on: for a process that exits
    /// right after its command.
    package static func keepLoadedDataUntilExit() {
        keeping.store(true, ordering: .relaxed)
    }

    /// Keeps `value` alive until the process exits, when the process asked for it
    /// (``keepLoadedDataUntilExit()``); otherwise `value` is freed as usual.
    package static func keepUntilExit(_ value: some Any) {
        guard keeping.load(ordering: .relaxed) else { return }
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
