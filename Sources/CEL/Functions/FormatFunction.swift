#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// `'pattern'.format([args])` from CEL's strings extension: `%s`, `%d`, `%f`, `%e`, `%b`, `%o`,
/// `%x`, `%X`, an optional precision (`%.3f`), and `%%` for a percent sign.
enum FormatFunction {
  static func format(_ pattern: Value, _ arguments: Value) -> Value {
    guard case .string(let text) = pattern, case .list(let args) = arguments else {
      return Value.noOverload("format", pattern, arguments)
    }
    var out = ""
    var scalars = text.unicodeScalars[...]
    var next = 0
    while let scalar = scalars.popFirst() {
      guard scalar == "%" else {
        out.unicodeScalars.append(scalar)
        continue
      }
      if scalars.first == "%" {
        scalars.removeFirst()
        out += "%"
        continue
      }
      var precision: Int?
      if scalars.first == "." {
        scalars.removeFirst()
        var digits = ""
        while let d = scalars.first, d.properties.numericType == .decimal, d.isASCII {
          digits.unicodeScalars.append(d)
          scalars.removeFirst()
        }
        precision = Int(digits) ?? 0
      }
      guard let verb = scalars.popFirst() else { return failure("unterminated formatting clause") }
      guard next < args.count else { return failure("index \(next) out of range: too few arguments for the pattern") }
      switch clause(verb, args[next], precision: precision) {
      case .success(let piece): out += piece
      case .failure(let error): return .error(error)
      }
      next += 1
    }
    return .string(out)
  }

  private static func failure(_ message: String) -> Value { .error(EvalError("format: \(message)")) }

  /// One clause applied to one argument.
  private static func clause(_ verb: Unicode.Scalar, _ arg: Value, precision: Int?) -> Result<String, EvalError> {
    let kind = arg.celType.celName
    switch verb {
    case "s": return .success(plain(arg))
    case "d":
      switch arg {
      case .int(let i): return .success(String(i))
      case .uint(let u): return .success(String(u))
      case .double(let d) where !d.isFinite: return .success(plain(arg))
      default: return .failure(EvalError("format: decimal clause can only be used on integers, was given \(kind)"))
      }
    case "f", "e":
      let name = verb == "f" ? "fixed-point" : "scientific"
      guard let d = double(arg) else {
        return .failure(EvalError("format: \(name) clause can only be used on doubles, was given \(kind)"))
      }
      if !d.isFinite { return .success(plain(.double(d))) }
      return .success(printf("%.\(precision ?? 6)\(verb)", d))
    case "b":
      switch arg {
      case .int(let i): return .success(String(i, radix: 2))
      case .uint(let u): return .success(String(u, radix: 2))
      case .bool(let b): return .success(b ? "1" : "0")
      default:
        return .failure(EvalError("format: only integers and bools can be formatted as binary, was given \(kind)"))
      }
    case "o":
      switch arg {
      case .int(let i): return .success(String(i, radix: 8))
      case .uint(let u): return .success(String(u, radix: 8))
      default: return .failure(EvalError("format: octal clause can only be used on integers, was given \(kind)"))
      }
    case "x", "X":
      let upper = verb == "X"
      let hex: String
      switch arg {
      case .int(let i): hex = String(i, radix: 16, uppercase: upper)
      case .uint(let u): hex = String(u, radix: 16, uppercase: upper)
      case .string(let s): hex = hexBytes(Array(s.utf8), upper)
      case .bytes(let b): hex = hexBytes(b, upper)
      default:
        return .failure(
          EvalError("format: only integers, byte buffers, and strings can be formatted as hex, was given \(kind)"))
      }
      return .success(hex)
    default:
      return .failure(EvalError("format: unrecognized formatting clause '\(verb)'"))
    }
  }

  private static func double(_ arg: Value) -> Double? {
    switch arg {
    case .double(let d): return d
    case .int(let i): return Double(i)
    case .uint(let u): return Double(u)
    default: return nil
    }
  }

  /// A finite double as C's `printf` writes it with `format` (`%.3f`, `%e`): in the C locale, as
  /// a Swift program runs unless it calls `setlocale`, so always with a `.` for the point.
  private static func printf(_ format: String, _ d: Double) -> String {
    let count = Int(withVaList([d]) { vsnprintf(nil, 0, format, $0) })
    return String(unsafeUninitializedCapacity: count + 1) { buffer in
      buffer.withMemoryRebound(to: CChar.self) { text in
        _ = withVaList([d]) { vsnprintf(text.baseAddress, text.count, format, $0) }
      }
      return count
    }
  }

  private static func hexBytes(_ bytes: [UInt8], _ upper: Bool) -> String {
    bytes.map { byte in
      let digits = String(byte, radix: 16, uppercase: upper)
      return digits.count == 1 ? "0" + digits : digits
    }.joined()
  }

  /// `%s`: text as is, numbers and times as `string()` writes them, lists and maps with their
  /// elements so written (map entries sorted by key text).
  private static func plain(_ arg: Value) -> String {
    switch arg {
    case .string(let s): return s
    case .double(let d) where d.isNaN: return "NaN"
    case .double(let d) where d.isInfinite: return d < 0 ? "-Infinity" : "Infinity"
    case .bytes(let b): return String(decoding: b, as: UTF8.self)
    case .null: return "null"
    case .type(let t): return t.celName
    case .list(let items): return "[" + items.map(plain).joined(separator: ", ") + "]"
    case .map(let map): return entries(map.entries)
    case .record(let record): return entries(record.fieldEntries)
    default:
      if case .string(let s) = Value.toString(arg) { return s }
      return arg.description
    }
  }

  private static func entries(_ entries: [(key: Value, value: Value)]) -> String {
    let pairs = entries.map { (plain($0.key), plain($0.value)) }.sorted { $0.0 < $1.0 }
    return "{" + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
  }
}
