extension Template {
    /// Parses `source`; the first syntax error is thrown, positioned in Unicode scalars from the
    /// start of `source`. Text without `{{` is found by a byte scan and kept as one literal part.
    package init(parsing source: String) throws(TemplateError) {
        guard Template.containsOpening(source) else {
            self.init(literal: source)
            return
        }
        let scalars = UnicodeScalarText.scalars(of: source)
        var parts: [Part] = []
        parts.reserveCapacity(3)
        var textStart = 0
        var index = 0
        while index + 1 < scalars.count {
            guard scalars[index] == "{", scalars[index + 1] == "{" else {
                index += 1
                continue
            }
            if index > textStart { parts.append(.text(Template.string(scalars[textStart..<index]))) }
            let close = try Template.closing(of: index, in: scalars)
            let inner = (index + 2)..<close
            let range = index..<(close + 2)
            if scalars[inner].allSatisfy({ $0.isWhitespace }) {
                throw TemplateError(range: range, .emptyExpression)
            }
            let expression = try Expression.parse(scalars, range: inner, endDescription: "'}}'")
            parts.append(.expression(expression, range: range))
            index = close + 2
            textStart = index
        }
        if textStart < scalars.count { parts.append(.text(Template.string(scalars[textStart...]))) }
        self.init(source: source, parts: parts, isLiteral: false)
    }

    private static func containsOpening(_ source: String) -> Bool {
        // Over the bytes in place when the string has them contiguous (almost always): stepping
        // through the UTF-8 view one byte at a time costs several times more.
        if let found = source.utf8.withContiguousStorageIfAvailable({ containsOpening($0) }) { return found }
        return containsOpening(source.utf8)
    }

    private static func containsOpening(_ bytes: some Sequence<UInt8>) -> Bool {
        var previousWasBrace = false
        for byte in bytes {
            if byte == 0x7B {
                if previousWasBrace { return true }
                previousWasBrace = true
            } else {
                previousWasBrace = false
            }
        }
        return false
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        UnicodeScalarText.string(scalars)
    }

    /// The offset of the `}}` that closes the `{{` at `open`, skipping string literals.
    private static func closing(of open: Int, in scalars: [Unicode.Scalar]) throws(TemplateError) -> Int {
        var index = open + 2
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "'" || scalar == "\"" {
                let quoteStart = index
                index += 1
                while index < scalars.count, scalars[index] != scalar {
                    index += scalars[index] == "\\" ? 2 : 1
                }
                if index >= scalars.count {
                    if hasClosing(in: scalars, from: quoteStart) {
                        throw TemplateError(range: quoteStart..<scalars.count, .unterminatedString(quote: scalar))
                    }
                    break
                }
            } else if scalar == "}", index + 1 < scalars.count, scalars[index + 1] == "}" {
                return index
            }
            index += 1
        }
        throw TemplateError(range: open..<(open + 2), .unclosedExpression)
    }

    private static func hasClosing(in scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == "}", scalars[index + 1] == "}" { return true }
            index += 1
        }
        return false
    }
}
