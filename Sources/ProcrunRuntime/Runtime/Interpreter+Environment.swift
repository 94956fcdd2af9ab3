import ProcrunLanguage
import ProcrunText

extension Interpreter {
    /// Renders the library's and the procedure's `env` (over their `.env` values) before the first
    /// step: every command inherits the result, and `env.NAME` reads it. Layers, the later winning:
    /// the process environment, the library's `.env` files, its `env`, the procedure's `.env`
    /// files, its `env` (and a step's own `env` over all of them). (Values of `.env` files marked
    /// secret are among the run's secrets from its start: ``SecretMasker/secrets(of:library:inputs:)``.)
    /// Returns why a value could not be rendered.
    func prepareEnvironment() -> String? {
        var values = environment
        let layers = [(library.environment, library.configFile), (procedure.environment, procedure.file)]
        for (layer, (settings, file)) in layers.enumerated() where !settings.isEmpty {
            defer { if layer == 0, !library.variables.isEmpty { libraryEnvironment = (values, environmentOverlay) } }
            for loaded in settings.loaded {
                values[loaded.name] = loaded.value
                environmentOverlay.append((loaded.name, loaded.value))
            }
            context.roots["env"] = .mapping(values.mapValues(Value.string))
            for (name, field) in settings.values {
                do {
                    let value = try string(field, file: file)
                    values[name] = value
                    environmentOverlay.append((name, value))
                    context.roots["env"] = .mapping(values.mapValues(Value.string))
                } catch {
                    return redact(error.message)
                }
            }
        }
        return nil
    }
}
