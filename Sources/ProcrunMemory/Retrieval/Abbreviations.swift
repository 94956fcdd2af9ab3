/// Short forms a task may use for the words a procedure spells out (`k8s` for `kubernetes`, `db`
/// for `database`, `prod` for `production`), and the other way round: a task saying `kubernetes`
/// finds a procedure that says `k8s`. A plural `s` is understood (`certs`, `dbs`).
///
/// The built-in table holds general software-engineering abbreviations; a library adds its own
/// (or replaces one) in `procrun.yaml` under `find: {abbreviations: {ts: typescript}}`.
package struct Abbreviations: Sendable {
    /// The built-in abbreviations and what each stands for.
    package static let builtIn: [String: String] = [
        "a11y": "accessibility", "acct": "account", "addr": "address", "admin": "administrator", "app": "application",
        "arg": "argument", "attr": "attribute", "auth": "authentication", "authn": "authentication", "authz": "authorization",
        "avg": "average", "btn": "button", "cert": "certificate", "cfg": "configuration", "conf": "configuration",
        "config": "configuration", "cp": "copy", "creds": "credentials", "ctx": "context", "db": "database", "del": "delete",
        "dep": "dependency", "deps": "dependencies", "dev": "development", "dir": "directory", "doc": "documentation",
        "docs": "documentation", "e2e": "end to end", "env": "environment", "err": "error", "exec": "execute", "fe": "frontend",
        "fn": "function", "func": "function", "gh": "github", "i18n": "internationalization", "img": "image",
        "impl": "implementation", "info": "information", "infra": "infrastructure", "init": "initialize", "k8s": "kubernetes",
        "kube": "kubernetes", "kv": "key value", "l10n": "localization", "lb": "load balancer", "lib": "library",
        "mem": "memory", "mfa": "multi factor authentication", "mgmt": "management", "mgr": "manager", "mr": "merge request",
        "msg": "message", "mv": "move", "ns": "namespace", "num": "number", "o11y": "observability", "obj": "object",
        "ops": "operations", "param": "parameter", "passwd": "password", "perf": "performance", "perms": "permissions",
        "pg": "postgres", "pkg": "package", "postgresql": "postgres", "pr": "pull request", "prev": "previous",
        "proc": "process", "prod": "production", "proj": "project", "pw": "password", "qa": "quality assurance",
        "rel": "release", "repo": "repository", "req": "request", "resp": "response", "rm": "remove", "ro": "read only",
        "rw": "read write", "sched": "schedule", "sec": "security", "spec": "specification", "src": "source",
        "sso": "single sign on", "stats": "statistics", "stg": "staging", "svc": "service", "sync": "synchronize",
        "sys": "system", "tbl": "table", "temp": "temporary", "tf": "terraform", "tmp": "temporary",
        "2fa": "two factor authentication", "ui": "user interface", "usr": "user", "ux": "user experience",
        "val": "value", "ver": "version", "vm": "virtual machine", "vuln": "vulnerability",
    ]

    /// What each abbreviation stands for: the built-in table with the library's over it.
    package let table: [String: String]
    /// The stems of the abbreviations of each one-word expansion, by the expansion's stem.
    private let reverse: [String: [String]]

    /// The built-in table with `extra` (a library's `find.abbreviations`) added over it.
    package init(adding extra: [String: String] = [:]) {
        var table = Self.builtIn
        for (short, long) in extra { table[short.lowercased()] = long }
        var reverse: [String: [String]] = [:]
        for (short, long) in table.sorted(by: { $0.key < $1.key }) {
            let terms = Tokenizer.terms(long)
            guard terms.count == 1, let stem = Tokenizer.stem(short) else { continue }
            reverse[terms[0], default: []].append(stem)
        }
        self.table = table
        self.reverse = reverse
    }

    /// What a lowercase word stands for (or, for a plural, its singular), nil when it is no
    /// abbreviation.
    package func expansion(of word: String) -> String? {
        if let long = table[word] { return long }
        guard word.count > 2, word.hasSuffix("s") else { return nil }
        return table[String(word.dropLast())]
    }

    /// The stems of the abbreviations of the word whose stem is `stem` (`product` for
    /// `production` → `prod`).
    package func abbreviations(ofStem stem: String) -> [String] {
        reverse[stem] ?? []
    }
}
