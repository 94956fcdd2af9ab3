extension YAMLNode {
    /// True when two nodes hold the same content (positions and styles aside), leaving out the
    /// top-level key `ignoringKey` of two mappings.
    package static func sameContent(_ a: YAMLNode, _ b: YAMLNode, ignoringKey: String? = nil) -> Bool {
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            return x.text == y.text && x.coreTag == y.coreTag && x.isNull == y.isNull
        case (.sequence(let x), .sequence(let y)):
            guard x.count == y.count else { return false }
            for index in x.indices where !sameContent(x[index], y[index]) { return false }
            return true
        case (.mapping(let x), .mapping(let y)):
            guard let ignoringKey else {
                guard x.count == y.count else { return false }
                for index in x.indices where x[index].key != y[index].key || !sameContent(x[index].value, y[index].value) {
                    return false
                }
                return true
            }
            let left = x.filter { $0.key != ignoringKey }
            let right = y.filter { $0.key != ignoringKey }
            return left.count == right.count
                && zip(left, right).allSatisfy { $0.key == $1.key && sameContent($0.value, $1.value) }
        default:
            return false
        }
    }
}
