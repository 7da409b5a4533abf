import Foundation

/// The command's only way to print: reports to stdout, diagnostics to stderr.
enum Console {
  static func output(_ text: String) {
    output(Array(text.utf8))
  }

  static func output(_ bytes: [UInt8]) {
    write(bytes, to: FileHandle.standardOutput.fileDescriptor)
  }

  static func error(_ text: String) {
    write(Array(text.utf8), to: FileHandle.standardError.fileDescriptor)
  }

  /// Writes every byte to a file descriptor, straight from the array: a report of a
  /// million-event log is over 100 MB, and wrapping each piece in `Data` copied it once more.
  /// A report that cannot be written (a full disk) is not left cut short behind a success:
  /// the run says why and exits 1.
  static func write(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBytes { buffer in
      guard var next = buffer.baseAddress else { return }
      var left = buffer.count
      while left > 0 {
        let written = Foundation.write(descriptor, next, left)
        if written < 0 {
          if errno == EINTR { continue }
          let reason = String(cString: strerror(errno))
          if descriptor != FileHandle.standardError.fileDescriptor {
            error("error: cannot write the report: \(reason.prefix(1).lowercased() + reason.dropFirst())\n")
          }
          Foundation.exit(1)
        }
        next += written
        left -= written
      }
    }
  }
}
