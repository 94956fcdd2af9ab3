/// The `--junit FILE` report: a run as JUnit XML, which CI systems show as test results. One
/// `testsuite` per procedure run (a called procedure's run nested inside its caller's suite), one
/// `testcase` per step with its time, `failure` with the error and the output's tail, `skipped` for
/// a skipped step.
package enum JUnitReport {
    /// How many lines of each output stream a failure shows.
    static let tailLines = 20

    /// The report as an XML document.
    package static func render(_ report: RunReport) -> String {
        var xml = XMLText()
        xml.text += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let counts = Counts(report.steps, error: report.error, nested: true)
        xml.open(
            "testsuites",
            [
                ("name", "procrun"), ("tests", "\(counts.tests)"), ("failures", "\(counts.failures)"), ("errors", "\(counts.errors)"),
                ("skipped", "\(counts.skipped)"), ("time", seconds(report.durationNanoseconds)),
            ], depth: 0)
        suite(
            name: report.procedure, file: report.file, steps: report.steps, error: report.error,
            durationNanoseconds: report.durationNanoseconds, into: &xml, depth: 1)
        xml.close("testsuites", depth: 0)
        return xml.text
    }

    /// One procedure's run: its steps' test cases, then the suites of the procedures it called.
    private static func suite(
        name: String, file: String, steps: [StepResult], error: String?, durationNanoseconds: UInt64, into xml: inout XMLText, depth: Int
    ) {
        let counts = Counts(steps, error: error, nested: false)
        xml.open(
            "testsuite",
            [
                ("name", name), ("tests", "\(counts.tests)"), ("failures", "\(counts.failures)"), ("errors", "\(counts.errors)"),
                ("skipped", "\(counts.skipped)"), ("time", seconds(durationNanoseconds)), ("file", file),
            ], depth: depth)
        for step in steps {
            testCase(step, suite: name, file: file, into: &xml, depth: depth + 1)
        }
        if let error {
            xml.open("testcase", [("name", "outputs"), ("classname", name), ("time", "0"), ("file", file)], depth: depth + 1)
            xml.element("error", [("message", error), ("type", "outputs")], body: error, depth: depth + 2)
            xml.close("testcase", depth: depth + 1)
        }
        for step in steps where step.calledFile != nil {
            suite(
                name: name + " › " + (step.calledProcedure ?? step.action), file: step.calledFile ?? "", steps: step.children, error: nil,
                durationNanoseconds: step.durationNanoseconds, into: &xml, depth: depth + 1)
        }
        xml.close("testsuite", depth: depth)
    }

    private static func testCase(_ step: StepResult, suite: String, file: String, into xml: inout XMLText, depth: Int) {
        let attributes = [
            ("name", step.id ?? "#\(step.number)"), ("classname", suite),
            ("time", seconds(step.durationNanoseconds)), ("file", file),
        ]
        switch step.status {
        case .success:
            xml.element("testcase", attributes, depth: depth)
        case .skipped:
            xml.open("testcase", attributes, depth: depth)
            xml.element("skipped", [("message", "its 'when' condition was false")], depth: depth + 1)
            xml.close("testcase", depth: depth)
        case .failed:
            let error = step.error ?? "failed"
            var body = error
            let tail = OutputTail(step, lines: tailLines)
            for part in tail.parts {
                body += "\n\n" + part.stream + " (last lines):\n" + part.lines.joined(separator: "\n")
            }
            xml.open("testcase", attributes, depth: depth)
            xml.element("failure", [("message", error), ("type", "failed")], body: body, depth: depth + 1)
            xml.close("testcase", depth: depth)
        }
    }

    /// Seconds with millisecond precision, as JUnit readers expect (`1.234`).
    static func seconds(_ nanoseconds: UInt64) -> String {
        let milliseconds = nanoseconds / 1_000_000
        let fraction = milliseconds % 1000
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - "\(fraction)".count) + "\(fraction)"
    }

    /// A suite's test, failure, error and skip counts: its own steps', and with `nested` its
    /// callees' too (the totals of `testsuites`).
    private struct Counts {
        var tests = 0
        var failures = 0
        var errors = 0
        var skipped = 0

        init(_ steps: [StepResult], error: String?, nested: Bool) {
            if error != nil {
                tests += 1
                errors = 1
            }
            add(steps, nested: nested)
        }

        private mutating func add(_ steps: [StepResult], nested: Bool) {
            for step in steps {
                tests += 1
                if step.status == .failed { failures += 1 }
                if step.status == .skipped { skipped += 1 }
                if nested { add(step.children, nested: true) }
            }
        }
    }
}
