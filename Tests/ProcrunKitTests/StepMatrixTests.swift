@testable import ProcrunLanguage
@testable import ProcrunText
import Testing

/// How a matrix's entries are worked out: the combinations in axis order, `exclude`, then
/// `include` merged into the entries it agrees with or added, as GitHub Actions does.
@Suite("matrix entries")
struct StepMatrixTests {
    /// The entries' labels for `axes`, `include` and `exclude` written as string pairs.
    private func labels(
        _ axes: [(String, [String])], include: [[(String, String)]] = [], exclude: [[(String, String)]] = []
    ) -> [String] {
        let strings = { (mappings: [[(String, String)]]) in mappings.map { $0.map { (key: $0.0, value: Value.string($0.1)) } } }
        return StepMatrix.entries(
            axes: axes.map { (name: $0.0, values: $0.1.map(Value.string)) }, include: strings(include), exclude: strings(exclude)
        ).map(\.label)
    }

    @Test("every combination, the first axis slowest")
    func axisOrder() {
        #expect(labels([("os", ["linux", "mac"]), ("py", ["3.11", "3.12"])]) == ["os=linux, py=3.11", "os=linux, py=3.12", "os=mac, py=3.11", "os=mac, py=3.12"])
        #expect(labels([("a", ["1"]), ("b", ["x", "y", "z"])]) == ["a=1, b=x", "a=1, b=y", "a=1, b=z"])
    }

    @Test("an exclude mapping takes out every entry with all of its values, a partial one several")
    func exclude() {
        let axes = [("os", ["linux", "mac"]), ("py", ["3.11", "3.12"])]
        #expect(labels(axes, exclude: [[("os", "mac"), ("py", "3.11")]]) == ["os=linux, py=3.11", "os=linux, py=3.12", "os=mac, py=3.12"])
        #expect(labels(axes, exclude: [[("py", "3.11")]]) == ["os=linux, py=3.12", "os=mac, py=3.12"])
        #expect(labels(axes, exclude: [[("os", "mac")], [("os", "linux")]]) == [])
    }

    @Test("include merges into the entries whose axes agree, or adds an entry; it never replaces an axis's value")
    func include() {
        let axes = [("os", ["linux", "mac"]), ("py", ["3.11", "3.12"])]
        #expect(
            labels(axes, include: [[("os", "linux"), ("py", "3.12"), ("extra", "yes")], [("os", "windows"), ("py", "3.12")], [("os", "mac"), ("py", "3.13")]])
                == ["os=linux, py=3.11", "os=linux, py=3.12, extra=yes", "os=mac, py=3.11", "os=mac, py=3.12", "os=windows, py=3.12", "os=mac, py=3.13"])
        // Exclude is applied first: an include may bring an excluded combination back.
        #expect(labels(axes, include: [[("os", "mac"), ("py", "3.11")]], exclude: [[("os", "mac")]]) == ["os=linux, py=3.11", "os=linux, py=3.12", "os=mac, py=3.11"])
    }

    @Test("GitHub Actions' own example: values added by an include may be replaced by a later one; added entries take no merges")
    func gitHubExample() {
        let entries = labels(
            [("fruit", ["apple", "pear"]), ("animal", ["cat", "dog"])],
            include: [
                [("color", "green")], [("color", "pink"), ("animal", "cat")], [("fruit", "apple"), ("shape", "circle")], [("fruit", "banana")],
                [("fruit", "banana"), ("animal", "cat")],
            ])
        #expect(
            entries == [
                "fruit=apple, animal=cat, color=pink, shape=circle", "fruit=apple, animal=dog, color=green, shape=circle", "fruit=pear, animal=cat, color=pink",
                "fruit=pear, animal=dog, color=green", "fruit=banana", "fruit=banana, animal=cat",
            ])
    }

    @Test("every entry has every name, null where it has no value; a mapping is labelled by its name")
    func values() {
        let entries = StepMatrix.entries(
            axes: [(name: "server", values: [.mapping(["name": "api", "port": "1"]), .mapping(["port": "2"])])],
            include: [[(key: "extra", value: "x")]], exclude: [])
        #expect(entries.map(\.label) == ["server=api, extra=x", #"server={"port":"2"}, extra=x"#])
        let added = StepMatrix.entries(axes: [(name: "os", values: ["linux"])], include: [[(key: "os", value: "mac")]], exclude: [])
        #expect(added.map(\.value) == [.mapping(["os": "linux"]), .mapping(["os": "mac"])])
        let partial = StepMatrix.entries(axes: [(name: "os", values: ["linux"]), (name: "py", values: ["3"])], include: [[(key: "os", value: "mac")]], exclude: [])
        #expect(partial.last?.value == .mapping(["os": "mac", "py": .null]))
    }
}
