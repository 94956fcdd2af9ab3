/// A value kept out of line in a copy-on-write box, so that owners which leave it at a default
/// can all share one box: a ``Step``'s rarely-set settings, a ``CommandCall``'s rarely-set options.
/// Such an owner stays a few words wide and is copied with one reference count, and
/// ``isShared(with:)`` tells it whether it still holds the default without reading the value.
/// Its members are inlinable: an owner in another target (``Step`` reading a setting) then reads the
/// one field it wants in place, where a generic call would copy the whole value out first. (A
/// package declaration's inlinable body reaches another target only when what it uses is
/// `@usableFromInline`.)
@usableFromInline package struct OutOfLine<Value: Sendable>: @unchecked Sendable {
    // Unchecked: a box is changed only while uniquely referenced (`update`); a shared one never is.
    /// The shared, copy-on-write storage.
    @usableFromInline final class Box {
        /// The value held.
        @usableFromInline var value: Value
        /// A box holding `value`.
        @inlinable init(_ value: Value) { self.value = value }
    }

    /// The box, shared by every owner that holds the same value.
    @usableFromInline var box: Box

    /// A box holding `value`; kept in a `static let`, it is the default its owners share.
    @inlinable package init(_ value: Value) {
        box = Box(value)
    }

    /// The value.
    @inlinable package var value: Value {
        _read { yield box.value }
    }

    /// Changes the value in place, first copying it out of a box another owner shares.
    @inlinable package mutating func update(_ change: (inout Value) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
        change(&box.value)
    }

    /// Whether this and `other` hold the same box: for an owner, that it was never changed from
    /// the default `other` is.
    @inlinable package func isShared(with other: OutOfLine) -> Bool {
        box === other.box
    }
}
