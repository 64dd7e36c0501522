import Dispatch
import Learning
import Synchronization

/// Computes loss landscapes for the playground on a background queue, away
/// from both the UI and the training queue, row by row, publishing progress
/// that the UI polls. A new request cancels the one running (it stops between
/// rows); results carry the request's generation so stale ones are ignored.
public final class LandscapeWorker: Sendable {
    /// What the UI shows while and after computing.
    public struct Progress: Sendable {
        public let generation: Int
        /// Grid coordinates (α along columns, β along rows).
        public let coordinates: [Double]
        /// Rows of the surface done so far (nil while pending), row i at β_i.
        public var rows: [[Double]?]
        /// The 1-D views (slice along d₁, interpolation from the initial weights), when asked.
        public var slice: LandscapeCurve?
        public var interpolation: LandscapeCurve?
        public let pcaPath: [SIMD2<Double>]?
        public let explainedVariance: [Double]?
        public let cosine: Double?
        public let center: Double?
        public let step: Int
        public let options: LandscapeOptions
        public var done = false
        public var error: String?
        /// The top Hessian eigenvalue of the training loss at the centre, once computed.
        public var sharpness: Double?

        public var rowsDone: Int { rows.filter { $0 != nil }.count }

        public init(
            generation: Int, coordinates: [Double], rows: [[Double]?], slice: LandscapeCurve? = nil,
            interpolation: LandscapeCurve? = nil, pcaPath: [SIMD2<Double>]?, explainedVariance: [Double]?,
            cosine: Double?, center: Double?, step: Int, options: LandscapeOptions, done: Bool = false,
            error: String? = nil
        ) {
            self.generation = generation
            self.coordinates = coordinates
            self.rows = rows
            self.slice = slice
            self.interpolation = interpolation
            self.pcaPath = pcaPath
            self.explainedVariance = explainedVariance
            self.cosine = cosine
            self.center = center
            self.step = step
            self.options = options
            self.done = done
            self.error = error
        }
    }

    private let queue = DispatchQueue(label: "losscape.landscape", qos: .utility)
    private let state = Mutex<(generation: Int, progress: Progress?)>((0, nil))

    public init() {}

    /// The newest progress (of the latest request).
    public func latest() -> Progress? { state.withLock { $0.progress } }

    /// Cancels what is running and forgets its result (e.g. the run it belonged to was replaced).
    public func cancel() {
        state.withLock {
            $0.generation += 1
            $0.progress = nil
        }
    }

    /// Starts computing a surface (or, with `oneDimensional`, the 1-D slice and
    /// the interpolation from the initial weights) around `run`'s weights.
    public func start(run: RunSnapshot, options: LandscapeOptions, oneDimensional: Bool) {
        let generation = state.withLock { s -> Int in
            s.generation += 1
            return s.generation
        }
        queue.async { [self] in
            _ = Self.compute(
                run: run, options: options, oneDimensional: oneDimensional, generation: generation,
                isCurrent: { state.withLock { $0.generation == generation } },
                publish: { p in self.publish(generation, p) })
        }
    }

    /// The whole computation now, on this thread (headless renders): the same code and
    /// numbers as the worker.
    public static func computeNow(run: RunSnapshot, options: LandscapeOptions, oneDimensional: Bool) -> Progress {
        compute(run: run, options: options, oneDimensional: oneDimensional, generation: 1, isCurrent: { true }, publish: { _ in })!
    }

    /// Computes row by row, publishing progress; stops (nil) when `isCurrent` turns false.
    static func compute(
        run: RunSnapshot, options: LandscapeOptions, oneDimensional: Bool, generation: Int,
        isCurrent: () -> Bool, publish: (Progress) -> Void
    ) -> Progress? {
        guard isCurrent() else { return nil }
        let setup: LandscapeSetup
        do {
            setup = try LandscapeSetup(snapshot: run, trajectory: run.trajectory, options: options)
        } catch {
            let p = Progress(
                generation: generation, coordinates: [], rows: [], pcaPath: nil,
                explainedVariance: nil, cosine: nil, center: nil, step: run.step,
                options: options, done: true, error: "\(error)")
            publish(p)
            return p
        }
        let c = setup.computation
        var p = Progress(
            generation: generation, coordinates: c.grid.coordinates,
            rows: Array(repeating: nil, count: oneDimensional ? 0 : c.rowCount),
            pcaPath: setup.pca?.path, explainedVariance: setup.pca?.explainedVariance,
            cosine: c.directions.cosine, center: c.centerValue(), step: run.step, options: options)
        publish(p)
        if oneDimensional {
            p.slice = setup.slice()
            guard isCurrent() else { return nil }
            p.interpolation = setup.interpolation(from: run.initialModel.parameters)
        } else {
            for i in 0..<c.rowCount {
                guard isCurrent() else { return nil }
                p.rows[i] = c.computeRow(i)
                publish(p)
            }
            guard isCurrent() else { return nil }
            p.sharpness = setup.sharpness().eigenvalue
        }
        p.done = true
        publish(p)
        return p
    }

    private func publish(_ generation: Int, _ p: Progress) {
        state.withLock { if $0.generation == generation { $0.progress = p } }
    }
}
