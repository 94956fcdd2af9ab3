import ProcrunMemory

extension LibraryHealth {
    /// The procedures table: one row per procedure with its figures now and in the period, its
    /// trend lines and their trends in words.
    func htmlTable(_ anchors: [String]) -> String {
        var out = "<section aria-labelledby=\"procedures\">\n<h2 id=\"procedures\">Procedures</h2>\n"
        guard !procedures.isEmpty else { return out + "<p>The library holds no procedure.</p>\n</section>\n" }
        out += "<div class=\"scroll\" role=\"region\" aria-labelledby=\"procedures-caption\" tabindex=\"0\">\n<table class=\"procedures\">\n"
        out += "<caption id=\"procedures-caption\">Runs and success rate now and in the period, trend lines by span (\(periodText)), average run and last run of each procedure</caption>\n"
        out += "<thead>\n<tr>"
        for (heading, numeric) in [
            ("Procedure", false), ("Runs", true), ("Success", true), ("Runs in period", true), ("Success in period", true),
            ("Success by span", false), ("Duration by span", false), ("Average run", true), ("Last run", false),
        ] {
            out += "<th scope=\"col\"\(numeric ? " class=\"num\"" : "")>\(heading)</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for (index, procedure) in procedures.enumerated() {
            out += htmlRow(procedure, anchor: anchors[index], anchors)
        }
        return out + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    /// One procedure's row.
    private func htmlRow(_ procedure: ProcedureHealth, anchor: String, _ anchors: [String]) -> String {
        let name = HTMLText.escape(procedure.name)
        let durations = procedure.durationSeries
        var out = "<tr data-procedure=\"\(name)\" data-runs=\"\(procedure.now.executionCount)\" data-success=\"\(procedure.successNow)\""
        out += " data-period-runs=\"\(procedure.period.executionCount)\" data-period-success=\"\(procedure.successInPeriod)\">\n"
        out += "<th scope=\"row\"><a href=\"#\(anchor)\">\(name)</a>"
        if let successor = procedure.supersededBy {
            out += "<span class=\"note superseded\">superseded by \(htmlLink(successor, anchors))</span>"
        }
        if let former = procedure.formerPaths.last {
            out += "<span class=\"note renamed\">renamed from \(HTMLText.escape(former))</span>"
        }
        out += "</th>\n<td class=\"num\">\(procedure.now.executionCount)</td><td class=\"num\">\(procedure.successNow)</td>"
        out += "<td class=\"num\">\(procedure.period.executionCount)</td><td class=\"num\">\(procedure.successInPeriod)</td>\n"
        out += "<td class=\"trend\">" + Self.sparkSVG(
            kind: "success", id: anchor + "-success", label: "Success rate by span, \(periodText): \(procedure.successSpoken)",
            values: procedure.successSeries, maximum: 1000)
        out += " " + Self.htmlTrend(procedure.successTrend, procedure.successTrendWord) + "</td>\n"
        out += "<td class=\"trend\">" + Self.sparkSVG(
            kind: "duration", id: anchor + "-duration", label: "Average duration by span, \(periodText): \(procedure.durationSpoken)",
            values: durations, maximum: durations.compactMap { $0 }.max() ?? 0)
        out += " " + Self.htmlTrend(procedure.durationTrend, procedure.durationTrendWord) + "</td>\n"
        out += "<td class=\"num\">\(procedure.durationNow)</td><td>\(procedure.lastRunText)</td>\n</tr>\n"
        return out
    }

    /// A trend in words, coloured when better or worse (the word says it too).
    static func htmlTrend(_ trend: ProcedureHealth.Trend, _ word: String) -> String {
        "<span class=\"word \(trend.rawValue)\">\(word)</span>"
    }
}
