import Engine
import Learning
import Platform
import Render

/// Embedding: the network's embedding on the unit circle (issue #13). Every training and test point
/// at its angle — at a radius given by its feature norm ‖h‖ scaled so the 95th percentile reaches
/// the circle (points beyond sit on it), or all on the circle (`e`) — coloured by class; each class's direction as a labelled ray
/// (class vectors of a cosine head, class means of an embedding head); for CosFace and ArcFace each
/// class's margin as a shaded wedge around its ray. With d > 2 the plane is the first two principal
/// components of ĥ, and the title says so. Beside it: nearest-class-mean accuracy, the mean
/// within-class angle, the smallest angle between classes, alignment and uniformity (Wang & Isola
/// 2020). `h` chooses the points shown, as in the decision-boundary panel.
enum EmbeddingView {
    static func render(
        _ run: RunSnapshot, index: Int, _ state: AppState, _ cache: ViewCache, in rect: Rect,
        into frame: inout Frame, theme: Theme
    ) {
        guard run.model.spec.head.hasEmbedding else {
            AnalysisViews.notApplicable(
                "\(run.spec.loss.name) trains a linear head: the Embedding view shows networks with an embedding layer "
                    + "(normface, cosface, arcface, circle, cosine_contrastive on a cosine head; contrastive, triplet, supcon on pairs)",
                in: rect, into: &frame, theme: theme)
            return
        }
        guard let picture = cache.embedding(for: run, index: index, state: state) else { return }
        // the plot: a square in braille dots (a cell is 2 × 4 dots, about twice as tall as wide)
        let side = min(rect.height, rect.width / 2)
        let beside = rect.width - 2 * side >= 24
        let plotHeight = beside ? side : max(min(rect.height - 2, rect.width / 2), 2)
        let plot = Rect(x: rect.x, y: rect.y, width: 2 * plotHeight, height: plotHeight)
        draw(picture, run: run, state: state, in: plot, into: &frame, theme: theme)
        let lines = summary(picture, run: run, onCircle: state.embeddingOnCircle)
        if beside {
            let x = plot.maxX + 1
            for (i, line) in lines.enumerated() where rect.y + i < rect.maxY {
                frame.put(line.fitted(to: rect.maxX - x), x: x, y: rect.y + i, style: i == 0 ? theme.title : theme.dim, clippedTo: rect)
            }
        } else {
            var y = plot.maxY
            for line in lines.dropFirst() where y < rect.maxY {
                frame.put(line.fitted(to: rect.width), x: rect.x, y: y, style: theme.dim, clippedTo: rect)
                y += 1
            }
        }
    }

    static func color(_ label: Int) -> Color { ColorMap.classColors[((label % 5) + 5) % 5] }

    static func draw(_ p: EmbeddingPicture, run: RunSnapshot, state: AppState, in plot: Rect, into frame: inout Frame, theme: Theme) {
        guard plot.width >= 4, plot.height >= 2 else { return }
        let ascii = theme.ascii || !theme.hasColor
        var canvas = BrailleCanvas(width: plot.width, height: plot.height, ascii: ascii)
        let cx = Double(canvas.dotWidth - 1) / 2, cy = Double(canvas.dotHeight - 1) / 2
        let radius = min(cx, cy) * 0.86
        func dot(_ angle: Double, _ r: Double) -> (x: Int, y: Int)? {
            let x = cx + r * LibM.cos(angle), y = cy - r * LibM.sin(angle)
            guard let ix = CellIndex.inside(x, 0..<canvas.dotWidth, rounding: .toNearestOrAwayFromZero),
                let iy = CellIndex.inside(y, 0..<canvas.dotHeight, rounding: .toNearestOrAwayFromZero)
            else { return nil }
            return (ix, iy)
        }
        // margin wedges: every other dot within the wedge, in the class's colour dimmed
        if let wedge = p.wedge, !ascii {
            for yy in 0..<canvas.dotHeight {
                for xx in 0..<canvas.dotWidth where (xx + yy) % 2 == 0 {
                    let dx = Double(xx) - cx, dy = cy - Double(yy)
                    let r = (dx * dx + dy * dy).squareRoot()
                    guard r > radius * 0.2 && r <= radius else { continue }
                    let phi = LibM.atan2(dy, dx)
                    for (c, a) in p.classAngles.enumerated() {
                        guard let a else { continue }
                        if abs(wrap(phi - a)) < wedge {
                            canvas.set(x: xx, y: yy, color: color(c).mixed(with: Color(hex: 0x808080), 0.45), marker: ".")
                        }
                    }
                }
            }
        }
        // the unit circle
        let steps = max(canvas.dotWidth * 3, 60)
        for i in 0..<steps where i % 2 == 0 {
            let t = 2 * Double.pi * Double(i) / Double(steps)
            if let d = dot(t, radius) { canvas.set(x: d.x, y: d.y, color: Color(hex: 0x9e9e9e), marker: ".") }
        }
        // points; the radius scale is the 95th percentile of the norms (farther points sit on the circle)
        let norms = (p.train + p.test).map(\.norm).filter(\.isFinite).sorted()
        let maxNorm = norms.isEmpty ? 1 : norms[min(norms.count - 1, Int(Double(norms.count) * 0.95))]
        func place(_ points: [EmbeddingPicture.Point]) {
            for q in points where q.angle.isFinite {
                let r = state.embeddingOnCircle || !(maxNorm > 0) ? radius : radius * min(q.norm / maxNorm, 1)
                guard r.isFinite, let d = dot(q.angle, r) else { continue }
                canvas.set(x: d.x, y: d.y, color: color(q.label), marker: Character(String(q.label % 10)))
            }
        }
        if state.points == .all || state.points == .train { place(p.train) }
        if state.points == .all || state.points == .test { place(p.test) }
        // class rays, on top
        for (c, a) in p.classAngles.enumerated() {
            guard let a, let end = dot(a, radius * 1.08) else { continue }
            canvas.line(from: (Int(cx.rounded()), Int(cy.rounded())), to: end, color: color(c), marker: "+")
        }
        frame.render(canvas, in: plot)
        // ray labels at the tips
        for (c, a) in p.classAngles.enumerated() {
            guard let a else { continue }
            let tx = cx + (radius * 1.08 + 3) * LibM.cos(a), ty = cy - (radius * 1.08 + 3) * LibM.sin(a)
            guard let col = CellIndex.of(tx / 2, in: 0...(plot.width - 1)), let row = CellIndex.of(ty / 4, in: 0...(plot.height - 1))
            else { continue }
            let x = plot.x + col, y = plot.y + row
            frame.put(String(c), x: x, y: y, style: Style(fg: theme.hasColor ? color(c) : .default, bold: true))
        }
    }

