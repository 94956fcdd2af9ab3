/// A value kept out of line in a copy-on-write box, so that owners which leave it at a default
/// can all share one box: a ``Step``'s rarely-set settings, a ``CommandCall``'s rarely-set options.
/// Such an owner stays a few words wide and is copied with one reference count, and
/// ``isShared(with:)`` tells it whether it still holds the default without reading the value.
package struct OutOfLine<Value: Sendable>: @unchecked Sendable {
    // Unchecked: a box is changed only while uniquely referenced (`update`); a shared one never is.
    private final class Box {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    /// A box holding `value`; kept in a `static let`, it is the default its owners share.
    package init(_ value: Value) {
        box = Box(value)
    }

    /// The value.
    package var value: Value {
        _read { yield box.value }
    }

    /// Changes the value in place, first copying it out of a box another owner shares.
    package mutating func update(_ change: (inout Value) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
        change(&box.value)
    }

    /// Whether this and `other` hold the same box: for an owner, that it was never changed from
    /// the default `other` is.
    package func isShared(with other: OutOfLine) -> Bool {
        box === other.box
    }
}
