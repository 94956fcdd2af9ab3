import ProcrunMemory

extension LibraryHealth {
    /// A trend line as an inline SVG: one point per span, joined while spans follow each other
    /// with runs, nothing where a span had none (a gap, not a zero). `kind` is its class beside
    /// `spark` (`success`, `duration`); `label` its text alternative, in its `<title>`.
    static func sparkSVG(kind: String, id: String, label: String, values: [Int?], maximum: Int) -> String {
        let width = 10 * max(1, values.count)
        var lines = "<line class=\"base\" x1=\"0\" y1=\"27.5\" x2=\"\(width)\" y2=\"27.5\"/>"
        var dots = ""
        var run: [String] = []
        func endRun() {
            if run.count > 1 { lines += "<polyline points=\"\(run.joined(separator: " "))\"/>" }
            run = []
        }
        for (index, value) in values.enumerated() {
            guard let value else {
                endRun()
                continue
            }
            let point = (x: decimal(100 * index + 50), y: decimal(y(value, maximum: maximum)))
            run.append("\(point.x),\(point.y)")
            dots += "<circle cx=\"\(point.x)\" cy=\"\(point.y)\" r=\"2\"/>"
        }
        endRun()
        return "<svg class=\"spark \(kind)\" role=\"img\" aria-labelledby=\"\(id)\" width=\"\(width)\" height=\"28\" viewBox=\"0 0 \(width) 28\">"
            + "<title id=\"\(id)\">\(HTMLText.escape(label))</title>\(lines)\(dots)</svg>"
    }

    /// Where `value` sits, in tenths of a pixel from the top: the maximum at 3, zero at 25.
    private static func y(_ value: Int, maximum: Int) -> Int {
        guard maximum > 0 else { return 250 }
        return 30 + (maximum - min(max(0, value), maximum)) * 220 / maximum
    }

    /// Tenths as a decimal number, `213` → `21.3`.
    private static func decimal(_ tenths: Int) -> String {
        tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
