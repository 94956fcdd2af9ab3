/// A parsed expression (AST); used inside templates and alone for `when` conditions.
///
/// Ranges are offsets in Unicode scalars from the start of the text the expression was parsed
/// from (the whole template for an expression inside `{{ }}`).
package struct Expression: Sendable, Hashable {
    /// Where the expression is written.
    package var range: Range<Int>
    /// What it is.
    package var kind: Kind

    /// The forms an expression takes.
    package indirect enum Kind: Sendable, Hashable {
        case literal(Value)
        case path(Path)
        /// Fields and indexes of a parenthesized expression's value: `(x | from_json).items[0]`
        /// (the path's root is the parenthesized expression as written in messages).
        case member(Expression, Path)
        case filter(Expression, FilterCall)
        case not(Expression)
        case binary(BinaryOperator, Expression, Expression, operatorRange: Range<Int>)
        /// `A if COND else B`: only the chosen branch is evaluated.
        case conditional(Expression, condition: Expression, otherwise: Expression)
    }
}
