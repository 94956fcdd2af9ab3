import Foundation
import MCP

/// The least severe level of the log messages the client wants (`logging/setLevel`): every
/// level until it sets one.
final class LogThreshold: @unchecked Sendable {
    private let lock = NSLock()
    private var least = LogLevel.debug

    /// Sets the least severe level sent.
    func set(_ level: LogLevel) {
        lock.withLock { least = level }
    }

    /// Whether a message at `level` is sent.
    func lets(_ level: LogLevel) -> Bool {
        let least = lock.withLock { self.least }
        let order = LogLevel.allCases
        return order.firstIndex(of: level)! >= order.firstIndex(of: least)!
    }
}
