/// The signatures the checker knows: every operator and function of SPEC §4.
///
/// `.dyn` in a parameter accepts anything; a few generic cases (indexing, `in`, list
/// concatenation, equality and ordering) are typed by hand in the checker instead.
struct Signature: Sendable {
  /// The receiver's type for `x.f(...)` style overloads; nil for global calls.
  let receiver: CELType?
  let params: [CELType]
  let result: CELType

  init(_ receiver: CELType?, _ params: [CELType], _ result: CELType) {
    self.receiver = receiver
    self.params = params
    self.result = result
  }
}

enum Signatures {
  /// Signatures by function name.
  static let table: [String: [Signature]] = {
    var t: [String: [Signature]] = [:]
    let numeric: [CELType] = [.int, .uint, .double]
    func global(_ name: String, _ params: [CELType], _ result: CELType) {
      t[name, default: []].append(Signature(nil, params, result))
    }
    func method(_ name: String, _ receiver: CELType, _ params: [CELType], _ result: CELType) {
      t[name, default: []].append(Signature(receiver, params, result))
    }
    func both(_ name: String, _ receiver: CELType, _ params: [CELType], _ result: CELType) {
      global(name, [receiver] + params, result)
      method(name, receiver, params, result)
    }

    for n in numeric {
      for op in ["_+_", "_-_", "_*_", "_/_"] { global(op, [n, n], n) }
    }
    global("_%_", [.int, .int], .int)
    global("_%_", [.uint, .uint], .uint)
    global("_+_", [.string, .string], .string)
    global("_+_", [.bytes, .bytes], .bytes)
    global("_+_", [.list(.dyn), .list(.dyn)], .list(.dyn))
    global("_+_", [.timestamp, .duration], .timestamp)
    global("_+_", [.duration, .timestamp], .timestamp)
    global("_+_", [.duration, .duration], .duration)
    global("_-_", [.timestamp, .timestamp], .duration)
    global("_-_", [.timestamp, .duration], .timestamp)
    global("_-_", [.duration, .duration], .duration)
    global("-_", [.int], .int)
    global("-_", [.double], .double)
    global("!_", [.bool], .bool)
    global("_&&_", [.bool, .bool], .bool)
    global("_||_", [.bool, .bool], .bool)
    global("@not_strictly_false", [.dyn], .bool)

    for receiver in [CELType.string, .bytes, .list(.dyn), .map(key: .dyn, value: .dyn)] {
      both("size", receiver, [], .int)
    }
    for name in ["contains", "startsWith", "endsWith", "matches"] {
      method(name, .string, [.string], .bool)
    }
    global("matches", [.string, .string], .bool)
    for name in ["lowerAscii", "upperAscii", "trim", "reverse"] { method(name, .string, [], .string) }
    method("split", .string, [.string], .list(.string))
    method("split", .string, [.string, .int], .list(.string))
    method("join", .list(.string), [], .string)
    method("join", .list(.string), [.string], .string)
    method("charAt", .string, [.int], .string)
    method("indexOf", .string, [.string], .int)
    method("indexOf", .string, [.string, .int], .int)
    method("lastIndexOf", .string, [.string], .int)
    method("lastIndexOf", .string, [.string, .int], .int)
    method("replace", .string, [.string, .string], .string)
    method("replace", .string, [.string, .string, .int], .string)
    method("substring", .string, [.int], .string)
    method("substring", .string, [.int, .int], .string)
    method("format", .string, [.list(.dyn)], .string)
    global("strings.quote", [.string], .string)

    for source in [CELType.int, .uint, .double, .string, .timestamp, .bool] { global("int", [source], .int) }
    for source in [CELType.int, .uint, .double, .string] { global("uint", [source], .uint) }
    for source in [CELType.int, .uint, .double, .string] { global("double", [source], .double) }
    for source in [CELType.int, .uint, .double, .string, .bytes, .bool, .timestamp, .duration] {
      global("string", [source], .string)
    }
    global("bytes", [.string], .bytes)
    global("bytes", [.bytes], .bytes)
    global("bool", [.bool], .bool)
    global("bool", [.string], .bool)
    global("duration", [.string], .duration)
    global("duration", [.duration], .duration)
    global("timestamp", [.string], .timestamp)
    global("timestamp", [.timestamp], .timestamp)
    global("timestamp", [.int], .timestamp)
    global("type", [.dyn], .type)
    global("dyn", [.dyn], .dyn)

    for accessor in TimeFunctions.Accessor.allCases {
      method(accessor.rawValue, .timestamp, [], .int)
      method(accessor.rawValue, .timestamp, [.string], .int)
      if accessor.isClockPart { method(accessor.rawValue, .duration, [], .int) }
    }
    return t
  }()

  /// Operators and internal functions, which never get a did-you-mean suggestion.
  static func isOperator(_ name: String) -> Bool {
    name.hasPrefix("_") || name.hasPrefix("@") || name == "!_" || name == "-_"
  }

  /// Functions a user can call, for did-you-mean suggestions.
  static let callableNames: [String] = table.keys.filter { !isOperator($0) }.sorted()
}
