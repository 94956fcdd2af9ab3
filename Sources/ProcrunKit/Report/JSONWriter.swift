/// Builds JSON text with keys in the order they are written: the report's stable layout.
public struct JSONWriter {
    /// The text written so far.
    public private(set) var text = ""
    private var needsComma = [false]

    /// An empty writer.
    public init() {}

    /// Starts an object (as a value, or as the value of `key`).
    public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    /// Ends the current object.
    public mutating func endObject() { close("}") }
    /// Starts an array.
    public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    /// Ends the current array.
    public mutating func endArray() { close("]") }

    /// Writes a string member (or null).
    public mutating func string(_ key: String?, _ value: String?) {
        member(key, value.map(Self.quote) ?? "null")
    }

    /// Writes an integer member.
    public mutating func integer(_ key: String?, _ value: Int?) {
        member(key, value.map(String.init) ?? "null")
    }

    /// Writes a boolean member.
    public mutating func boolean(_ key: String?, _ value: Bool) {
        member(key, value ? "true" : "false")
    }

    /// Writes JSON text produced elsewhere as a member.
    public mutating func raw(_ key: String?, _ json: String) {
        member(key, json)
    }

    private mutating func member(_ key: String?, _ json: String) {
        separate()
        if let key { text += Self.quote(key) + ":" }
        text += json
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        member(key, bracket)
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        needsComma.removeLast()
        text += bracket
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    /// A JSON string literal for `string` (``Value``'s writer, the one JSON string writer).
    public static func quote(_ string: String) -> String {
        var out = ""
        Value.appendJSONString(string, to: &out)
        return out
    }
}
