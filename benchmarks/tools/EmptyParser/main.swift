// The floor for any command line built on swift-argument-parser: one command with a version and
// nothing else, built like procrun (optimized, standard library linked in). `procrun --version`
// is measured against it and against an empty Swift program (tools/empty.swift).
import ArgumentParser

struct EmptyParser: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "empty-parser", version: "0.0.0")
}

EmptyParser.main()
