/// The levels of the `log` action.
package enum LogLevel: String, Sendable, CaseIterable {
    case info, warn, error
}
