/// XML built element by element, two spaces of indentation per level, with text and attribute
/// values escaped (characters XML 1.0 cannot hold, such as a terminal's escape codes, become `�`).
package struct XMLText {
    /// The document so far.
    var text = ""

    /// `<name attributes>` on its own line.
    mutating func open(_ name: String, _ attributes: [(String, String)], depth: Int) {
        text += indent(depth) + "<" + name + Self.attributes(attributes) + ">\n"
    }

    /// `</name>` on its own line.
    mutating func close(_ name: String, depth: Int) {
        text += indent(depth) + "</" + name + ">\n"
    }

    /// An element on one line: empty (`<name .../>`) or holding escaped text.
    mutating func element(_ name: String, _ attributes: [(String, String)], body: String? = nil, depth: Int) {
        text += indent(depth) + "<" + name + Self.attributes(attributes)
        text += body.map { ">" + Self.escape($0) + "</" + name + ">\n" } ?? "/>\n"
    }

    private func indent(_ depth: Int) -> String {
        String(repeating: "  ", count: depth)
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " " + $0.0 + "=\"" + escape($0.1, attribute: true) + "\"" }.joined()
    }

    /// `text` with `&`, `<`, `>` (and in attributes `"`, tabs and line breaks) escaped: the one
    /// escaping of procrun's XML and HTML (the report page's, through `HTMLText`).
    package static func escape(_ text: String, attribute: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\n" where attribute: result += "&#10;"
            case "\r" where attribute: result += "&#13;"
            case "\t" where attribute: result += "&#9;"
            case "\n", "\r", "\t": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0xFFFE...0xFFFF).contains(value) && !(0x7F...0x9F).contains(value)
                result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return result
    }
}
