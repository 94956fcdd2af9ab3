extension ActionParameter {
    /// What a parameter takes, as people read it (grammar.md's type column) and as the JSON Schema
    /// says it. An action may declare a kind of its own beside these.
    package struct Kind: Sendable {
        /// The type as grammar.md's tables show it (`string or list of strings`).
        package let shown: String
        /// The members of the parameter's JSON Schema, without braces (`"type": "boolean"`).
        package let schema: String
        /// Whether a plain `true`, `false`, number or null written for it keeps its type
        /// (``YAMLScalar/literalValue``); otherwise the loader reads the text as written, so
        /// `mode: 0644` is the text `0644`. `procrun show --json` gives parameters as read by it.
        let keepsType: Bool

        /// A kind shown as `shown` whose JSON Schema members are `schema`; `keepsType` as above.
        init(shown: String, schema: String, keepsType: Bool = false) {
            self.shown = shown
            self.schema = schema
            self.keepsType = keepsType
        }

        /// Text that may hold `{{ expression }}` parts.
        static let template = Kind(shown: "string", schema: ##""$ref": "#/$defs/template""##)
        /// A command: a line, or a list of words.
        static let command = Kind(
            shown: "string or list of strings",
            schema: ##""anyOf": [{"$ref": "#/$defs/template"}, {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/template"}}]"##)
        /// Names with a template each (`env`, `headers`).
        static let templates = Kind(shown: "mapping of string → string", schema: ##""type": "object", "additionalProperties": {"$ref": "#/$defs/template"}"##)
        /// `true` or `false`.
        static let boolean = Kind(shown: "boolean", schema: ##""type": "boolean""##, keepsType: true)
        /// A duration written out, or a template that gives one.
        static let duration = Kind(shown: "duration", schema: ##""anyOf": [{"$ref": "#/$defs/duration"}, {"type": "string", "pattern": "\\{\\{"}]"##)
        /// A condition, or a list of conditions.
        static let conditions = Kind(
            shown: "condition or list of conditions", schema: ##""anyOf": [{"$ref": "#/$defs/text"}, {"type": "array", "items": {"$ref": "#/$defs/text"}}]"##)
        /// Octal permissions such as `0644`.
        static let octal = Kind(shown: "string", schema: ##""type": "string", "pattern": "^[0-7]{1,4}$""##)
        /// A name: letters, digits, `_` and `-`, starting with a letter.
        static let identifier = Kind(shown: "string", schema: ##""$ref": "#/$defs/identifier""##)
        /// Any mapping; strings at any depth are templates.
        static let mapping = Kind(shown: "mapping", schema: ##""type": "object""##, keepsType: true)
        /// Values by name (a called procedure's inputs).
        static let namedValues = Kind(
            shown: "mapping of name → value", schema: ##""type": ["object", "null"], "propertyNames": {"$ref": "#/$defs/identifierPattern"}"##,
            keepsType: true)
        /// A plain value or a template (a `set` variable).
        static let value = Kind(shown: "string, number or boolean", schema: ##""$ref": "#/$defs/template""##, keepsType: true)

        /// One of `names`, written literally.
        static func choice(_ names: [String]) -> Kind {
            let shown = names.dropLast().map { "`\($0)`" }.joined(separator: ", ") + (names.count > 1 ? " or " : "") + "`\(names.last ?? "")`"
            return Kind(shown: shown, schema: "\"enum\": [" + names.map { "\"\($0)\"" }.joined(separator: ", ") + "]")
        }
    }
}
