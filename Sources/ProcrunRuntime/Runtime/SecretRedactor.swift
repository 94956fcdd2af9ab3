import ProcrunLanguage
import ProcrunText

/// Keeps secrets out of recordings: known secret values (environment variables and inputs marked
/// secret) and strings shaped like common credentials are replaced by a secret input.
///
/// The same value is always replaced by the same input, so a token used in three steps becomes one
/// input, `--set github_token=...` on replay.
package struct SecretRedactor: Sendable {
    /// The known secret values and the input names that replace them.
    package private(set) var known: [(name: String, origin: String, value: String)] = []
    /// The inputs used so far, in order of first use.
    package private(set) var inputs: [SecretInput] = []

    /// Environment variable names whose values are treated as secret.
    static let secretNameWords = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL", "ACCESS_KEY", "AUTH"]

    /// Credential shapes: a kind (the input's base name), a pattern, and whether the secret is the
    /// pattern's first capture group rather than the whole match.
    static let shapes: [(kind: String, pattern: String, group: Bool)] = [
        ("private_key", #"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----"#, false),
        ("aws_access_key", #"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"#, false),
        ("github_token", #"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})\b"#, false),
        ("slack_token", #"\bxox[abposr]-[A-Za-z0-9-]{10,}"#, false),
        ("api_key", #"\bsk-[A-Za-z0-9_-]{20,}"#, false),
        ("google_api_key", #"\bAIza[0-9A-Za-z_-]{35}\b"#, false),
        ("jwt", #"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#, false),
        ("bearer_token", #"(?i:bearer)\s+([A-Za-z0-9._~+/=-]{16,})"#, true),
        ("url_password", #"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@]+:([^\s@/]{3,})@"#, true),
        ("password", #"(?i:\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)\b)["']?\s*[=:]\s*["']?([^\s"'&;,]{4,})"#, true),
    ]

    /// Words that follow `password:` or `token=` without being secrets.
    static let notSecrets: Set<String> = ["true", "false", "null", "none", "required", "optional", "string", "xxxx", "****", "<redacted>"]

    private var compiled: [(kind: String, regex: CompiledRegex, group: Bool)] = []

    /// A redactor that knows credential shapes and no values yet.
    package init() {
        compiled = Self.shapes.compactMap { shape in
            (try? CompiledRegex(shape.pattern)).map { (shape.kind, $0, shape.group) }
        }
    }

    /// A redactor that also treats as secret the values of environment variables named like
    /// secrets (`*TOKEN*`, `*PASSWORD*`, ...; values of at least 6 characters that are not paths,
    /// and not sockets such as `SSH_AUTH_SOCK`) and of those listed in `secretNames`.
    package init(environment: [String: String], secretNames: [String] = []) {
        self.init()
        for name in environment.keys.sorted() {
            guard let value = environment[name] else { continue }
            let upper = name.uppercased()
            if secretNames.contains(name) {
                addSecret(value, input: Self.inputName(from: name), origin: "the environment variable \(name)")
            } else if Self.secretNameWords.contains(where: { upper.contains($0) }), !upper.hasSuffix("_SOCK"), upper != "XAUTHORITY",
                value.count >= 6, !value.hasPrefix("/")
            {
                addSecret(value, input: Self.inputName(from: name), origin: "the environment variable \(name)")
            }
        }
    }

    /// Treats `value` as secret, replaced by input `input` (a value shorter than 4 characters is ignored:
    /// replacing it everywhere would garble the recording).
    package mutating func addSecret(_ value: String, input: String, origin: String = "a secret input") {
        guard value.count >= 4, !known.contains(where: { $0.value == value }) else { return }
        known.append((uniqueName(input), origin, value))
        known.sort { $0.value.count > $1.value.count }
    }

    /// A valid input name made from an environment variable's name.
    static func inputName(from name: String) -> String {
        var out = String(name.lowercased().map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        if !(out.first?.isLetter ?? false) { out = "secret_" + out }
        return out
    }

    private func uniqueName(_ base: String) -> String {
        var name = base
        var counter = 2
        while known.contains(where: { $0.name == name }) || inputs.contains(where: { $0.name == name }) {
            name = "\(base)_\(counter)"
            counter += 1
        }
        return name
    }

    /// `text` split into kept text and secret places. With `register` (for what will be written
    /// as parameters), every secret input used is remembered, to be declared; without it (for
    /// outcomes, whose secret places are never written), inputs are named but not declared.
    package mutating func redact(_ text: String, register: Bool = true) -> [RedactedPart] {
        guard !text.isEmpty else { return [] }
        var found: [(range: Range<String.Index>, name: String)] = []
        for secret in known {
            var searchStart = text.startIndex
            while let range = text[searchStart...].firstRange(of: secret.value) {
                found.append((range, secret.name))
                if register { use(secret.name, secret.origin, secret.value) }
                searchStart = range.upperBound
            }
        }
        for shape in compiled {
            for match in text.matches(of: shape.regex.regex) {
                var range = match.range
                if shape.group, match.output.count > 1, let group = match.output[1].range { range = group }
                if found.contains(where: { $0.range.overlaps(range) }) { continue }
                let value = String(text[range])
                if value.contains("{{") || value.hasPrefix("$") || Self.notSecrets.contains(value.lowercased()) { continue }
                let name = register ? nameFor(value, kind: shape.kind) : shape.kind
                found.append((range, name))
            }
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        var parts: [RedactedPart] = []
        var cursor = text.startIndex
        for item in found where item.range.lowerBound >= cursor {
            if cursor < item.range.lowerBound { parts.append(.text(String(text[cursor..<item.range.lowerBound]))) }
            parts.append(.secret(input: item.name))
            cursor = item.range.upperBound
        }
        if cursor < text.endIndex { parts.append(.text(String(text[cursor...]))) }
        return parts
    }

    private mutating func nameFor(_ value: String, kind: String) -> String {
        if let input = inputs.first(where: { $0.value == value }) { return input.name }
        let name = uniqueName(kind)
        use(name, "a string shaped like a credential (\(kind.replacingOccurrences("_", with: " ")))", value)
        return name
    }

    private mutating func use(_ name: String, _ origin: String, _ value: String) {
        if !inputs.contains(where: { $0.name == name }) {
            inputs.append(SecretInput(name: name, origin: origin, value: value))
        }
    }
}
