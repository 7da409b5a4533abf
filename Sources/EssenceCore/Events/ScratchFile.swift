import Foundation

/// A file of the run's own, for what it does not hold in memory: unnamed from the moment it
/// is created (unlinked), so nothing is left behind however the run ends.
///
/// Written by one thread at a time (its store's lock), each write after the last; read back
/// by any thread at once (`pread`).
final class ScratchFile: @unchecked Sendable {
  private let descriptor: Int32
  /// Bytes written so far: where the next write goes.
  private var size = 0

  /// A new empty file in the temporary directory (`TMPDIR`), or nil when none can be made.
  init?() {
    var template = Array(
      FileManager.default.temporaryDirectory.appendingPathComponent("essence-XXXXXX").path.utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return nil }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  /// Writes `bytes` after what was written before; where they went, or nil when the file
  /// could not take them (a full disk), in which case the file is as it was.
  func append(_ bytes: [UInt8]) -> Range<Int>? {
    let start = size
    let written = bytes.withUnsafeBytes { buffer -> Bool in
      var done = 0
      while done < buffer.count {
        let n = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(start + done))
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return false }
        done += n
      }
      return true
    }
    guard written else { return nil }
    size += bytes.count
    return start..<size
  }

  /// Fills `buffer` with the bytes written from `offset` on.
  ///
  /// Reading back what this file was given cannot fail short of the disk failing, and a run
  /// cannot judge a log whose events it has lost: that stops the run.
  func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) {
    var done = 0
    while done < buffer.count {
      let n = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else {
        fatalError("essence: could not read back its scratch file (\(String(cString: strerror(errno))))")
      }
      done += n
    }
  }
}
