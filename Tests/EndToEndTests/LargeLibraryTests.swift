import ProcrunKit
import ProcrunTestSupport
import Testing

/// `procrun find` on a generated library of 10,000 procedures: correct answers, a cache that is
/// used when nothing changed and refreshed when a file changes. No timing is asserted here; run
/// `benchmarks/compare.sh` and `make microbench` for timings.
@Suite("large library", .serialized)
struct LargeLibraryTests {
    @Test("10,000 procedures: the planted procedure is found, through the cache and after a change")
    func tenThousand() throws {
        let keep = FileSystem.environment("PROCRUN_KEEP_LIBRARY")
        let folder = try TemporaryFolder()
        defer { if keep == nil { folder.remove() } }
        let root = keep ?? folder.path + "/library"
        try LibraryGenerator(seed: 42).generate(count: 10_000, into: root)
        try FileSystem.write(
            Array(
                """
                name: renew_tls_for_payments
                description: Renew the TLS certificate of the payments API before it expires.
                tags: [tls, payments]
                steps:
                  - action: shell
                    parameters: {command: certbot renew --cert-name payments}
                stats: {execution_count: 12, successes: 12, failures: 0, success_rate: 1.0}

                """.utf8), to: root + "/renew_tls_for_payments.yaml")

        try ProcrunBinary.expect(["find", "renew the payments tls certificate", "--library", root, "--json"], stdout: """
            {"query":"renew the payments tls certificate","searched":10001,"matches":[{"name":"renew_tls_for_payments",\
            "file":"<tmp>/library/renew_tls_for_payments.yaml",\
            "description":"Renew the TLS certificate of the payments API before it expires.","score":56.07,"relevance":56.07,\
            "success_rate":1.00,"runs":12,"duplicates":[],"matched":["renew","payments","tls","certificate"]}]}

            """, normalizing: [.temporaryFolders])

        try ProcrunBinary.expect(["find", "renew the payments tls certificate", "--library", root, "--json"], stdout: """
            {"query":"renew the payments tls certificate","searched":10001,"matches":[{"name":"renew_tls_for_payments",\
            "file":"<tmp>/library/renew_tls_for_payments.yaml",\
            "description":"Renew the TLS certificate of the payments API before it expires.","score":56.07,"relevance":56.07,\
            "success_rate":1.00,"runs":12,"duplicates":[],"matched":["renew","payments","tls","certificate"]}]}

            """, normalizing: [.temporaryFolders])

        try FileSystem.write(Array("name: water_the_plants\ndescription: Water the plants.\nsteps:\n  - action: log\n    parameters: {message: hi}\n".utf8), to: root + "/renew_tls_for_payments.yaml")
        try ProcrunBinary.expect(["find", "renew the payments tls certificate", "--library", root, "--json"], status: 1, stdout: """
            {"query":"renew the payments tls certificate","searched":10001,"matches":[],\
            "nearest":[{"name":"archive_certificates_4632","file":"<tmp>/library/archive_certificates_4632.yaml","missing":["renew",\
            "payments","tls"]},{"name":"audit_certificates_3170","file":"<tmp>/library/audit_certificates_3170.yaml",\
            "missing":["renew","payments","tls"]},{"name":"audit_certificates_7594",\
            "file":"<tmp>/library/audit_certificates_7594.yaml","missing":["renew","payments","tls"]}],\
            "hint":"no procedure covers 'renew', 'payments',\
             'tls'; record one with procrun record NAME --description \\"renew the payments tls certificate\\""}

            """, normalizing: [.temporaryFolders])

        try ProcrunBinary.expect(["find", "bake sourdough bread", "--library", root], status: 1, stdout: """
            no procedure matches 'bake sourdough bread' well enough (10001 searched)
            no procedure covers 'bake', 'sourdough', 'bread'; record one with procrun record NAME --description "bake sourdough bread"

            """)
    }
}
