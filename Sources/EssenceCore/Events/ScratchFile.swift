#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A file of the run's own, for what it does not hold in memory: unnamed from the moment it
/// is created (unlinked), so nothing is left behind however the run ends.
///
/// Written by one thread at a time (its store's lock), each write after the last; read back
/// by any thread at once (`pread`).
final class ScratchFile: @unchecked Sendable {
  private let descriptor: Int32
  /// Bytes written so far: where the next write goes.
  private var size = 0
  private var space: FileSpace

  /// A new empty file in the temporary directory (`TMPDIR`), or nil when none can be made.
  init?() {
    var template = Array(
      FileManager.default.temporaryDirectory.appendingPathComponent("essence-XXXXXX").path.utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return nil }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    self.descriptor = descriptor
    // Nothing to give back at the end: the file goes with its descriptor.
    space = FileSpace(descriptor: descriptor)
  }

  deinit { close(descriptor) }

  /// Writes `parts`, one after another, after what was written before (one system call for
  /// them all, from where they are); where they went, or nil when the file could not take them
  /// (a full disk), in which case the file is as it was.
  func append(_ parts: [UnsafeRawBufferPointer]) -> Range<Int>? {
    let start = size
    let total = parts.reduce(0) { $0 + $1.count }
    space.willWrite(total)
    var vectors = parts.filter { $0.count > 0 }.map {
      iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count)
    }
    var done = 0
    var first = 0
    while done < total {
      let n = vectors[first...].withUnsafeBufferPointer {
        pwritev(descriptor, $0.baseAddress, Int32($0.count), off_t(start + done))
      }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return nil }
      done += n
      // Past the vectors written whole; into the one written in part.
      var left = n
      while first < vectors.count && left >= vectors[first].iov_len {
        left -= vectors[first].iov_len
        first += 1
      }
      if left > 0 {
        vectors[first].iov_base = vectors[first].iov_base.map { $0 + left }
        vectors[first].iov_len -= left
      }
    }
    size += total
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
