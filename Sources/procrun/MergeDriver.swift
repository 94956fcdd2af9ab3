import ArgumentParser
import ProcrunKit

/// `procrun merge-driver %O %A %B %L %P %S %X %Y`.
struct MergeDriver: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Git merge driver for procedure files: sums the stats of both branches, merges the rest like git.",
        discussion: "Installed by 'procrun git-setup'; git runs it as: procrun merge-driver %O %A %B %L %P %S %X %Y")

    @Argument(help: "The common ancestor's version (%O).")
    var base: String

    @Argument(help: "The current branch's version, which receives the result (%A).")
    var ours: String

    @Argument(help: "The other branch's version (%B).")
    var theirs: String

    @Argument(help: "The conflict marker size (%L).")
    var markerSize: Int = 7

    @Argument(help: "The file's path in the repository (%P).")
    var path: String?

    @Argument(help: "The conflict label of the common ancestor (%S, git 2.44 and later).")
    var baseLabel: String?

    @Argument(help: "The conflict label of the current branch (%X; default HEAD).")
    var oursLabel: String?

    @Argument(help: "The conflict label of the other branch (%Y; default the merged branch's name).")
    var theirsLabel: String?

    func run() throws {
        var command = MergeDriverCommand(base: base, ours: ours, theirs: theirs)
        command.markerSize = markerSize
        command.path = path
        command.givenLabels = (baseLabel, oursLabel, theirsLabel)
        let code = command.execute()
        if code != 0 { throw ExitCode(code) }
    }
}
