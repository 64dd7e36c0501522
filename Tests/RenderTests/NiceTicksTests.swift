import Testing

@testable import Render

@Suite struct NiceTicksTests {
    @Test func niceSteps() {
        #expect(NiceTicks.niceStep(atLeast: 0.3) == 0.5)
        #expect(NiceTicks.niceStep(atLeast: 1) == 1)
        #expect(NiceTicks.niceStep(atLeast: 1.01) == 2)
        #expect(NiceTicks.niceStep(atLeast: 2.2) == 5)
        #expect(NiceTicks.niceStep(atLeast: 7) == 10)
        #expect(NiceTicks.niceStep(atLeast: 0.001) == 0.001)
        #expect(NiceTicks.niceStep(atLeast: 0) == 1)
        #expect(NiceTicks.niceStep(atLeast: .nan) == 1)
    }

    @Test func linearTicks() {
        #expect(NiceTicks.linear(0, 10, maxCount: 6) == [0, 2, 4, 6, 8, 10])
        #expect(NiceTicks.linear(0, 10, maxCount: 3) == [0, 5, 10])
        #expect(NiceTicks.linear(0.13, 0.92, maxCount: 5) == [0.2, 0.4, 0.6, 0.8])
        #expect(NiceTicks.linear(-3, 7, maxCount: 3) == [0, 5])
        #expect(NiceTicks.linear(10, 0, maxCount: 3) == [0, 5, 10])
        #expect(NiceTicks.linear(3, 3, maxCount: 5) == [3])
        #expect(NiceTicks.linear(0, .infinity, maxCount: 5) == [])
        let (ticks, step) = NiceTicks.linearWithStep(0.3, 0.7, maxCount: 5)
        #expect(step == 0.1 && ticks.count == 5)
        #expect(ticks == [0.3, 0.4, 0.5, 0.6, 0.7])
        #expect(ticks.map { NiceTicks.format($0, step: step) } == ["0.3", "0.4", "0.5", "0.6", "0.7"])
        #expect(
            NiceTicks.linear(1e6, 1e6 + 4, maxCount: 5).map { NiceTicks.format($0, step: 1) }
                == ["1M", "1.000001M", "1.000002M", "1.000003M", "1.000004M"])
    }

    @Test func logTicks() {
        #expect(NiceTicks.log(0.001, 10, maxCount: 10) == [0.001, 0.01, 0.1, 1, 10])
        // more decades than ticks: every 2nd decade, aligned to even exponents
        #expect(NiceTicks.log(0.0005, 20, maxCount: 3) == [0.01, 1])
        #expect(NiceTicks.log(0.3, 2, maxCount: 5) == [0.5, 1, 2])
        #expect(NiceTicks.log(0.6, 0.9, maxCount: 4) == [0.6, 0.7, 0.8, 0.9])
        #expect(NiceTicks.log(0, 10, maxCount: 4) == [])
        #expect(NiceTicks.log(-1, 10, maxCount: 4) == [])
    }

    @Test func compactFormat() {
        let cases: [(Double, String)] = [
            (0, "0"), (0.5, "0.5"), (1, "1"), (12, "12"), (0.693147, "0.693"), (0.01, "0.01"),
            (0.005, "5e-3"), (0.001, "1e-3"), (0.00025, "2.5e-4"), (2500, "2.5k"), (12000, "12k"),
            (1_500_000, "1.5M"), (2e9, "2G"), (3e12, "3T"), (1e15, "1e15"), (-2500, "-2.5k"),
            (-0.5, "-0.5"), (999.7, "1k"), (0.0099999, "0.01"), (123.456, "123"),
        ]
        for (v, s) in cases { #expect(NiceTicks.format(v) == s, "format(\(v))") }
        #expect(NiceTicks.format(.nan) == "nan")
        #expect(NiceTicks.format(-.infinity) == "-inf")
        #expect(NiceTicks.format(1002, step: 1) == "1.002k")
        #expect(NiceTicks.format(1500, step: 500) == "1.5k")
        #expect(NiceTicks.format(0.30000000000000004, step: 0.1) == "0.3")
    }
}
