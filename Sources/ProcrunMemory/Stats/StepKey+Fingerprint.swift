package import ProcrunText

extension StepKey {
    /// `ACTION#XXXXXXXX`: the action's name and the first eight hex digits of a 64-bit FNV-1a hash
    /// of the action and of the parameters' content (a mapping's pairs combined in an order-free
    /// way, so reordering keys changes nothing; quoting and layout never count, since only parsed
    /// values are hashed).
    package static func fingerprint(action: String, parameters: YAMLNode?) -> String {
        var hasher = FNV1a()
        hasher.add(action)
        hasher.add(0)
        if let parameters, !(parameters.scalar?.isNull ?? false) { hasher.add(parameters) }
        return action + "#" + RunID.hex(hasher.value)
    }
}

extension FNV1a {
    /// Adds a node's content, with a marker byte before each part.
    mutating func add(_ node: YAMLNode) {
        switch node.content {
        case .scalar(let scalar):
            add(1)
            add(scalar.text)
            add(0)
        case .sequence(let items):
            add(2)
            for item in items { add(item) }
            add(3)
        case .mapping(let pairs):
            // Each pair hashed on its own and the hashes summed: the same for any key order,
            // without sorting (and allocating) the pairs of every step.
            var sum: UInt64 = 0
            for pair in pairs {
                var inner = FNV1a()
                inner.add(pair.key)
                inner.add(0)
                inner.add(pair.value)
                sum = sum &+ inner.value
            }
            add(4)
            for shift in stride(from: 0, to: 64, by: 8) { add(UInt8(truncatingIfNeeded: sum >> UInt64(shift))) }
            add(5)
        }
    }
}
