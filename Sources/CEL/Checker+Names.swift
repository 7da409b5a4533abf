/// How the checker names types in messages, and its did-you-mean suggestions.
extension CELType {
  /// The type as CEL writes it: `int`, `list(string)`, `map(string, dyn)`; the runtime name
  /// (`celName`) but for times, containers and records.
  var displayName: String {
    switch self {
    case .timestamp: "timestamp"
    case .duration: "duration"
    case .list(let element): "list(\(element.displayName))"
    case .map(let key, let value): "map(\(key.displayName), \(value.displayName))"
    case .record: "record"
    default: celName
    }
  }

  /// The type in a sentence: "a number", "an int", "null".
  var withArticle: String {
    switch self {
    case .null: "null"
    case .bytes: "bytes"
    case .int: "an int"
    case .list: "a list"
    case .map: "a map"
    default: "a \(displayName)"
    }
  }

  /// True for int, uint, double and the "any number" type.
  var isNumeric: Bool {
    switch self {
    case .int, .uint, .double, .number: true
    default: false
    }
  }
}

enum Suggestion {
  /// "did you mean 'x'?" for the closest candidate within a small edit distance.
  static func note(for name: String, among candidates: [String]) -> [String] {
    let limit = max(1, min(3, name.unicodeScalars.count / 3))
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let d = distance(name, candidate)
      if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    return best.map { ["did you mean '\($0.name)'?"] } ?? []
  }

  /// Edit distance counting insertions, deletions, substitutions and adjacent swaps.
  static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
    var previous2 = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[y.count]
  }
}
