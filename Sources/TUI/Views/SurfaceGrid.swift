import Render

/// How an n × n landscape grid maps onto a map of `cols` cells × `pixelRows`
/// pixel rows (β grows upwards), and back.
///
/// Each pixel shows the grid point nearest to its centre: pixel p of P (counted
/// from the bottom or the left) shows point ⌊(p + ½)·n / P⌋. A grid point k is
/// marked on the pixel containing its position, ⌊(k + ½)·P / n⌋, which shows k
/// itself whenever P ≥ n — so the centre ✚ and the PCA path land on the cells
/// of the grid points they mark, and the centre sits on the middle pixel.
struct SurfaceGrid {
    let points: Int
    let cols: Int
    let pixelRows: Int

    private func shown(_ p: Int, of count: Int) -> Int {
        guard points > 0, count > 0 else { return 0 }
        return min(points - 1, ((2 * p + 1) * points) / (2 * count))
    }

    private func position(_ k: Int, of count: Int) -> Int {
        guard points > 0, count > 0 else { return 0 }
        return min(count - 1, max(0, ((2 * k + 1) * count) / (2 * points)))
    }

    /// The grid column shown by map column `col`.
    func gridColumn(ofColumn col: Int) -> Int { shown(col, of: cols) }

    /// The grid row (β index, 0 at the bottom) shown by pixel row `px` (0 at the top).
    func gridRow(ofPixelRow px: Int) -> Int { shown(pixelRows - 1 - px, of: pixelRows) }

    /// The map column that marks grid column `j`.
    func column(ofGridColumn j: Int) -> Int { position(j, of: cols) }

    /// The pixel row (0 at the top) that marks grid row `i`.
    func pixelRow(ofGridRow i: Int) -> Int { pixelRows - 1 - position(i, of: pixelRows) }

    /// The grid index nearest to coordinate `x` on an evenly spaced axis
    /// `coordinates`, or nil when x is not finite or lies more than half a step outside.
    func nearestIndex(_ x: Double, _ coordinates: [Double]) -> Int? {
        guard let lo = coordinates.first, let hi = coordinates.last, coordinates.count > 1, hi > lo else {
            return coordinates.count == 1 && x.isFinite ? 0 : nil
        }
        let position = (x - lo) / (hi - lo) * Double(coordinates.count - 1)
        return CellIndex.inside(position, 0..<coordinates.count)
    }
}
