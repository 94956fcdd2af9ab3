import ProcrunKit
import Testing

/// A library in a git repository stays clean: a run changes only the procedures it learned from,
/// and `git-setup` claims only the library's files, keeps `.procrun/` out and warns about
/// tracked secrets.
@Suite("git: a clean git status", .serialized)
struct GitStatusTests {
    static let greet = "name: greet\nsteps:\n  - action: log\n    parameters: {message: hello}\n"

    /// A repository with one commit of `files`.
    static func repository(_ files: [String: String]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for (name, text) in files { try folder.write(name, text) }
        for arguments in [["init", "-q", "-b", "main"], ["config", "user.email", "t@example.com"], ["config", "user.name", "T"], ["add", "-A"], ["commit", "-q", "-m", "base"]] {
            try GitMergeTests.git(arguments, folder)
        }
        return folder
    }

    @Test("runs, new procedures, find and a lock leave git status showing only the files procrun changed on purpose")
    func cleanStatus() throws {
        let folder = try Self.repository(["procedures/procrun.yaml": "{}\n", "procedures/greet.yaml": Self.greet, "procedures/team/deploy.yaml": Self.greet.replacingAll("greet", with: "deploy")])
        defer { folder.remove() }
        try ProcrunBinary.expect(["greet", "--quiet"], in: folder.path)
        try ProcrunBinary.expect(["run", "--quiet", "procedures/team/deploy.yaml"], in: folder.path)
        _ = try ProcrunBinary.run(["find", "say hello"], in: folder.path)
        _ = try ProcrunBinary.run(["new", "release", "--description", "Release the app"], in: folder.path)
        let status = try GitMergeTests.git(["status", "--porcelain", "--untracked-files=all"], folder)
        WholeText.expect(status.stdout.text, equals: """
             M procedures/greet.yaml
             M procedures/team/deploy.yaml
            ?? procedures/release.yaml

            """, "git status")
        #expect(folder.exists("procedures/.procrun/locks/greet.yaml.lock"))
        #expect(folder.exists("procedures/team/.procrun/locks/deploy.yaml.lock"))
        #expect(!folder.exists("procedures/greet.yaml.procrun.lock"))
    }

    @Test("git-setup claims only the library's procedure files, ignores .procrun/ and warns about tracked secret .env files")
    func setup() throws {
        let folder = try Self.repository([
            "procedures/procrun.yaml": "dotenv: [{path: team.env, secret: true}]\n",
            "procedures/team.env": "TOKEN=abc\n",
            "procedures/deploy.yaml": "name: deploy\ndotenv:\n  - {path: deploy.env, secret: true}\n  - plain.env\nsteps:\n  - action: log\n    parameters: {message: hi}\n",
            "procedures/deploy.env": "KEY=xyz\n",
            "procedures/plain.env": "LEVEL=debug\n",
            "procedures/local.yaml": "name: local\ndotenv: {path: local.env, secret: true}\nsteps:\n  - action: log\n    parameters: {message: hi}\n",
            "docs/notes.yaml": "a: 1\n",
            ".github/workflows/ci.yml": "on: push\n",
            ".gitattributes": "*.yaml merge=procrun\n*.yml merge=procrun\n*.png binary\n",
        ])
        defer { folder.remove() }
        // local.env exists but is not tracked: no warning for it.
        try folder.write("procedures/local.env", "PASSWORD=secret\n")
        try ProcrunBinary.expect(["git-setup"], in: folder.path + "/docs", environment: [GitMergeTests.searchPath], stdout: """
            <tmp>/.gitattributes: added procedures/**/*.yaml merge=procrun, procedures/**/*.yml merge=procrun, procedures/**/.*/** !merge, procedures/procrun.yaml !merge
            <tmp>/.gitattributes: removed *.yaml merge=procrun, *.yml merge=procrun
            <tmp>/.gitignore: added .procrun/
            git config merge.procrun.driver: procrun merge-driver %O %A %B %L %P %S %X %Y
            note: a hosting service's merge button does not run this driver; merge such branches locally and push

            """, stderr: """
            ../procedures/procrun.yaml:1:17: warning: '../procedures/team.env' holds secrets ('secret: true') and git tracks it: run 'git rm --cached ../procedures/team.env' and add it to .gitignore
            dotenv: [{path: team.env, secret: true}]
                            ^
            ../procedures/deploy.yaml:3:12: warning: '../procedures/deploy.env' holds secrets ('secret: true') and git tracks it: run 'git rm --cached ../procedures/deploy.env' and add it to .gitignore
              - {path: deploy.env, secret: true}
                       ^

            """, normalizing: [.temporaryFolders])
        #expect(try folder.read(".gitattributes") == """
            *.png binary
            procedures/**/*.yaml merge=procrun
            procedures/**/*.yml merge=procrun
            procedures/**/.*/** !merge
            procedures/procrun.yaml !merge

            """)
        let attributes = try GitMergeTests.git(
            ["check-attr", "merge", "--", "procedures/deploy.yaml", "procedures/sub/x.yml", "procedures/procrun.yaml", "procedures/.hidden/x.yaml", "docs/notes.yaml", ".github/workflows/ci.yml"], folder)
        WholeText.expect(attributes.stdout.text, equals: """
            procedures/deploy.yaml: merge: procrun
            procedures/sub/x.yml: merge: procrun
            procedures/procrun.yaml: merge: unspecified
            procedures/.hidden/x.yaml: merge: unspecified
            docs/notes.yaml: merge: unspecified
            .github/workflows/ci.yml: merge: unspecified

            """, "git check-attr")
    }

    @Test("git-setup warns when git would not find procrun on PATH, and --program names another")
    func notOnPath() throws {
        let folder = try Self.repository(["greet.yaml": Self.greet])
        defer { folder.remove() }
        try ProcrunBinary.expect(["git-setup"], in: folder.path, environment: [("PATH", "/usr/bin:/bin")], stdout: """
            <tmp>/.gitattributes: added **/*.yaml merge=procrun, **/*.yml merge=procrun, **/.*/** !merge, /procrun.yaml !merge
            <tmp>/.gitignore: added .procrun/
            git config merge.procrun.driver: procrun merge-driver %O %A %B %L %P %S %X %Y
            note: a hosting service's merge button does not run this driver; merge such branches locally and push

            """, stderr: """
            warning: git runs the merge driver as 'procrun', and no 'procrun' is on PATH: install it there, or pass --program PATH

            """, normalizing: [.temporaryFolders])
        try ProcrunBinary.expect(["git-setup", "--program", "/opt/procrun/bin/procrun"], in: folder.path, environment: [("PATH", "/usr/bin:/bin")], stdout: """
            <tmp>/.gitattributes: already set up
            <tmp>/.gitignore: already set up
            git config merge.procrun.driver: /opt/procrun/bin/procrun merge-driver %O %A %B %L %P %S %X %Y
            note: a hosting service's merge button does not run this driver; merge such branches locally and push

            """, normalizing: [.temporaryFolders])
    }
}
