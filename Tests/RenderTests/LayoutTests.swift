import Testing

@testable import Render

@Suite struct LayoutTests {
    @Test func rectBasics() {
        let r = Rect(x: 2, y: 3, width: 10, height: -1)
        #expect(r.height == 0 && r.isEmpty)
        let s = Rect(x: 0, y: 0, width: 5, height: 4)
        #expect(s.inset(by: 1) == Rect(x: 1, y: 1, width: 3, height: 2))
        #expect(s.inset(by: 3).isEmpty)
        #expect(Rect(width: 1, height: 1).inset(by: 1) == Rect(x: 1, y: 1, width: 0, height: 0))
        #expect(s.intersection(Rect(x: 3, y: 2, width: 10, height: 10)) == Rect(x: 3, y: 2, width: 2, height: 2))
        #expect(s.intersection(Rect(x: 9, y: 9, width: 1, height: 1)).isEmpty)
        #expect(Rect(width: 10, height: 5).centered(width: 4, height: 1) == Rect(x: 3, y: 2, width: 4, height: 1))
        #expect(Rect(width: 3, height: 2).centered(width: 9, height: 9) == Rect(width: 3, height: 2))
    }

    @Test func fixedAndFill() {
        let r = Rect(x: 0, y: 0, width: 20, height: 3)
        let parts = r.split(.horizontal, [.length(5), .fill, .length(3)])
        #expect(
            parts == [
                Rect(x: 0, y: 0, width: 5, height: 3),
                Rect(x: 5, y: 0, width: 12, height: 3),
                Rect(x: 17, y: 0, width: 3, height: 3),
            ])
    }

    @Test func percentagesRatiosAndWeights() {
        let r = Rect(x: 1, y: 2, width: 4, height: 10)
        #expect(r.split(.vertical, [.percentage(30), .ratio(1, 2), .fill]).map(\.height) == [3, 5, 2])
        #expect(r.split(.vertical, [.fill(1), .fill(2)]).map(\.height) == [4, 6])
        #expect(r.split(.vertical, [.fill, .fill, .fill]).map(\.height) == [4, 3, 3])
        #expect(r.split(.vertical, [.fill, .fill]).map(\.y) == [2, 7])
        // without fills the rest stays unused
        #expect(r.split(.vertical, [.length(2), .percentage(50)]).map(\.height) == [2, 5])
    }

    @Test func spacing() {
        let parts = Rect(width: 11, height: 1).split(.horizontal, [.fill, .fill], spacing: 1)
        #expect(parts == [Rect(x: 0, y: 0, width: 5, height: 1), Rect(x: 6, y: 0, width: 5, height: 1)])
    }

    @Test func overfullAndZeroSizes() {
        let r = Rect(width: 6, height: 2)
        #expect(r.split(.horizontal, [.length(4), .length(4), .fill]).map(\.width) == [4, 2, 0])
        let zero = Rect(width: 0, height: 0)
        let parts = zero.split(.horizontal, [.length(3), .percentage(50), .fill], spacing: 2)
        #expect(parts.count == 3 && parts.allSatisfy(\.isEmpty))
        #expect(parts.allSatisfy { $0.x == 0 })
        #expect(r.split(.vertical, []).isEmpty)
        #expect(r.split(.vertical, [.length(-3), .ratio(1, 0), .fill]).map(\.height) == [0, 0, 2])
    }
}
