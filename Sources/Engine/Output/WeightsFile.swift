import Foundation
import Learning
import TensorCore

/// The run folder's weights format (PyTorch nn.Linear layout):
/// `{"layers":[{"weight":{"shape":[out,in],"data":[…row-major…]},"bias":{"shape":[out],"data":[…]},"activation":"tanh"},…],"features":["x1","x2"]}`.
/// The last dense layer's activation is "linear" (for cosine and embedding heads it is the embedding
/// layer, shape [d, H]). A cosine head adds a last entry
/// `{"weight":{"shape":[K,d],"data":[…]},"bias":null,"activation":"cosine"}` (its class vectors).
public enum WeightsFile {
    /// What a weights file holds.
    public struct Contents {
        public let layers: [DenseLayer]
        public let features: [InputFeature]
        public let activation: Activation
        /// The cosine head's class vectors [K, d], when the file has them.
        public let classVectors: Tensor?
    }

    public static func json(_ model: MLP) -> String {
        json(layers: model.layers, activation: model.spec.activation, features: model.spec.features, classVectors: model.classVectors)
    }

    public static func json(layers: [DenseLayer], activation: Activation, features: [InputFeature], classVectors: Tensor? = nil) -> String {
        var ls = layers.enumerated().map { i, l in
            let act = i == layers.count - 1 ? "linear" : activation.rawValue
            return "{\"weight\":\(JSONText.tensor(l.weight)),\"bias\":\(JSONText.tensor(l.bias)),\"activation\":\(JSONText.string(act))}"
        }
        if let w = classVectors { ls.append("{\"weight\":\(JSONText.tensor(w)),\"bias\":null,\"activation\":\"cosine\"}") }
        return "{\"layers\":[\(ls.joined(separator: ","))],\"features\":[\(features.map { JSONText.string($0.rawValue) }.joined(separator: ","))]}"
    }

    /// Reads the layers back (exact Float32 values).
    public static func parse(_ text: String) throws -> Contents {
        struct Bad: Error, CustomStringConvertible { let description: String }
        guard let obj = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            var layers = obj["layers"] as? [[String: Any]], let feats = obj["features"] as? [String]
        else { throw Bad(description: "weights: expected {\"layers\":[…],\"features\":[…]}") }
        func tensor(_ any: Any?) throws -> Tensor {
            guard let t = any as? [String: Any], let shape = t["shape"] as? [Int], let data = t["data"] as? [Any]
            else { throw Bad(description: "weights: a tensor needs shape and data") }
            // Parse each number from its text so Float32 values read back exactly.
            let values = try data.map { v -> Float in
                guard let n = v as? NSNumber, let f = Float("\(n)") ?? Float(n.stringValue) else {
                    throw Bad(description: "weights: non-numeric data")
                }
                return f
            }
            guard Shape(shape).count == values.count else { throw Bad(description: "weights: shape \(shape) does not match \(values.count) values") }
            return Tensor(shape: Shape(shape), scalars: values)
        }
        var classVectors: Tensor?
        if let last = layers.last, last["activation"] as? String == "cosine" {
            classVectors = try tensor(last["weight"])
            layers.removeLast()
        }
        var act: Activation = .linear
        let ls = try layers.enumerated().map { i, l -> DenseLayer in
            if i == 0, let a = l["activation"] as? String { act = Activation(rawValue: a) ?? .linear }
            return DenseLayer(weight: try tensor(l["weight"]), bias: try tensor(l["bias"]))
        }
        let fs = try feats.map { f -> InputFeature in
            guard let x = InputFeature(rawValue: f) else { throw Bad(description: "weights: unknown feature \(f)") }
            return x
        }
        return Contents(layers: ls, features: fs, activation: layers.count > 1 ? act : .linear, classVectors: classVectors)
    }
}
