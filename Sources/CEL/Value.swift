/// A CEL value: what every expression evaluates to.
///
/// Errors are values (`.error`), not Swift throws, because CEL's `&&`, `||` and `?:`
/// absorb them: `false && (1/0 > 2)` is `false`.
public enum Value: Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case uint(UInt64)
  case double(Double)
  case string(String)
  case bytes([UInt8])
  case list([Value])
  case map(MapValue)
  case timestamp(Timestamp)
  case duration(CELDuration)
  case type(CELType)
  /// An object with a fixed field layout (a shift event); declared fields are read by slot.
  case record(Record)
  case error(EvalError)
}

/// An instant, as seconds and nanoseconds since the Unix epoch (UTC), in CEL's range
/// 0001-01-01T00:00:00Z ... 9999-12-31T23:59:59.999999999Z.
public struct Timestamp: Sendable, Hashable, Comparable {
  /// Whole seconds since 1970-01-01T00:00:00Z.
  public var seconds: Int64
  /// Nanoseconds within the second, 0..<1_000_000_000.
  public var nanos: Int32

  /// Creates a timestamp from seconds since the epoch and nanoseconds within the second.
  public init(seconds: Int64, nanos: Int32) {
    self.seconds = seconds
    self.nanos = nanos
  }

  public static func < (a: Timestamp, b: Timestamp) -> Bool {
    (a.seconds, a.nanos) < (b.seconds, b.nanos)
  }
}

/// A signed span of time, as seconds and nanoseconds with the same sign.
public struct CELDuration: Sendable, Hashable, Comparable {
  /// Whole seconds.
  public var seconds: Int64
  /// Nanoseconds, with the sign of `seconds` (or any sign when `seconds` is 0).
  public var nanos: Int32

  /// Creates a duration; `nanos` must carry the same sign as `seconds`.
  public init(seconds: Int64, nanos: Int32) {
    self.seconds = seconds
    self.nanos = nanos
  }

  public static func < (a: CELDuration, b: CELDuration) -> Bool {
    (a.seconds, a.nanos) < (b.seconds, b.nanos)
  }
}

/// Why an evaluation failed: a value that travels through the expression like any other.
public struct EvalError: Sendable, Hashable, Error {
  /// What went wrong, lowercase, e.g. "no such key: 'rings'" or "division by zero".
  public var message: String
  /// The id of the AST node whose evaluation failed, when known (for traces and carets).
  public var exprID: Int?

  /// Creates an error value.
  public init(_ message: String, exprID: Int? = nil) {
    self.message = message
    self.exprID = exprID
  }
}
