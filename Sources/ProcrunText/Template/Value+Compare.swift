extension Value {
    /// Equality for `==`: integers and numbers compare numerically, lists and mappings item by
    /// item, values of different types are unequal.
    static func templateEquals(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.integer(let x), .number(let y)): return Double(x) == y
        case (.number(let x), .integer(let y)): return x == Double(y)
        case (.list(let x), .list(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { templateEquals($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], templateEquals(value, other) else { return false }
            }
            return true
        default:
            return a == b
        }
    }

    /// -1, 0 or 1 for two numbers or two strings; nil for any other pair.
    static func templateOrder(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let x), .string(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.integer(let x), .number(let y)): return order(Double(x), y)
        case (.number(let x), .integer(let y)): return order(x, Double(y))
        case (.number(let x), .number(let y)): return order(x, y)
        default: return nil
        }
    }

    private static func order(_ x: Double, _ y: Double) -> Int {
        x < y ? -1 : (x > y ? 1 : 0)
    }

    /// Whether `item` is in `container`: an equal item of a list, a substring of a string, a key
    /// of a mapping. False for pairs that `Expression.membershipError` rejects.
    static func templateContains(_ container: Value, _ item: Value) -> Bool {
        switch (container, item) {
        case (.list(let items), _): return items.contains { templateEquals($0, item) }
        case (.string(let text), .string(let part)): return TemplateText.contains(text, part)
        case (.mapping(let fields), .string(let key)): return fields[key] != nil
        default: return false
        }
    }
}
