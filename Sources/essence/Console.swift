#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The command's only way to print: reports to stdout, diagnostics to stderr.
enum Console {
  static func output(_ text: String) {
    var text = text
    text.withUTF8 { output($0) }
  }

  static func output(_ bytes: UnsafeBufferPointer<UInt8>) {
    write(bytes, to: STDOUT_FILENO)
  }

  static func error(_ text: String) {
    var text = text
    text.withUTF8 { write($0, to: STDERR_FILENO) }
  }

  /// Writes every byte to a file descriptor, straight from where the report wrote them: a
  /// report of a million-event log is over 100 MB, and each copy of it costs. A report that
  /// cannot be written (a full disk) is not left cut short behind a success: the run says why
  /// and exits 1.
  static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
    guard var next = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
      #if canImport(Darwin)
        let written = Darwin.write(descriptor, next, left)
      #elseif canImport(Glibc)
        let written = Glibc.write(descriptor, next, left)
      #else
        let written = Musl.write(descriptor, next, left)
      #endif
      if written < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        if descriptor != STDERR_FILENO {
          error("error: cannot write the report: \(reason.prefix(1).lowercased() + reason.dropFirst())\n")
        }
        exit(1)
      }
      next += written
      left -= written
    }
  }
}
