import CShims
import Glibc
import SwiftOverlayShims

extension LineChannel {
    /// Starts the child in its own process group with pipes on its standard input and output.
    static func spawn(
        arguments: [String], workingDirectory: String?, environment: [(String, String)]
    ) throws(LineChannelError) -> (pid: pid_t, input: Int32, output: Int32) {
        guard let name = arguments.first, !name.isEmpty else { throw .cannotStart("empty command") }
        let spec = ProcessSpec(arguments: arguments, extraEnvironment: environment, workingDirectory: workingDirectory)
        let program: String
        do {
            if let folder = workingDirectory { try ProcessRunner.checkWorkingDirectory(folder) }
            program = try ProcessRunner.resolveProgram(name, spec: spec)
        } catch {
            throw .cannotStart(error.message)
        }
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard procrun_pipe2(&toChild, O_CLOEXEC) == 0, procrun_pipe2(&fromChild, O_CLOEXEC) == 0 else {
            for descriptor in toChild + fromChild where descriptor >= 0 { Glibc.close(descriptor) }
            throw .cannotStart("cannot create pipes: \(String(cString: strerror(errno)))")
        }
        defer {
            Glibc.close(toChild[0])
            Glibc.close(fromChild[1])
        }
        var variables: [String] = []
        var entry = unsafeBitCast(environ, to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self)
        let replaced = Set(environment.map(\.0))
        while let pointer = entry?.pointee {
            let text = String(cString: pointer)
            let key = text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? text
            if !replaced.contains(key) { variables.append(text) }
            entry = entry.map { $0 + 1 }
        }
        variables += environment.map { "\($0.0)=\($0.1)" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        // Not ended with procrun by the kernel: the channel may outlive the thread that opened it.
        // It reads end of file on its input once procrun is gone.
        let status = procrun_spawn(&pid, program, argv, envp, workingDirectory, toChild[0], fromChild[1], 2, -1, 0)
        guard status == 0 else {
            Glibc.close(toChild[1])
            Glibc.close(fromChild[0])
            throw .cannotStart("cannot run '\(name)': \(String(cString: strerror(status)))")
        }
        _ = fcntl(toChild[1], F_SETFL, fcntl(toChild[1], F_GETFL) | O_NONBLOCK)
        return (pid, toChild[1], fromChild[0])
    }
}
