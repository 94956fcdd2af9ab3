/// A value kept out of line in an immutable box, so that owners which leave it at a default
/// can all share one box: a ``Step``'s rarely-set settings, a ``CommandCall``'s rarely-set options.
/// Such an owner stays a few words wide and is copied with one reference count, and
/// ``isShared(with:)`` tells it whether it still holds the default without reading the value.
/// Its members are inlinable: an owner in another target (``Step`` reading a setting) then reads the
/// one field it wants in place, where a generic call would copy the whole value out first. (A
/// package declaration's inlinable body reaches another target only when what it uses is
/// `@usableFromInline`.)
@usableFromInline package struct OutOfLine<Value: Sendable>: Sendable {
    /// The shared storage. Its value never changes (``update(_:)`` puts a changed value in a new
    /// box): a `let` is read in place, where reading a class's `var` for the length of a `_read`
    /// copies the whole value first.
    @usableFromInline final class Box: Sendable {
        /// The value held.
        @usableFromInline let value: Value
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

    /// Changes the value: the changed value goes in a new box, so that a box other owners share
    /// (the default) never changes. (Values are changed while they are read from a file, and
    /// read many times after.)
    @inlinable package mutating func update(_ change: (inout Value) -> Void) {
        var value = box.value
        change(&value)
        box = Box(value)
    }

    /// Whether this and `other` hold the same box: for an owner, that it was never changed from
    /// the default `other` is.
    @inlinable package func isShared(with other: OutOfLine) -> Bool {
        box === other.box
    }
}
