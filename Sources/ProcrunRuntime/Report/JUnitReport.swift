/// The `--junit FILE` report: a run as JUnit XML, which CI systems show as test results. One flat
/// `testsuite` for the run, one `testcase` per step that ran, counted as ``StepTotals`` counts
/// them: a called procedure's steps are cases of their own, named after the procedures they were
/// called through (`middle › bottom › build`), and the call step is not a case besides them, so a
/// failure counts once. A case has its time, `failure` with the error and the output's tail, or
/// `skipped`; an output of the procedure that could not be rendered is an `error` case.
package enum JUnitReport {
    /// How many lines of each output stream a failure shows.
    static let tailLines = 20

    /// The report as an XML document.
    package static func render(_ report: RunReport) -> String {
        var cases: [StepTotals.Counted] = []
        StepTotals.forEach(in: report) { cases.append($0) }
        let totals = StepTotals(report)
        // An unmet precondition of the procedure is a failed case of its own (and the run's error).
        let unmet = report.precondition == nil ? 0 : 1
        let errors = report.error == nil || unmet == 1 ? 0 : 1
        let counts = [
            ("tests", "\(cases.count + errors + unmet)"), ("failures", "\(totals.failed + unmet)"), ("errors", "\(errors)"),
            ("skipped", "\(totals.skipped)"), ("time", seconds(report.durationNanoseconds)),
        ]
        var xml = XMLText()
        xml.text += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml.open("testsuites", [("name", "procrun")] + counts, depth: 0)
        xml.open("testsuite", [("name", report.procedure)] + counts + [("file", report.file)], depth: 1)
        for counted in cases {
            testCase(counted, suite: report.procedure, into: &xml)
        }
        if let precondition = report.precondition {
            let error = precondition.error ?? "precondition not met"
            xml.open("testcase", [("name", "precondition"), ("classname", report.procedure), ("time", seconds(precondition.durationNanoseconds)), ("file", report.file)], depth: 2)
            xml.element("failure", [("message", error), ("type", "failed")], body: failureBody(precondition), depth: 3)
            xml.close("testcase", depth: 2)
        } else if let error = report.error {
            xml.open("testcase", [("name", "outputs"), ("classname", report.procedure), ("time", "0.000"), ("file", report.file)], depth: 2)
            xml.element("error", [("message", error), ("type", "outputs")], body: error, depth: 3)
            xml.close("testcase", depth: 2)
        }
        xml.close("testsuite", depth: 1)
        xml.close("testsuites", depth: 0)
        return xml.text
    }

    private static func testCase(_ counted: StepTotals.Counted, suite: String, into xml: inout XMLText) {
        let step = counted.result
        let attributes = [("name", counted.name), ("classname", suite), ("time", seconds(step.durationNanoseconds)), ("file", counted.file)]
        switch step.status {
        case .success:
            xml.element("testcase", attributes, depth: 2)
        case .skipped:
            xml.open("testcase", attributes, depth: 2)
            xml.element("skipped", [("message", step.error ?? "its 'when' condition was false")], depth: 3)
            xml.close("testcase", depth: 2)
        case .failed:
            xml.open("testcase", attributes, depth: 2)
            xml.element("failure", [("message", step.error ?? "failed"), ("type", "failed")], body: failureBody(step), depth: 3)
            xml.close("testcase", depth: 2)
        }
    }

    /// A failure's text: its error, then the last lines of each output stream.
    private static func failureBody(_ step: StepResult) -> String {
        var body = step.error ?? "failed"
        for part in OutputTail(step, lines: tailLines).parts {
            body += "\n\n" + part.stream + " (last lines):\n" + part.lines.joined(separator: "\n")
        }
        return body
    }

    /// Seconds with millisecond precision, as JUnit readers expect (`1.234`).
    static func seconds(_ nanoseconds: UInt64) -> String {
        let milliseconds = nanoseconds / 1_000_000
        let fraction = milliseconds % 1000
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - "\(fraction)".count) + "\(fraction)"
    }
}
