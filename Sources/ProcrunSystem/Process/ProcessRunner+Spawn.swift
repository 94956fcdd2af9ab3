import CShims
import Glibc
import SwiftOverlayShims

extension ProcessRunner {
    /// Starts the child in its own process group, signals reset, pipes attached; unless the spec
    /// says otherwise, it dies with procrun (see ``ProcessSpec/endsWithProcrun``).
    static func spawn(program: String, displayName: String, spec: ProcessSpec) throws(SpawnError) -> SpawnedChild {
        var output: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        var input: [Int32] = [-1, -1]
        var side: [Int32] = [-1, -1]
        let feedsInput = !(spec.standardInput?.isEmpty ?? true)
        let hasSide = spec.onSideOutput != nil
        if spec.endsWithProcrun { procrun_warden_start() }
        guard procrun_pipe2(&output, O_CLOEXEC) == 0, procrun_pipe2(&errors, O_CLOEXEC) == 0,
              !feedsInput || procrun_pipe2(&input, O_CLOEXEC) == 0, !hasSide || procrun_pipe2(&side, O_CLOEXEC) == 0
        else {
            let message = "cannot create pipes for '\(displayName)': \(String(cString: strerror(errno)))"
            for descriptor in output + errors + input + side where descriptor >= 0 { close(descriptor) }
            throw SpawnError(message: message)
        }
        defer {
            close(output[1])
            close(errors[1])
            if feedsInput { close(input[0]) }
            if hasSide { close(side[1]) }
        }

        let argv = spec.arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status: Int32
        let stdin = feedsInput ? input[0] : -1
        let endsWithProcrun: Int32 = spec.endsWithProcrun ? 1 : 0
        if spec.environment == nil && spec.extraEnvironment.isEmpty {
            status = procrun_spawn(
                &pid, program, argv, currentEnvironment(), spec.workingDirectory, stdin, output[1], errors[1], side[1],
                endsWithProcrun)
        } else {
            let (envp, owned) = environmentBlock(spec)
            defer { for pointer in owned { free(pointer) } }
            status = procrun_spawn(
                &pid, program, argv, envp, spec.workingDirectory, stdin, output[1], errors[1], side[1], endsWithProcrun)
        }
        if status != 0 {
            close(output[0])
            close(errors[0])
            if feedsInput { close(input[1]) }
            if hasSide { close(side[0]) }
            throw spawnError(status, displayName: displayName, program: program, spec: spec)
        }
        if feedsInput {
            _ = fcntl(input[1], F_SETFL, fcntl(input[1], F_GETFL) | O_NONBLOCK)
        }
        return SpawnedChild(
            pid: pid, stdoutFD: output[0], stderrFD: errors[0], stdinFD: feedsInput ? input[1] : -1, sideFD: side[0])
    }

    /// The child's `envp` and the strings allocated for it (to free after the spawn).
    private static func environmentBlock(
        _ spec: ProcessSpec
    ) -> (envp: [UnsafeMutablePointer<CChar>?], owned: [UnsafeMutablePointer<CChar>?]) {
        var owned: [UnsafeMutablePointer<CChar>?] = []
        var envp: [UnsafeMutablePointer<CChar>?] = []
        var overridden = Set(spec.extraEnvironment.map(\.0))
        if let environment = spec.environment {
            for (name, value) in environment where !overridden.contains(name) {
                owned.append(strdup("\(name)=\(value)"))
            }
        } else if var entry = currentEnvironment() {
            let prefixes = overridden.map { Array("\($0)=".utf8CString.dropLast()) }
            while let pointer = entry.pointee {
                let replaced = prefixes.contains { prefix in
                    strncmp(pointer, prefix, prefix.count) == 0
                }
                if !replaced { envp.append(pointer) }
                entry += 1
            }
        }
        // The last of several same-named extra variables wins.
        for (name, value) in spec.extraEnvironment.reversed() where overridden.remove(name) != nil {
            owned.append(strdup("\(name)=\(value)"))
        }
        envp.append(contentsOf: owned)
        envp.append(nil)
        return (envp, owned)
    }

    /// `environ`, which clearenv(3) may have set to NULL.
    private static func currentEnvironment() -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        unsafeBitCast(environ, to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self)
    }

    private static func spawnError(
        _ code: Int32, displayName: String, program: String, spec: ProcessSpec
    ) -> SpawnError {
        var location = program
        if let folder = spec.workingDirectory, !program.hasPrefix("/") {
            location = folder + "/" + program
        }
        var info = stat()
        switch code {
        case ENOENT where stat(location, &info) != 0:
            return SpawnError(message: "command not found: '\(displayName)'")
        case ENOENT:
            return SpawnError(message: "cannot run '\(displayName)': its interpreter was not found")
        case EACCES, EPERM:
            return SpawnError(message: "permission denied: '\(displayName)'")
        case ENOEXEC:
            return SpawnError(message: "cannot run '\(displayName)': not an executable format")
        default:
            return SpawnError(message: "cannot run '\(displayName)': \(String(cString: strerror(code)))")
        }
    }
}
