/// The Porter stemming algorithm (M. F. Porter, 1980), for lowercase ASCII words: `deploying`,
/// `deployed` and `deployment` all become `deploy`, so a query finds a procedure whatever form
/// of a word either uses. Words with other characters are returned unchanged.
package enum Stemmer {
    /// The stem of a lowercase word.
    package static func stem(_ word: String) -> String {
        guard word.utf8.count > 2, word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return word }
        var stemmer = Porter(Array(word.utf8))
        stemmer.run()
        return String(decoding: stemmer.b[0...stemmer.k], as: UTF8.self)
    }
}

/// The algorithm's state: the word `b`, its end `k`, and the end of the current stem `j`.
private struct Porter {
    var b: [UInt8]
    var k: Int
    var j = 0

    init(_ word: [UInt8]) {
        b = word
        k = word.count - 1
    }

    mutating func run() {
        step1ab()
        if k > 0 {
            step1c()
            step2()
            step3()
            step4()
            step5()
        }
    }

    func isConsonant(_ i: Int) -> Bool {
        switch b[i] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return false
        case UInt8(ascii: "y"): return i == 0 ? true : !isConsonant(i - 1)
        default: return true
        }
    }

    /// The number of vowel-consonant sequences in `b[0...j]`.
    func measure() -> Int {
        var n = 0
        var i = 0
        while true {
            if i > j { return n }
            if !isConsonant(i) { break }
            i += 1
        }
        i += 1
        while true {
            while true {
                if i > j { return n }
                if isConsonant(i) { break }
                i += 1
            }
            i += 1
            n += 1
            while true {
                if i > j { return n }
                if !isConsonant(i) { break }
                i += 1
            }
            i += 1
        }
    }

    func vowelInStem() -> Bool {
        (0...max(0, j)).contains { $0 <= j && !isConsonant($0) }
    }

    func doubleConsonant(_ i: Int) -> Bool {
        i >= 1 && b[i] == b[i - 1] && isConsonant(i)
    }

    /// Consonant-vowel-consonant at `i`, the last not w, x or y.
    func cvc(_ i: Int) -> Bool {
        if i < 2 || !isConsonant(i) || isConsonant(i - 1) || !isConsonant(i - 2) { return false }
        let last = b[i]
        return last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != UInt8(ascii: "y")
    }

    mutating func ends(_ suffix: String) -> Bool {
        ends(Array(suffix.utf8))
    }

    mutating func ends(_ s: [UInt8]) -> Bool {
        let length = s.count
        if length > k + 1 { return false }
        let start = k - length + 1
        for offset in 0..<length where b[start + offset] != s[offset] { return false }
        j = k - length
        return true
    }

    mutating func setTo(_ suffix: String) {
        setTo(Array(suffix.utf8))
    }

    mutating func setTo(_ s: [UInt8]) {
        b.replaceSubrange((j + 1)..., with: s)
        k = j + s.count
    }

    mutating func replace(_ suffix: [UInt8]) {
        if measure() > 0 { setTo(suffix) }
    }

    mutating func step1ab() {
        if b[k] == UInt8(ascii: "s") {
            if ends("sses") {
                k -= 2
            } else if ends("ies") {
                setTo("i")
            } else if k >= 1, b[k - 1] != UInt8(ascii: "s") {
                k -= 1
            }
        }
        b.removeSubrange((k + 1)...)
        if ends("eed") {
            if measure() > 0 { k -= 1 }
        } else if (ends("ed") || ends("ing")) && vowelInStem() {
            k = j
            b.removeSubrange((k + 1)...)
            if ends("at") {
                setTo("ate")
            } else if ends("bl") {
                setTo("ble")
            } else if ends("iz") {
                setTo("ize")
            } else if doubleConsonant(k) {
                let last = b[k]
                if last != UInt8(ascii: "l") && last != UInt8(ascii: "s") && last != UInt8(ascii: "z") { k -= 1 }
            } else {
                j = k
                if measure() == 1 && cvc(k) { setTo("e") }
            }
        }
        b.removeSubrange((k + 1)...)
    }

    mutating func step1c() {
        if ends("y") && vowelInStem() { b[k] = UInt8(ascii: "i") }
    }

    static let step2Rules: [([UInt8], [UInt8])] = bytes([
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"),
        ("biliti", "ble"), ("logi", "log"),
    ])
    static let step3Rules: [([UInt8], [UInt8])] = bytes([
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ])
    static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ].map { Array($0.utf8) }
    static let ion = Array("ion".utf8)

    static func bytes(_ rules: [(String, String)]) -> [([UInt8], [UInt8])] {
        rules.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }

    mutating func step2() {
        guard k >= 1 else { return }
        for (suffix, replacement) in Self.step2Rules where ends(suffix) {
            replace(replacement)
            return
        }
    }

    mutating func step3() {
        for (suffix, replacement) in Self.step3Rules where ends(suffix) {
            replace(replacement)
            return
        }
    }

    mutating func step4() {
        guard k >= 1 else { return }
        for suffix in Self.step4Suffixes where ends(suffix) {
            if suffix == Self.ion {
                guard j >= 0, b[j] == UInt8(ascii: "s") || b[j] == UInt8(ascii: "t") else { return }
            }
            if measure() > 1 { k = j }
            b.removeSubrange((k + 1)...)
            return
        }
    }

    mutating func step5() {
        j = k
        if b[k] == UInt8(ascii: "e") {
            let m = measure()
            if m > 1 || (m == 1 && !cvc(k - 1)) { k -= 1 }
        }
        if b[k] == UInt8(ascii: "l") && doubleConsonant(k) && measure() > 1 { k -= 1 }
        b.removeSubrange((k + 1)...)
    }
}
