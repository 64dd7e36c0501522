#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with the C library (Learning needs no Foundation).
enum FileBytes {
    /// The file's bytes, or a `DataError` naming the file and the system's reason.
    static func read(_ path: String) throws -> [UInt8] {
        guard let f = fopen(path, "rb") else {
            let reason = String(cString: strerror(errno))
            throw DataError.file(path: path, line: nil, message: "cannot open the file (\(reason)); data.path is relative to the preset's folder")
        }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
            if n > 0 { bytes.append(contentsOf: chunk[..<n]) }
            if n < chunk.count {
                if ferror(f) != 0 {
                    let reason = String(cString: strerror(errno))
                    throw DataError.file(path: path, line: nil, message: "cannot read the file (\(reason))")
                }
                break
            }
        }
        return bytes
    }
}
