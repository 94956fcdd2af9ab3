extension UTCTimestamp {
    /// Whether `text` has the form procrun writes: `YYYY-MM-DDTHH:MM:SSZ`.
    package static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return false }
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        let separators: [Int: UInt8] = [4: 45, 7: 45, 10: 84, 13: 58, 16: 58, 19: 90]
        return digitPositions.allSatisfy { (48...57).contains(bytes[$0]) } && separators.allSatisfy { bytes[$0.key] == $0.value }
    }
}
