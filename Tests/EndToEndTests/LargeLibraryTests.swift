import ProcrunKit
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

        let cold = try ProcrunBinary.run(["find", "renew the payments tls certificate", "--library", root, "--json"])
        #expect(cold.status == 0, "stderr: \(cold.stderr)")
        #expect(cold.stdout.contains("\"searched\":10001"))
        #expect(cold.stdout.hasPrefix("{\"query\":\"renew the payments tls certificate\",\"searched\":10001,\"matches\":[{\"name\":\"renew_tls_for_payments\""))

        let warm = try ProcrunBinary.run(["find", "renew the payments tls certificate", "--library", root, "--json"])
        #expect(warm.stdout == cold.stdout)

        try FileSystem.write(Array("name: water_the_plants\ndescription: Water the plants.\nsteps:\n  - action: log\n    parameters: {message: hi}\n".utf8), to: root + "/renew_tls_for_payments.yaml")
        let changed = try ProcrunBinary.run(["find", "renew the payments tls certificate", "--library", root, "--json"])
        #expect(!changed.stdout.contains("\"name\":\"renew_tls_for_payments\""))

        let nothing = try ProcrunBinary.run(["find", "bake sourdough bread", "--library", root])
        #expect(nothing.status == 1)
        #expect(
            nothing.stdout == """
                no procedure matches 'bake sourdough bread' well enough (10001 searched)
                no procedure covers 'bake', 'sourdough', 'bread'; record one with procrun record NAME --description "bake sourdough bread"

                """)
    }
}
