import CEL
import EssenceCore

/// A layout like a standards set's: the required fields and a few declared ones.
let testLayout = RecordLayout(fields: [
  ("id", .string), ("time", .timestamp), ("type", .string), ("employee", .string),
  ("rings", .number), ("reason", .string), ("confirmed", .bool),
])

/// Reads JSON Lines text as the log `path`.
func readJSONLines(_ text: String, path: String = "shift.jsonl") throws -> EventLog {
  try LogReader(layout: testLayout).read(bytes: Array(text.utf8), path: path, format: .jsonLines)
}

/// A line of a valid event, with `extra` members appended (`"k":v,...`).
func eventLine(_ extra: String = "", time: String = "2026-11-21T09:00:00Z") -> String {
  let tail = extra.isEmpty ? "" : "," + extra
  return #"{"time":"\#(time)","type":"call_answered","employee":"ana"\#(tail)}"#
}

/// Where the shared bench data lives (tests read it at run time, never copy it).
let sharedDirectory = "/work/shared"

extension Value {
  /// A short rendering for test expectations.
  var testDescription: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return "bool(\(b))"
    case .int(let i): return "int(\(i))"
    case .uint(let u): return "uint(\(u))"
    case .double(let d): return "double(\(d))"
    case .string(let s): return "string(\(s))"
    case .bytes(let b): return "bytes(\(b.count))"
    case .list(let l): return "[" + l.map(\.testDescription).joined(separator: ",") + "]"
    case .map(let m):
      return "{" + m.entries.map { "\($0.key.testDescription):\($0.value.testDescription)" }
        .joined(separator: ",") + "}"
    case .timestamp(let t): return "timestamp(\(t.seconds),\(t.nanos))"
    case .duration(let d): return "duration(\(d.seconds),\(d.nanos))"
    case .type: return "type"
    case .record: return "record"
    case .error(let e): return "error(\(e.message))"
    }
  }
}
