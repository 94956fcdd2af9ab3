import ProcrunMemory
import ProcrunText

extension LibraryHealth {
    /// One section per procedure, anchored for the table's links: what it does, where it was,
    /// its figures, the steps to watch, its last failures and who it calls.
    func htmlProcedures(_ anchors: [String]) -> String {
        guard !procedures.isEmpty else { return "" }
        var out = "<section aria-labelledby=\"each-procedure\">\n<h2 id=\"each-procedure\">Each procedure</h2>\n"
        for (index, procedure) in procedures.enumerated() {
            out += htmlProcedure(procedure, anchor: anchors[index], anchors)
        }
        return out + "</section>\n"
    }

    /// One procedure's section.
    private func htmlProcedure(_ procedure: ProcedureHealth, anchor: String, _ anchors: [String]) -> String {
        let name = HTMLText.escape(procedure.name)
        var out = "<section class=\"procedure\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-title\" data-procedure=\"\(name)\">\n"
        out += "<h3 id=\"\(anchor)-title\">\(name)</h3>\n<p class=\"path\"><code>\(HTMLText.escape(procedure.path))</code></p>\n"
        out += procedure.description.isEmpty ? "<p class=\"muted\">No description.</p>\n" : "<p>\(HTMLText.escape(procedure.description))</p>\n"
        if let successor = procedure.supersededBy {
            out += "<p class=\"superseded\">Superseded by \(htmlLink(successor, anchors)).</p>\n"
        }
        if !procedure.formerPaths.isEmpty {
            out += "<p class=\"renamed\">Renamed from " + procedure.formerPaths.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: ", then ") + ".</p>\n"
        }
        out += "<dl class=\"facts\">\n"
        for (term, value) in [
            ("Runs", Self.htmlRuns(procedure.now.executionCount, procedure.successNow)),
            ("In the period", Self.htmlRuns(procedure.period.executionCount, procedure.successInPeriod)),
            ("Average run", procedure.durationNow), ("Last run", procedure.lastRunText),
            ("Success trend", Self.htmlTrend(procedure.successTrend, procedure.successTrendWord)),
            ("Duration trend", Self.htmlTrend(procedure.durationTrend, procedure.durationTrendWord)),
        ] {
            out += "<div><dt>\(term)</dt><dd>\(value)</dd></div>\n"
        }
        out += "</dl>\n" + htmlSteps(procedure) + htmlFailures(procedure, anchor: anchor)
        out += "<p class=\"calls\">Calls: " + htmlNames(procedure.calls, anchors) + ". Called by: " + htmlNames(procedure.calledBy, anchors) + ".</p>\n"
        return out + "</section>\n"
    }

    /// The flaky, failing and slow steps, as a list; nothing when no step needs watching.
    private func htmlSteps(_ procedure: ProcedureHealth) -> String {
        var items: [String] = []
        for (key, figures) in procedure.flakySteps {
            items.append("<li class=\"flaky\"><code>\(HTMLText.escape(key))</code> is flaky: failed \(figures.failures) of \(figures.runs) runs in the period</li>")
        }
        for (key, figures) in procedure.failingSteps {
            items.append("<li class=\"failing\"><code>\(HTMLText.escape(key))</code> is failing: failed \(figures.failures) of \(figures.runs) runs in the period</li>")
        }
        for (key, figures) in procedure.slowSteps {
            let average = DurationText.format(milliseconds: figures.averageDurationMilliseconds)
            items.append("<li class=\"slow\"><code>\(HTMLText.escape(key))</code> is slow: \(average) of an average \(procedure.durationNow) run</li>")
        }
        guard !items.isEmpty else { return "" }
        return "<h4>Steps to watch</h4>\n<ul class=\"steps\">\n" + items.joined(separator: "\n") + "\n</ul>\n"
    }

    /// The steps that ever failed, with their last error, failures and time-outs.
    private func htmlFailures(_ procedure: ProcedureHealth, anchor: String) -> String {
        let kinds = procedure.failureKinds
        guard !kinds.isEmpty else { return "" }
        var out = "<div class=\"scroll\" role=\"region\" aria-labelledby=\"\(anchor)-failures\" tabindex=\"0\">\n<table class=\"failures\">\n"
        out += "<caption id=\"\(anchor)-failures\">Last failures of \(HTMLText.escape(procedure.name)), by step</caption>\n"
        out += "<thead>\n<tr><th scope=\"col\">Step</th><th scope=\"col\">Last error</th><th scope=\"col\" class=\"num\">Failures</th><th scope=\"col\" class=\"num\">Time-outs</th></tr>\n</thead>\n<tbody>\n"
        for kind in kinds {
            out += "<tr><th scope=\"row\"><code>\(HTMLText.escape(kind.key))</code></th><td class=\"error\">\(HTMLText.escape(kind.lastError))</td>"
            out += "<td class=\"num\">\(kind.failures)</td><td class=\"num\">\(kind.timeouts)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }

    /// Runs and the share that succeeded, `18, 94.4% succeeded`; `none` without runs.
    private static func htmlRuns(_ runs: Int, _ success: String) -> String {
        runs == 0 ? "none" : "\(runs), \(success) succeeded"
    }

    /// Names linked to their sections, `none` when there are none.
    private func htmlNames(_ names: [String], _ anchors: [String]) -> String {
        names.isEmpty ? "none" : names.map { htmlLink($0, anchors) }.joined(separator: ", ")
    }

    /// “Calls”: the library's call graph, one row per caller and callee.
    func htmlCalls(_ anchors: [String]) -> String {
        var out = "<section aria-labelledby=\"calls\">\n<h2 id=\"calls\">Calls</h2>\n"
        let edges = procedures.flatMap { caller in caller.calls.map { (caller.name, $0) } }
        guard !edges.isEmpty else { return out + "<p>No procedure calls another.</p>\n</section>\n" }
        out += "<div class=\"scroll\" role=\"region\" aria-labelledby=\"calls-caption\" tabindex=\"0\">\n<table class=\"calls\">\n"
        out += "<caption id=\"calls-caption\">Who calls whom: needs, call steps and replayed procedures</caption>\n"
        out += "<thead>\n<tr><th scope=\"col\">Caller</th><th scope=\"col\">Calls</th></tr>\n</thead>\n<tbody>\n"
        for (caller, callee) in edges {
            out += "<tr data-caller=\"\(HTMLText.escape(caller))\" data-callee=\"\(HTMLText.escape(callee))\"><td>\(htmlLink(caller, anchors))</td><td><span aria-hidden=\"true\">→ </span>\(htmlLink(callee, anchors))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</section>\n"
    }
}
