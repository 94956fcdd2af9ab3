import ProcrunKit
import Testing

/// ``LogDirectories``: the `cd` steps of an action log followed as a shell would follow them.
@Suite("folders of an action log")
struct LogDirectoriesTests {
    static let root = "/srv/library"

    func shell(_ command: String, exitCode: Int = 0) -> RecordedStep {
        .shell(command, output: "", exitCode: exitCode, durationMilliseconds: 1)
    }

    func write(_ path: String) -> RecordedStep {
        RecordedStep(action: "write_file", parameters: [RecordedParameter("path", .string(path)), RecordedParameter("content", .string("x"))])
    }

    /// Each step followed, as `action name=value ...`.
    func followed(_ steps: [RecordedStep], commandActions: Set<String> = ["shell"]) -> [String] {
        LogDirectories.follow(steps, root: Self.root, commandActions: commandActions).map { step in
            ([step.action] + step.parameters.map { "\($0.name)=\($0.value.jsonText)" }).joined(separator: " ")
        }
    }

    @Test("cd DIR is dropped and the commands after it run there; cd alone and cd ~ go back to the root")
    func changeOfFolder() {
        let steps = [shell("make test"), shell("cd dist"), shell("ls"), shell("tar czf app.tgz app"), shell("cd"), shell("git status"), shell("cd dist"), shell("cd ~"), shell("pwd")]
        #expect(
            followed(steps) == [
                #"shell command="make test""#,
                #"shell command="ls" cwd="dist""#,
                #"shell command="tar czf app.tgz app" cwd="dist""#,
                #"shell command="git status""#,
                #"shell command="pwd""#,
            ])
    }

    @Test("folders are joined: nested, .., a trailing slash, an absolute folder")
    func joinedFolders() {
        let steps = [shell("cd web"), shell("cd src/"), shell("ls"), shell("cd .."), shell("ls"), shell("cd ./assets/../build"), shell("ls"), shell("cd /var/log"), shell("ls")]
        #expect(
            followed(steps) == [
                #"shell command="ls" cwd="web/src""#,
                #"shell command="ls" cwd="web""#,
                #"shell command="ls" cwd="web/build""#,
                #"shell command="ls" cwd="/var/log""#,
            ])
    }

    @Test("a cd that failed changes nothing and is still not a step")
    func failedChange() {
        #expect(followed([shell("cd missing", exitCode: 1), shell("ls")]) == [#"shell command="ls""#])
    }

    @Test("only a bare cd to a plain word is followed; anything else is an ordinary step")
    func notBare() {
        let steps = [shell("cd dist && make"), shell("cd -"), shell(#"cd "my folder""#), shell("cd $HOME"), shell("cd a b"), shell("ls")]
        #expect(
            followed(steps) == [
                #"shell command="cd dist && make""#,
                #"shell command="cd -""#,
                #"shell command="cd \"my folder\"""#,
                #"shell command="cd $HOME""#,
                #"shell command="cd a b""#,
                #"shell command="ls""#,
            ])
    }

    @Test("a step with its own cwd keeps it; a library action takes no cwd (it runs where its definition says)")
    func ownFolder() {
        var own = shell("make")
        own.parameters.append(RecordedParameter("cwd", .string("elsewhere")))
        let action = RecordedStep(action: "build_image", parameters: [RecordedParameter("command", .string("build web"))])
        #expect(
            followed([shell("cd app"), own, action], commandActions: ["shell", "build_image"]) == [
                #"shell command="make" cwd="elsewhere""#,
                #"build_image command="build web""#,
            ])
        #expect(followed([shell("cd app"), RecordedStep(action: "log", parameters: ["message": "hi"])]) == [#"log message="hi""#])
    }

    @Test("a write_file path is taken from the folder; one outside the library gets outside_library")
    func writeFile() {
        let steps = [
            write("notes.txt"), shell("cd docs"), write("index.md"), write("../README.md"), write("../../etc/motd"),
            write("/srv/library/docs/abs.md"), write("/tmp/scratch.txt"), write("/srv/library-other/x"), shell("cd"), write("../up.txt"),
        ]
        #expect(
            followed(steps) == [
                #"write_file path="notes.txt" content="x""#,
                #"write_file path="docs/index.md" content="x""#,
                #"write_file path="README.md" content="x""#,
                #"write_file path="../etc/motd" content="x" outside_library=true"#,
                #"write_file path="/srv/library/docs/abs.md" content="x""#,
                #"write_file path="/tmp/scratch.txt" content="x" outside_library=true"#,
                #"write_file path="/srv/library-other/x" content="x" outside_library=true"#,
                #"write_file path="../up.txt" content="x" outside_library=true"#,
            ])
    }
}
