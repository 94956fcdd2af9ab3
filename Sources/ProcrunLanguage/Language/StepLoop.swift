package import ProcrunText

/// A step's `for_each` and `as`, or its `matrix`: the step runs once per item of a list, with the
/// item readable under `name` (and `loop.index`, `loop.index0`, `loop.length`, `loop.first`,
/// `loop.last`); a matrix's entries are the items, read as `matrix`.
package struct StepLoop: Sendable {
    /// Where the items come from.
    package enum Items: Sendable {
        /// An expression (`for_each: inputs.hosts` or `for_each: "{{ steps.list.stdout | from_json }}"`)
        /// that must give a list.
        case expression(Condition)
        /// A list written in the file; each item is a template, rendered when the step starts.
        case written([TemplateField])
        /// A `matrix`: one item per entry, read as `matrix` (the loop's name).
        case matrix(StepMatrix)
    }

    /// Where the items come from.
    package var items: Items
    /// The name the item is read by (`as`, `item` by default).
    package var name: Located<String>
    /// Where `for_each` was written.
    package var location: SourceLocation

    /// The names a loop item may not take: procrun's own roots.
    package static let reservedNames: Set<String> = ["inputs", "env", "procedure", "steps", "vars", "run", "loop", "result", "params", "os", "matrix"]
}
