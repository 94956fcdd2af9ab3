import ProcrunMemory

extension LibraryHealth {
    /// The report as one self-contained, static HTML page: no script, nothing loaded from
    /// elsewhere (a Content-Security-Policy refuses it), the same bytes for the same history.
    func html() -> String {
        let anchors = htmlAnchors()
        let title = HTMLText.escape(root)
        var page = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>\(title): library health, \(periodText)</title>
            <style>\(Self.htmlStyle)</style>
            </head>
            <body>

            """
        page += htmlHeader()
        page += "<main>\n"
        page += htmlAttention(anchors) + htmlTable(anchors) + htmlProcedures(anchors) + htmlCalls(anchors) + htmlProblems()
        page += "</main>\n<footer>\n<p>Written by <code>procrun report</code>. “Runs” and “Success” are what the procedure files hold now; "
        page += "“in period” is what the commits of \(periodText) added, a branch’s runs counted once, at its merge. "
        page += "The trend lines cut the period into \(Self.bucketCount) equal spans; a gap is a span without runs.</p>\n</footer>\n</body>\n</html>\n"
        return page
    }

    /// The page's top: the library, the period, and the figures that frame the rest.
    private func htmlHeader() -> String {
        let periodRuns = procedures.reduce(0) { $0 + $1.period.executionCount }
        var out = "<header>\n<p class=\"kicker\">procrun report · library health</p>\n<h1>\(HTMLText.escape(root))</h1>\n"
        out += "<p class=\"period\">\(periodText) (UTC)</p>\n<ul class=\"tiles\">\n"
        for (figure, label) in [(procedures.count, "procedures"), (commits, "commits read"), (periodRuns, "runs in the period"), (attention.count, "things to look at")] {
            out += "<li><b>\(figure)</b> <span>\(label)</span></li>\n"
        }
        return out + "</ul>\n</header>\n"
    }

    /// “Needs a look”: the findings of ``attention``, each linked to its procedure.
    private func htmlAttention(_ anchors: [String]) -> String {
        var out = "<section aria-labelledby=\"needs-a-look\">\n<h2 id=\"needs-a-look\">Needs a look</h2>\n"
        let findings = attention
        guard !findings.isEmpty else { return out + "<p class=\"all-good\">Nothing needs a look.</p>\n</section>\n" }
        out += "<ul class=\"findings\">\n"
        for (procedure, finding) in findings {
            out += "<li data-finding-of=\"\(HTMLText.escape(procedure))\">\(htmlLink(procedure, anchors)): \(HTMLText.escape(finding))</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    /// The files that could not be read, now or in the history, and a shallow clone's cut; nothing
    /// when there is none.
    private func htmlProblems() -> String {
        let all = problems + warnings
        guard !all.isEmpty else { return "" }
        var out = "<section aria-labelledby=\"not-read\">\n<h2 id=\"not-read\">Warnings</h2>\n<ul>\n"
        for problem in all {
            out += "<li>" + (problem.path.map { "<code>\(HTMLText.escape($0))</code>: " } ?? "") + HTMLText.escape(problem.message) + "</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    /// Each procedure's fragment id, by index: `procedure-NAME`, numbered when two names would
    /// give the same id.
    func htmlAnchors() -> [String] {
        var used: Set<String> = []
        return procedures.enumerated().map { index, procedure in
            var anchor = HTMLText.anchor("procedure-", procedure.name)
            if used.contains(anchor) { anchor += "-\(index + 1)" }
            used.insert(anchor)
            return anchor
        }
    }

    /// A procedure's name linked to its section, or only its name when the library has no
    /// procedure of that name.
    func htmlLink(_ name: String, _ anchors: [String]) -> String {
        guard let index = procedures.firstIndex(where: { $0.name == name }) else { return HTMLText.escape(name) }
        return "<a href=\"#\(anchors[index])\">\(HTMLText.escape(name))</a>"
    }
}
