import ProcrunSystem

/// Shows a step's process output to the run's observer as it comes (`--verbose`), secret values
/// masked, also across chunk boundaries. The run is single-threaded: the process runner calls
/// back on the thread that waits for the process.
final class StreamedOutput: @unchecked Sendable {
    private let observer: any RunObserver
    /// A masker per stream, when there are secrets to hide.
    private let maskers: (stdout: SecretMasker, stderr: SecretMasker)?

    /// Output shown to `observer` with `secrets` hidden.
    init(to observer: any RunObserver, hiding secrets: [String]) {
        self.observer = observer
        maskers = secrets.isEmpty ? nil : (SecretMasker(secrets), SecretMasker(secrets))
    }

    /// Makes the process of `spec` hand its output here.
    func attach(to spec: inout ProcessSpec) {
        spec.onOutput = { [self] stream, bytes in show(bytes, stream) }
    }

    /// Shows what the maskers still hold, once the process is done.
    func finish() {
        guard let maskers else { return }
        for (stream, masker) in [(OutputStream.stdout, maskers.stdout), (.stderr, maskers.stderr)] {
            let rest = masker.finish()
            if !rest.isEmpty { rest.withUnsafeBytes { observer.commandOutput($0, stream: stream) } }
        }
    }

    private func show(_ bytes: UnsafeRawBufferPointer, _ stream: OutputStream) {
        guard let maskers else { return observer.commandOutput(bytes, stream: stream) }
        let shown = (stream == .stdout ? maskers.stdout : maskers.stderr).feed(bytes)
        shown.withUnsafeBytes { observer.commandOutput($0, stream: stream) }
    }
}
