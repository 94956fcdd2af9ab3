@testable import ProcrunText
import Testing

@testable import ProcrunKit

@Suite("DurationText: the one way a duration is shown")
struct DurationTextTests {
    @Test("milliseconds, then seconds with at most two decimals, then minutes and two-digit seconds; no trailing zeros")
    func milliseconds() {
        #expect(DurationText.format(milliseconds: 0) == "0ms")
        #expect(DurationText.format(milliseconds: 850) == "850ms")
        #expect(DurationText.format(milliseconds: 999) == "999ms")
        #expect(DurationText.format(milliseconds: 1000) == "1s")
        #expect(DurationText.format(milliseconds: 1250) == "1.25s")
        #expect(DurationText.format(milliseconds: 1254) == "1.25s")
        #expect(DurationText.format(milliseconds: 1255) == "1.26s")
        #expect(DurationText.format(milliseconds: 1200) == "1.2s")
        #expect(DurationText.format(milliseconds: 1005) == "1.01s")
        #expect(DurationText.format(milliseconds: 10_000) == "10s")
        #expect(DurationText.format(milliseconds: 59_994) == "59.99s")
        #expect(DurationText.format(milliseconds: 59_995) == "1m")
        #expect(DurationText.format(milliseconds: 125_900) == "2m05s")
        #expect(DurationText.format(milliseconds: 4_500_000) == "75m")
        #expect(DurationText.format(milliseconds: -5) == "0ms")
    }

    @Test("nanoseconds and Duration count whole milliseconds")
    func otherUnits() {
        #expect(DurationText.format(nanoseconds: 12_999_999) == "12ms")
        #expect(DurationText.format(nanoseconds: 1_234_567_890) == "1.23s")
        #expect(DurationText.format(.milliseconds(1500)) == "1.5s")
        #expect(DurationText.format(.seconds(10)) == "10s")
        #expect(DurationText.format(.seconds(120)) == "2m")
        #expect(Duration.milliseconds(300).shortDescription == "300ms")
        #expect(DurationText.format(.seconds(Int64.max)).hasSuffix("s"))
    }
}
