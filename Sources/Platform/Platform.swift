// The one place that talks to the operating system's C library: elementary
// functions, reading files, the allocator, terminals and the CPU. Every other
// target imports `Platform`, never Glibc. losscape is built and tested on Linux
// (glibc) only; another system needs this file ported (and nothing else).
#if canImport(Glibc)
    import Glibc
#else
    #error("losscape builds on Linux (glibc) only: port Sources/Platform/Platform.swift first")
#endif

/// The C library's elementary functions, Float and Double.
public enum LibM {
    @inlinable @inline(__always) public static func log(_ x: Float) -> Float { logf(x) }
    @inlinable @inline(__always) public static func log1p(_ x: Float) -> Float { log1pf(x) }
    @inlinable @inline(__always) public static func exp(_ x: Float) -> Float { expf(x) }
    @inlinable @inline(__always) public static func expm1(_ x: Float) -> Float { expm1f(x) }
    @inlinable @inline(__always) public static func pow(_ x: Float, _ y: Float) -> Float { powf(x, y) }
    @inlinable @inline(__always) public static func sin(_ x: Float) -> Float { sinf(x) }
    @inlinable @inline(__always) public static func cos(_ x: Float) -> Float { cosf(x) }
    @inlinable @inline(__always) public static func erf(_ x: Float) -> Float { erff(x) }
    @inlinable @inline(__always) public static func tanh(_ x: Float) -> Float { tanhf(x) }

    @inlinable @inline(__always) public static func log(_ x: Double) -> Double { Glibc.log(x) }
    @inlinable @inline(__always) public static func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
    @inlinable @inline(__always) public static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    @inlinable @inline(__always) public static func expm1(_ x: Double) -> Double { Glibc.expm1(x) }
    @inlinable @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
    @inlinable @inline(__always) public static func sin(_ x: Double) -> Double { Glibc.sin(x) }
    @inlinable @inline(__always) public static func cos(_ x: Double) -> Double { Glibc.cos(x) }
    @inlinable @inline(__always) public static func acos(_ x: Double) -> Double { Glibc.acos(x) }
    @inlinable @inline(__always) public static func atan2(_ y: Double, _ x: Double) -> Double { Glibc.atan2(y, x) }
    @inlinable @inline(__always) public static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
    @inlinable @inline(__always) public static func log10(_ x: Double) -> Double { Glibc.log10(x) }
}

/// Whole files through the C library (the numeric targets need no Foundation).
public enum SystemFile {
    /// The file's bytes, or the system's reason it cannot be read.
    public static func read(_ path: String) -> Result<[UInt8], SystemError> { read(path, upTo: .max) }

    /// At most the first `limit` bytes of the file (a header line, without reading the rest).
    public static func read(_ path: String, upTo limit: Int) -> Result<[UInt8], SystemError> {
        guard let f = fopen(path, "rb") else { return .failure(SystemError(opening: true)) }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: min(1 << 16, max(limit, 1)))
        while bytes.count < limit {
            let want = min(chunk.count, limit - bytes.count)
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, want, f) }
            if n > 0 { bytes.append(contentsOf: chunk[..<n]) }
            if n < want {
                if ferror(f) != 0 { return .failure(SystemError(opening: false)) }
                return .success(bytes)
            }
        }
        return .success(bytes)
    }
}

/// Why a file could not be opened or read (`errno`'s text).
public struct SystemError: Error, Sendable {
    public let opening: Bool
    public let reason: String
    init(opening: Bool) {
        self.opening = opening
        reason = String(cString: strerror(errno))
    }
}

/// The process and its terminal.
public enum SystemProcess {
    /// Keeps glibc's malloc from serving training-sized tensors (≥ 128 KiB) with fresh mmap'ed
    /// pages every step: their page faults cost more than the arithmetic of a 2048×64 batch.
    /// Freed memory is reused from the heap (M_MMAP_THRESHOLD = 256 MiB, M_TRIM_THRESHOLD = 512 MiB).
    public static func tuneAllocator() {
        _ = mallopt(-3, 256 << 20)  // M_MMAP_THRESHOLD
        _ = mallopt(-1, 512 << 20)  // M_TRIM_THRESHOLD
    }

    /// True when the file descriptor is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The process id (for unique staging names).
    public static var id: Int32 { getpid() }

    /// Takes the character set from the environment (LANG, LC_*), so ncursesw draws UTF-8.
    public static func useEnvironmentLocale() { _ = setlocale(LC_ALL, "") }

    /// An environment variable, or nil when unset.
    public static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
}

/// The signals the program handles or must receive, and their mask.
public enum SystemSignal {
    public static let interrupt = SIGINT, terminate = SIGTERM, resize = SIGWINCH
    /// What the terminal loop must receive even when a parent started us with them blocked
    /// (job control, the resize, and the fatal ones the terminal guard restores on).
    public static let terminal: [Int32] = [SIGWINCH, SIGTSTP, SIGCONT, SIGQUIT, SIGHUP, SIGABRT, SIGTRAP]

    /// Unblocks `signals` for the calling thread (signal masks are inherited across exec).
    public static func unblock(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in signals { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// What the CPU can do (x86-64 vector extensions), from /proc/cpuinfo's first `flags` line.
public enum CPU {
    public static let flags: Set<String> = {
        guard case .success(let bytes) = SystemFile.read("/proc/cpuinfo") else { return [] }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return [] }
        return Set(line.split(separator: " ").map(String.init))
    }()

    /// AVX2 and FMA (x86-64-v3), which the numeric kernels are compiled for.
    public static var hasAVX2FMA: Bool {
        #if arch(x86_64)
            return flags.contains("avx2") && flags.contains("fma")
        #else
            return true
        #endif
    }

    /// The AVX-512 subsets the wide kernels are compiled for (Skylake-SP's: F, CD, BW, DQ, VL).
    public static let avx512Flags = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]

    /// Every one of `avx512Flags`: the wide kernels can run.
    public static var hasAVX512: Bool {
        #if arch(x86_64)
            return avx512Flags.allSatisfy(flags.contains)
        #else
            return false
        #endif
    }

    /// The model name ("AMD EPYC", "Intel(R) Xeon(R) Platinum …").
    public static let model: String = {
        guard case .success(let bytes) = SystemFile.read("/proc/cpuinfo") else { return "unknown" }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let colon = line.firstIndex(of: ":")
        else { return "unknown" }
        return line[line.index(after: colon)...].trimmingPrefixSpaces()
    }()
}

extension Substring {
    func trimmingPrefixSpaces() -> String { String(drop { $0 == " " || $0 == "\t" }) }
}
