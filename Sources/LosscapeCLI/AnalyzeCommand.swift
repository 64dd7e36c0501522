import ArgumentParser
import Engine
import Foundation

/// `losscape analyze DIR`: (re)writes DIR/analysis.json from a run folder.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recompute a run folder's analysis.json from its config, data and final weights.",
        discussion: """
            The same bytes `losscape run --out DIR` writes at the final step: calibration (15 bins, ECE, \
            MCE, NLL, Brier), accuracy and balanced accuracy, the confusion matrix, logit margins, \
            memorisation of flipped labels, the normalised margin and the linear regions (see the README).
            """)

    @Argument(help: "A run folder (written by `losscape run --out`).")
    var folder: String

    func run() throws {
        let dir = URL(fileURLWithPath: folder)
        let analysis: RunAnalysis
        do { analysis = try RunFolderAnalysis.analysis(of: dir) } catch { throw fail("\(error)") }
        do { try analysis.json.write(to: dir.appendingPathComponent("analysis.json"), atomically: true, encoding: .utf8) } catch {
            throw fail("cannot write \(dir.path)/analysis.json: \(error.localizedDescription)")
        }
        print(dir.appendingPathComponent("analysis.json").standardizedFileURL.path)
    }
}
