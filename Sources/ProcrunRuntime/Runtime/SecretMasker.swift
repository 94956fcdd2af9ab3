package import ProcrunLanguage
package import ProcrunText

/// Replaces secret input values with `***` in output that arrives in chunks (`--verbose`
/// streaming), also when a value is split between two chunks: the end of a chunk that could be
/// the start of a secret is held back until the next chunk (or the end) says what it is.
package final class SecretMasker: @unchecked Sendable {
    private let secrets: [[UInt8]]
    private var pending: [UInt8] = []
    private static let mask = Array("***".utf8)

    /// What to mask for one secret value: the value, and each line of one that spans lines
    /// (without its surrounding blanks) that holds a letter or a digit, since an error may quote
    /// a single line of output. A line of only punctuation (`{`, `-----`) tells nothing.
    static func forms(of secret: String) -> [String] {
        guard !secret.isEmpty else { return [] }
        var forms = [secret]
        guard secret.contains(where: \.isNewline) else { return forms }
        for line in secret.split(whereSeparator: \.isNewline) {
            let trimmed = String(line.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
            guard trimmed.contains(where: { $0.isLetter || $0.isNumber }), !forms.contains(trimmed) else { continue }
            forms.append(trimmed)
        }
        return forms
    }

    /// The values a run of `procedure` with `inputs` masks: its secret inputs and the values of
    /// its secret `.env` files (the library's and its own), each in all its ``forms(of:)``,
    /// without repeats, the longest first (so that a value is masked whole before its lines).
    package static func secrets(of procedure: Procedure, library: Library, inputs: [String: Value]) -> [String] {
        var values: [String] = []
        for input in procedure.inputs where input.secret {
            if case .string(let text)? = inputs[input.name] { values += forms(of: text) }
        }
        for loaded in library.environment.loaded + procedure.environment.loaded where loaded.secret {
            values += forms(of: loaded.value)
        }
        return longestFirst(values)
    }

    /// `values` without repeats, the longest first.
    static func longestFirst(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }.sorted { $0.utf8.count > $1.utf8.count }
    }

    /// `text` with each of `secrets` (longest first) shown as `***`.
    package static func masking(_ text: String, hiding secrets: [String]) -> String {
        secrets.reduce(text) { $0.replacingOccurrences($1, with: "***") }
    }

    /// A masker for these values (empty ones are ignored).
    init(_ secrets: [String]) {
        self.secrets = secrets.map { Array($0.utf8) }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// The part of what came so far that can be shown, masked.
    func feed(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        pending += bytes
        return drain(final: false)
    }

    /// Whatever was held back, masked.
    func finish() -> [UInt8] {
        drain(final: true)
    }

    private func drain(final: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pending.count)
        var index = 0
        scan: while index < pending.count {
            for secret in secrets where pending[index] == secret[0] {
                let available = min(secret.count, pending.count - index)
                guard pending[index..<(index + available)].elementsEqual(secret[0..<available]) else { continue }
                if available == secret.count {
                    out += Self.mask
                    index += secret.count
                    continue scan
                }
                if !final { break scan }  // maybe a secret, cut by the chunk's end: wait for more
            }
            out.append(pending[index])
            index += 1
        }
        pending.removeFirst(index)
        return out
    }
}
