import ArgumentParser
import ProcrunKit

/// `procrun completion bash|zsh|fish`.
struct Completion: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: "Print the shell completion script for bash, zsh or fish.",
        discussion: """
            Add to your shell's profile:
              bash (~/.bashrc):                 source <(procrun completion bash)
              zsh (~/.zshrc, after compinit):   source <(procrun completion zsh)
              fish (~/.config/fish/config.fish): procrun completion fish | source
            """)

    @Argument(help: ArgumentHelp("bash, zsh or fish.", valueName: "SHELL"), completion: .list(["bash", "zsh", "fish"]))
    var shell: String

    func validate() throws {
        guard ["bash", "zsh", "fish"].contains(shell) else {
            throw ValidationError("expected bash, zsh or fish, found '\(shell)'")
        }
    }

    func run() throws {
        let script = Procrun.completionScript(for: CompletionShell(rawValue: shell) ?? .bash)
        TextOutput.standardOutput.write(script.hasSuffix("\n") ? script : script + "\n")
        TextOutput.standardOutput.flush()
    }
}