    /// An angle in (−π, π].
    static func wrap(_ a: Double) -> Double {
        var x = a.truncatingRemainder(dividingBy: 2 * Double.pi)
        if x > Double.pi { x -= 2 * Double.pi }
        if x <= -Double.pi { x += 2 * Double.pi }
        return x
    }

    /// The lines beside (or below) the picture.
    static func summary(_ p: EmbeddingPicture, run: RunSnapshot, onCircle: Bool) -> [FieldLine] {
        func degrees(_ x: Double) -> String { x.isFinite ? "\(fixed(x, 1))°" : "–" }
        let head = run.model.spec.head == .cosine ? "cosine head" : "embedding head"
        var lines: [FieldLine] = [
            FieldLine([.init("\(head), d = \(p.dimension)", priority: 9)]),
            FieldLine([
                .init("NCM acc \(AnalysisViews.percent(p.ncmTrainAccuracy))", priority: 9),
                .init("test \(AnalysisViews.percent(p.ncmTestAccuracy))", priority: 8),
            ]),
            FieldLine([.init("alignment \(AnalysisViews.number(p.geometry.alignment))", priority: 9)]),
            FieldLine([.init("uniformity \(AnalysisViews.number(p.geometry.uniformity))", priority: 9)]),
            FieldLine([.init("within class \(degrees(p.geometry.withinClassAngle))", priority: 8)]),
            FieldLine([.init("least between \(degrees(p.geometry.smallestBetweenClassAngle))", priority: 8)]),
            FieldLine([.init("rays: \(p.classVectors ? "class vectors w_k" : "class means m_c")", priority: 7)]),
        ]
        if let w = p.wedge { lines.append(FieldLine([.init("wedges: margin ±\(degrees(w * 180 / Double.pi))", priority: 6)])) }
        lines += [
            FieldLine([
                .init(p.dimension == 2 ? "plane: h itself" : "PCA: \(AnalysisViews.percent(p.explained)) of variance", priority: 8)
            ]),
            FieldLine([.init(onCircle ? "radius: on the circle (e)" : "radius: ‖h‖ (e: on circle)", priority: 3)]),
        ]
        return lines
    }
}

extension ViewCache {
    /// The run's embedding picture, recomputed at most four times a second while training.
    func embedding(for run: RunSnapshot, index: Int, state: AppState) -> EmbeddingPicture? {
        let key = AnalysisKey(run: index, step: run.step, sequence: state.snapshot?.sequence ?? 0)
        if let cached = embeddings[index], cached.data == ObjectIdentifier(run.dataset.train.x.storageIdentity),
            cached.key == key || (state.running && state.now - cached.time < 0.25)
        {
            return cached.picture
        }
        guard let loss = lossFunction(for: run) else { return nil }
        let picture = EmbeddingPicture(model: run.model, dataset: run.dataset, loss: loss)
        embeddings[index] = CachedEmbedding(key: key, time: state.now, picture: picture, data: ObjectIdentifier(run.dataset.train.x.storageIdentity))
        return picture
    }
}

/// An embedding picture kept by the view cache.
struct CachedEmbedding {
    let key: ViewCache.AnalysisKey
    let time: Double
    let picture: EmbeddingPicture
    let data: ObjectIdentifier
}
