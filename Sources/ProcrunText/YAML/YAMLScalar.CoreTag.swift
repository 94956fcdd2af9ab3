extension YAMLScalar {
    /// The core-schema tags procrun accepts (`!!str`, `!!int`, ...). The non-specific tag `!` is
    /// read as `!!str` on a scalar; any other tag is an error: no tag ever means code.
    ///
    /// A tag is honoured where it fits: `!!str 12` and `! true` are text wherever the language types
    /// values; `!!int`, `!!float`, `!!bool` and `!!null` must be written as the language writes
    /// those types, and `!!map` and `!!seq` must stand on a mapping and a list.
    package enum CoreTag: String, Sendable, Hashable {
        case str, int, float, bool, null, map, seq

        /// The prefix libyaml resolves `!!` to.
        static let prefix = "tag:yaml.org,2002:"

        /// The tag as the file would write it: `!!str`, or the whole tag when it is not a core one.
        static func shown(_ name: String) -> String {
            name.hasPrefix(prefix) ? "!!" + name.dropFirst(prefix.count) : name
        }

        /// The core tag libyaml's resolved `name` stands for (`!` is `!!str`), or nil when procrun
        /// does not accept it.
        static func named(_ name: String) -> CoreTag? {
            if name == "!" { return .str }
            guard name.hasPrefix(prefix) else { return nil }
            return CoreTag(rawValue: String(name.dropFirst(prefix.count)))
        }

        /// What a scalar tagged so must be and is not, for an error (`an integer`), or nil when
        /// `text` fits the tag.
        func misfit(_ text: String) -> String? {
            switch self {
            case .str: nil
            case .int: DecimalText.integer(text) == nil ? "an integer (decimal digits, an optional leading '-')" : nil
            case .float: DecimalText.number(text) == nil ? "a decimal number" : nil
            case .bool: text == "true" || text == "false" ? nil : "true or false"
            case .null: ["", "~", "null", "Null", "NULL"].contains(text) ? nil : "nothing, '~' or null"
            case .map: "a mapping"
            case .seq: "a list"
            }
        }
    }
}
