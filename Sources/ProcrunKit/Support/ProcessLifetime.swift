/// Hands values over to the end of the process instead of freeing them.
///
/// A command line that is about to exit gains nothing from freeing what it loaded: a procedure of
/// 10,000 steps is hundreds of thousands of small objects, and releasing them one by one costs
/// several milliseconds that the operating system's reclaiming of the whole process does not
/// (clang's `-disable-free` makes the same trade). Commands do this only when asked
/// (`keepsLoadedDataUntilExit`, which the `procrun` executable sets); a library user's process
/// keeps freeing as usual.
package enum ProcessLifetime {
    /// Keeps `value` alive until the process exits.
    package static func keepUntilExit(_ value: some Any) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
