/// An implementation of a CEL function for one number of arguments (a receiver counts as the
/// first argument: `s.size()` and `size(s)` are the same call).
enum Overload: Sendable {
  case unary(@Sendable (Value) -> Value)
  case binary(@Sendable (Value, Value) -> Value)
  case ternary(@Sendable (Value, Value, Value) -> Value)
  case variadic(@Sendable ([Value]) -> Value)
}

/// The standard functions, by name and argument count. All of them are strict: an error
/// argument is the result. The logical operators, `?:` and the macro helpers are not here;
/// the compiler builds them, because they must not evaluate every argument.
enum Library {
  /// The implementation of `name` for `arity` arguments, or nil when there is none.
  static func overload(_ name: String, arity: Int) -> Overload? {
    table[name]?[arity]
  }

  /// Whether any function of this name exists, for the "no such overload" versus
  /// "unknown function" message.
  static func knows(_ name: String) -> Bool { table[name] != nil }

  private static let table: [String: [Int: Overload]] = {
    var table: [String: [Int: Overload]] = [:]
    for part in [operators, conversions, collections, strings, time] {
      table.merge(part) { a, b in a.merging(b) { $1 } }
    }
    return table
  }()

  private static let operators: [String: [Int: Overload]] = [
    "_+_": [2: .binary(Value.add)],
    "_-_": [2: .binary(Value.subtract)],
    "_*_": [2: .binary(Value.multiply)],
    "_/_": [2: .binary(Value.divide)],
    "_%_": [2: .binary(Value.modulo)],
    "-_": [1: .unary(Value.negate)],
    "!_": [1: .unary(Value.not)],
    "_==_": [2: .binary { Relation.equal.general($0, $1) }],
    "_!=_": [2: .binary { Relation.notEqual.general($0, $1) }],
    "_<_": [2: .binary { Relation.less.general($0, $1) }],
    "_<=_": [2: .binary { Relation.lessOrEqual.general($0, $1) }],
    "_>_": [2: .binary { Relation.greater.general($0, $1) }],
    "_>=_": [2: .binary { Relation.greaterOrEqual.general($0, $1) }],
    "@in": [2: .binary(Value.contains)],
    "_[_]": [2: .binary(Value.index)],
  ]

  private static let conversions: [String: [Int: Overload]] = [
    "int": [1: .unary(Value.toInt)],
    "uint": [1: .unary(Value.toUInt)],
    "double": [1: .unary(Value.toDouble)],
    "string": [1: .unary(Value.toString)],
    "bytes": [1: .unary(Value.toBytes)],
    "bool": [1: .unary(Value.toBool)],
    "duration": [1: .unary(Value.toDuration)],
    "timestamp": [1: .unary(Value.toTimestamp)],
    "dyn": [1: .unary { $0 }],
    "type": [1: .unary { .type($0.celType) }],
  ]

  private static let collections: [String: [Int: Overload]] = [
    "size": [1: .unary(Value.size)]
  ]

  private static let strings: [String: [Int: Overload]] = [
    "contains": [2: .binary(StringFunctions.contains)],
    "startsWith": [2: .binary(StringFunctions.startsWith)],
    "endsWith": [2: .binary(StringFunctions.endsWith)],
    "matches": [2: .binary(StringFunctions.matches)],
    "lowerAscii": [1: .unary(StringFunctions.lowerAscii)],
    "upperAscii": [1: .unary(StringFunctions.upperAscii)],
    "trim": [1: .unary(StringFunctions.trim)],
    "reverse": [1: .unary(StringFunctions.reverse)],
    "strings.quote": [1: .unary(StringFunctions.quote)],
    "format": [2: .binary(FormatFunction.format)],
    "split": [2: .binary { StringFunctions.split($0, $1, .int(-1)) }, 3: .ternary(StringFunctions.split)],
    "join": [1: .unary { StringFunctions.join($0, .string("")) }, 2: .binary(StringFunctions.join)],
    "charAt": [2: .binary(StringFunctions.charAt)],
    "indexOf": [2: .binary { StringFunctions.indexOf($0, $1, nil) }, 3: .ternary(StringFunctions.indexOf)],
    "lastIndexOf": [
      2: .binary { StringFunctions.lastIndexOf($0, $1, nil) }, 3: .ternary(StringFunctions.lastIndexOf),
    ],
    "substring": [2: .binary { StringFunctions.substring($0, $1, nil) }, 3: .ternary(StringFunctions.substring)],
    "replace": [
      3: .ternary { StringFunctions.replace($0, $1, $2, .int(-1)) },
      4: .variadic { StringFunctions.replace($0[0], $0[1], $0[2], $0[3]) },
    ],
  ]

  private static let time: [String: [Int: Overload]] = {
    var table: [String: [Int: Overload]] = [:]
    for accessor in TimeFunctions.Accessor.allCases {
      table[accessor.rawValue] = [
        1: .unary { TimeFunctions.get(accessor, $0, zone: nil) },
        2: .binary { TimeFunctions.get(accessor, $0, zone: $1) },
      ]
    }
    return table
  }()
}
