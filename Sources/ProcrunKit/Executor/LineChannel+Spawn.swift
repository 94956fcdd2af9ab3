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
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        if let folder = workingDirectory { procrun_spawn_addchdir(&actions, folder) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

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
        let status = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard status == 0 else {
            Glibc.close(toChild[1])
            Glibc.close(fromChild[0])
            throw .cannotStart("cannot run '\(name)': \(String(cString: strerror(status)))")
        }
        _ = fcntl(toChild[1], F_SETFL, fcntl(toChild[1], F_GETFL) | O_NONBLOCK)
        return (pid, toChild[1], fromChild[0])
    }
}
