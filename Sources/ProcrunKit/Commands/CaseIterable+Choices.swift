extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// The names of the cases as a choice in words, in their order: `text, markdown or json`.
    package static var choices: String {
        let names = allCases.map(\.rawValue)
        guard let last = names.last, names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }
}
