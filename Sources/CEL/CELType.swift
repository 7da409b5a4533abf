/// A CEL type, as the checker reasons about it and as `type(x)` returns it.
public indirect enum CELType: Sendable, Hashable {
  case null
  case bool
  case int
  case uint
  case double
  case string
  case bytes
  case timestamp
  case duration
  case list(CELType)
  case map(key: CELType, value: CELType)
  /// The type of types: `type(int)` is `type`.
  case type
  /// Any type, checked at run time.
  case dyn
  /// Any numeric kind (int, uint or double), decided at run time. Not a CEL runtime type:
  /// the checker uses it for fields declared as "a number" without saying which kind.
  case number
  /// A record with a fixed layout (a shift event).
  case record(RecordLayout)
}
