/// A JSON value whose objects keep their keys in the order written.
///
/// Reports, SARIF and the JSON Schema are read by people as well as tools, so keys appear in
/// a deliberate order and the output is byte-stable (Foundation's encoder sorts or shuffles).
public indirect enum OrderedJSON: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([OrderedJSON])
  case object([Member])

  /// One key and its value in an object.
  public struct Member: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value.
    public var value: OrderedJSON

    /// Creates a member.
    public init(_ key: String, _ value: OrderedJSON) {
      self.key = key
      self.value = value
    }
  }

  /// An object from key/value pairs in order.
  public static func object(_ pairs: KeyValuePairs<String, OrderedJSON>) -> OrderedJSON {
    .object(pairs.map { Member($0.key, $0.value) })
  }

  /// The value as JSON text: two-space indented when `pretty`, else on one line.
  public func rendered(pretty: Bool = true) -> String {
    var out = ""
    write(to: &out, pretty: pretty, depth: 0)
    return out
  }

  private func write(to out: inout String, pretty: Bool, depth: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d): out += d.isFinite ? String(d) : "null"
    case .string(let s): OrderedJSON.writeString(s, to: &out)
    case .array(let items):
      writeContainer(items, open: "[", close: "]", to: &out, pretty: pretty, depth: depth) { item, out in
        item.write(to: &out, pretty: pretty, depth: depth + 1)
      }
    case .object(let members):
      writeContainer(members, open: "{", close: "}", to: &out, pretty: pretty, depth: depth) { member, out in
        OrderedJSON.writeString(member.key, to: &out)
        out += pretty ? ": " : ":"
        member.value.write(to: &out, pretty: pretty, depth: depth + 1)
      }
    }
  }

  private func writeContainer<T>(
    _ items: [T], open: String, close: String, to out: inout String, pretty: Bool, depth: Int,
    element: (T, inout String) -> Void
  ) {
    out += open
    if items.isEmpty {
      out += close
      return
    }
    let inner = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
    for (i, item) in items.enumerated() {
      if i > 0 { out += "," }
      out += inner
      element(item, &out)
    }
    out += pretty ? "\n" + String(repeating: "  ", count: depth) : ""
    out += close
  }

  /// Written by ``JSONBytes``, the reports' escaper, so every JSON the tool writes escapes alike.
  private static func writeString(_ s: String, to out: inout String) {
    var json = JSONBytes(capacity: s.utf8.count + 2)
    json.string(s)
    out += json.text
  }
}
