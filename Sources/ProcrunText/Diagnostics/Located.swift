/// A value read from a file, with where it was written.
///
/// Its initializer is inlinable so that the targets above (the loader, the checker) build a
/// `Located` of their own type directly, without the generic code's metadata lookups. (A package
/// declaration's inlinable body reaches another target only when what it uses is
/// `@usableFromInline`.)
@usableFromInline package struct Located<Value: Sendable>: Sendable {
    /// The value.
    @usableFromInline package var value: Value
    /// Where it starts in its file.
    @usableFromInline package var location: SourceLocation

    /// Pairs a value with its location.
    @inlinable package init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
