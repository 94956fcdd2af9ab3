package import ArgumentParser

extension ExitCode {
    /// Ends a command run from the command line with `status`, the exit code its `execute` returned,
    /// unless it is 0.
    package static func unlessSuccess(_ status: Int32) throws {
        if status != 0 { throw ExitCode(status) }
    }
}
