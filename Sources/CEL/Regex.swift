internal import CRE2
import Synchronization

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A compiled RE2 pattern: `matches` runs in time linear in the subject, so hostile patterns
/// such as `(a+)+$` cannot backtrack catastrophically.
///
/// RE2 objects are immutable after compiling and safe to match from many threads.
final class Regex: @unchecked Sendable {
  private let handle: OpaquePointer

  private init(handle: OpaquePointer) {
    self.handle = handle
  }

  deinit { CRE2_free(handle) }

  /// Compiles a pattern, or returns RE2's reason for refusing it.
  static func compile(_ pattern: String) -> Result<Regex, EvalError> {
    var message: UnsafeMutablePointer<CChar>?
    var source = pattern
    let handle = source.withUTF8 { CRE2_compile($0.baseAddress, $0.count, &message) }
    guard let handle else {
      let reason = message.map { String(cString: $0) } ?? "invalid pattern"
      free(message)
      return .failure(EvalError("invalid regular expression \(Value.quoted(pattern)): \(reason)"))
    }
    return .success(Regex(handle: handle))
  }

  /// Whether the pattern matches anywhere in the subject (CEL's `matches` is unanchored).
  func matches(_ subject: String) -> Bool {
    var subject = subject
    return subject.withUTF8 { matches(utf8: $0) }
  }

  /// Whether the pattern matches anywhere in a subject given as UTF-8.
  func matches(utf8 subject: UnsafeBufferPointer<UInt8>) -> Bool {
    CRE2_partial_match(handle, subject.baseAddress, subject.count) != 0
  }
}

/// Patterns that were not literals, compiled once each (up to a bound, then started afresh).
final class RegexCache: Sendable {
  static let shared = RegexCache()
  private let compiled = Mutex<[String: Result<Regex, EvalError>]>([:])
  private let limit = 512

  /// The compiled pattern, from the cache when seen before.
  func regex(_ pattern: String) -> Result<Regex, EvalError> {
    compiled.withLock { compiled in
      if let known = compiled[pattern] { return known }
      if compiled.count >= limit { compiled.removeAll(keepingCapacity: true) }
      let result = Regex.compile(pattern)
      compiled[pattern] = result
      return result
    }
  }
}
