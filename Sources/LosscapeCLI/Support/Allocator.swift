/// Keeps glibc's malloc from serving training-sized tensors (≥ 128 KiB) with
/// fresh mmap'ed pages every step: the page faults of a 2048×64 batch cost
/// more than its arithmetic. Freed memory is then reused from the heap.
/// (`mallopt` is declared in <malloc.h>, which Swift's Glibc module does not
/// import; the constants are glibc's M_TRIM_THRESHOLD = −1, M_MMAP_THRESHOLD = −3.)
func tuneAllocator() {
    #if os(Linux)
    _ = glibcMallopt(-3, 256 << 20)
    _ = glibcMallopt(-1, 512 << 20)
    #endif
}

#if os(Linux)
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
