@testable import ProcrunLanguage
@testable import ProcrunText
import Testing

@testable import ProcrunKit

/// `wait_for` reads one thing to wait for and how long, and refuses what it cannot wait for
/// before anything runs, each problem at its place.
@Suite("wait_for: loading and checking")
struct WaitForActionTests {
    /// A procedure whose one step is `wait_for` with `parameters` (a flow mapping).
    static func text(_ parameters: String) -> String {
        "name: w\nsteps:\n  - action: wait_for\n    parameters: \(parameters)\n"
    }

    /// The step's compiled action.
    static func load(_ parameters: String) throws -> WaitForAction {
        let procedure = try ProcedureLoader(library: Library(root: "."), environment: [:]).load(SourceFile(path: "w.yaml", text: text(parameters)))
        guard case .builtin(let action) = procedure.steps[0].call, let wait = action as? WaitForAction else {
            throw DiagnosticsError([])
        }
        return wait
    }

    /// The problems of loading the step, as `line:column: message`.
    static func problems(_ parameters: String) -> [String] {
        do {
            _ = try ProcedureLoader(library: Library(root: "."), environment: [:]).load(SourceFile(path: "w.yaml", text: text(parameters)))
            return []
        } catch {
            return error.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" }
        }
    }

    @Test("each target loads with its own parameters")
    func targets() throws {
        guard case .port(let host, let number) = try Self.load("{port: 8080, host: db, interval: 100ms, timeout: 5s}").target else {
            Issue.record("not a port")
            return
        }
        #expect(host?.text == "db" && number.text == "8080")
        guard case .port(nil, let templated) = try Self.load(#"{port: "{{ env.PORT | default('80') }}"}"#).target else {
            Issue.record("not a port")
            return
        }
        #expect(templated.text == "{{ env.PORT | default('80') }}")
        guard case .url(let url, let status) = try Self.load("{url: 'https://example.com/health', status: 204}").target else {
            Issue.record("not a url")
            return
        }
        #expect(url.text == "https://example.com/health" && status == 204)
        guard case .url(_, nil) = try Self.load("{url: 'http://localhost:8080/'}").target else {
            Issue.record("not a url with any 2xx")
            return
        }
        guard case .path(let path, .absent) = try Self.load("{path: lock, state: absent}").target else {
            Issue.record("not an absent path")
            return
        }
        #expect(path.text == "lock")
        guard case .command(let call) = try Self.load("{command: [pg_isready, -h, db]}").target, case .arguments(let words) = call.command else {
            Issue.record("not a command list")
            return
        }
        #expect(words.map(\.text) == ["pg_isready", "-h", "db"])
    }

    @Test("none or two of port, url, path and command are refused")
    func oneTarget() {
        #expect(Self.problems("{timeout: 5s}") == ["3:13: action 'wait_for' needs one of parameters 'port', 'url', 'path' and 'command'"])
        #expect(Self.problems("{}") == ["3:13: action 'wait_for' needs one of parameters 'port', 'url', 'path' and 'command'"])
        #expect(Self.problems("{port: 80, url: 'http://a/'}") == ["4:28: action 'wait_for' waits for one thing: give 'port' or 'url', not both"])
        #expect(Self.problems("{command: 'true', path: x}") == ["4:35: action 'wait_for' waits for one thing: give 'command' or 'path', not both"])
    }

    @Test("state, status and host go with their target only")
    func belonging() {
        #expect(Self.problems("{port: 80, state: absent}") == ["4:28: parameter 'state' goes with 'path', and this step waits for its 'port'"])
        #expect(Self.problems("{path: x, status: 200}") == ["4:27: parameter 'status' goes with 'url', and this step waits for its 'path'"])
        #expect(Self.problems("{url: 'http://a/', host: b}") == ["4:36: parameter 'host' goes with 'port', and this step waits for its 'url'"])
    }

    @Test("a written port, status, state, interval, timeout or url that cannot be one is refused")
    func values() {
        #expect(Self.problems("{port: 70000}") == ["4:24: parameter 'port' must be from 1 to 65535, found 70000"])
        #expect(Self.problems("{port: 0}") == ["4:24: parameter 'port' must be from 1 to 65535, found 0"])
        #expect(Self.problems("{port: http}") == ["4:24: expected an integer for parameter 'port', found the string 'http'"])
        #expect(Self.problems("{url: 'http://a/', status: 700}") == ["4:44: parameter 'status' must be from 100 to 599, found 700"])
        #expect(Self.problems("{path: x, state: gone}") == ["4:34: expected one of present, absent for parameter 'state', found 'gone'"])
        #expect(Self.problems("{path: x, interval: often}") == ["4:37: expected a duration for parameter 'interval' (such as 500ms, 30s, 5m), found the string 'often'"])
        #expect(Self.problems("{path: x, timeout: -1s}") == ["4:36: expected a duration for parameter 'timeout' (such as 500ms, 30s, 5m), found the string '-1s'"])
        #expect(Self.problems("{url: 'ftp://a/'}") == ["4:23: expected an http:// or https:// URL for parameter 'url', found 'ftp://a/'"])
        #expect(Self.problems(#"{url: "{{ env.URL | default('http://a/') }}", interval: "{{ procedure.version }}s"}"#) == [])
    }

    @Test("an unknown parameter is refused with the nearest name, and a command follows the shell-safety rules")
    func others() {
        #expect(Self.problems("{path: x, intervall: 1s}") == ["4:27: unknown parameter 'intervall' for action 'wait_for'; did you mean 'interval'?"])
        #expect(Self.problems(#"{command: "pg_isready -h {{ procedure.name }}"}"#).isEmpty)
        #expect(Self.problems(#"{command: "sh -c 'pg_isready -h {{ procedure.name }}'"}"#).count == 1)
    }
}
