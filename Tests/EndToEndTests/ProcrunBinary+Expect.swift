import Testing

extension ProcrunBinary {
    /// Runs `procrun ARGUMENTS` (as ``run(_:in:input:environment:)`` does) and compares its exit
    /// status, standard output and standard error whole with what the test states: both streams
    /// empty and status 0 unless stated, each stream after `normalizations`. Returns the output as
    /// printed, for checks of what it leaves behind.
    ///
    /// In the manner of swift-argument-parser's `AssertExecuteCommand` and just's `Test` builder.
    @discardableResult
    static func expect(
        _ arguments: [String], in directory: String? = nil, input: String? = nil, environment: [(String, String)] = [],
        status: Int32 = 0, stdout: String = "", stderr: String = "", normalizing normalizations: [OutputNormalization] = [],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Output {
        let output = try run(arguments, in: directory, input: input, environment: environment)
        output.expect(status: status, stdout: stdout, stderr: stderr, normalizing: normalizations, sourceLocation: sourceLocation)
        return output
    }
}

extension ProcrunBinary.Output {
    /// Compares the status, standard output and standard error whole with what is stated (both
    /// streams empty and status 0 unless stated), each stream after `normalizations`.
    func expect(
        status: Int32 = 0, stdout: String = "", stderr: String = "", normalizing normalizations: [OutputNormalization] = [],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        if self.status != status {
            Issue.record(
                "exit status \(self.status), expected \(status); stderr was:\n\(self.stderr)", sourceLocation: sourceLocation)
            WholeText.record(actual: "\(self.status)", "exit status", at: sourceLocation)
        }
        WholeText.expect(self.stdout, equals: stdout, "standard output", normalizing: normalizations, sourceLocation: sourceLocation)
        WholeText.expect(self.stderr, equals: stderr, "standard error", normalizing: normalizations, sourceLocation: sourceLocation)
    }
}
