/// Names (the run's employees) as UTF-8 in one allocation, by number.
///
/// A report writes an employee per finding. Copying a String out of an array costs a retain
/// and a release, even to copy its bytes; reading bytes from memory this class owns outright
/// costs neither, and the class is reached without counting (see ``FindingLine``).
final class NameBytes: @unchecked Sendable {
  // Immutable once built, so shared across the threads that write a report.
  private let bytes: UnsafeMutableBufferPointer<UInt8>
  /// Where each name starts in `bytes`, and then where the last one ends.
  private let starts: UnsafeMutableBufferPointer<Int>

  init(_ names: [String]) {
    var utf8: [UInt8] = []
    var starts = [0]
    starts.reserveCapacity(names.count + 1)
    for name in names {
      utf8 += name.utf8
      starts.append(utf8.count)
    }
    bytes = .allocate(capacity: utf8.count)
    _ = bytes.initialize(from: utf8)
    self.starts = .allocate(capacity: starts.count)
    _ = self.starts.initialize(from: starts)
  }

  deinit {
    bytes.deallocate()
    starts.deallocate()
  }

  /// Calls `body` with the UTF-8 of the name numbered `number`.
  @inline(__always)
  func withUTF8<R>(_ number: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let n = Int(number)
    return body(UnsafeBufferPointer(rebasing: bytes[starts[n]..<starts[n + 1]]))
  }
}
