// Measures reading shift logs alone (the volume path): events/s and MB/s for the whole read.
//
//   swift build -c release --product log-read-bench
//   /usr/bin/time -v .build/release/log-read-bench [--threads N] /tmp/shift-1m.jsonl
//   .build/release/log-read-bench --floor /tmp/shift-1m.jsonl
//
// `--floor` times simdjson alone parsing the same file, keeping nothing: line by line with the
// DOM parser (as the reader does), then with `parse_many`; no reader can go below these.
//
// The layout is bench/standards/bench.yaml's `fields:` (after the required fields), written
// out by hand so the measurement needs nothing but the reader.
import CEL
import CSimdJSON
import EssenceCore
import Foundation

let declared: [(String, FieldDeclaration.Kind)] = [
  ("team", .string), ("break_kind", .string), ("break_minutes", .number), ("reason", .string),
  ("customer_ref", .string), ("note", .string), ("call_id", .string), ("rings", .number),
  ("queue", .string), ("greeting", .string), ("handle_seconds", .number), ("sentiment", .string),
  ("outcome", .string), ("ticket_id", .string), ("category", .string), ("handle_minutes", .number),
  ("customer_confirmed", .bool), ("resolution", .string), ("attempt_note", .string), ("kind", .string),
]

let layout = RecordLayout(
  fields: [("id", .string), ("time", .timestamp), ("type", .string), ("employee", .string)]
    + declared.map { ($0.0, StandardsLoader.celType($0.1)) })
let kinds = Dictionary(declared, uniquingKeysWith: { a, _ in a })

var paths = Array(CommandLine.arguments.dropFirst())
var reader = LogReader(layout: layout, fieldKinds: kinds)
var floor = false
while let option = paths.first, option.hasPrefix("--") {
  if option == "--floor" {
    floor = true
    paths.removeFirst()
  } else if option == "--threads", paths.count > 1, let threads = Int(paths[1]) {
    reader.threads = threads
    paths.removeFirst(2)
  } else {
    break
  }
}
guard !paths.isEmpty, !paths.contains(where: { $0.hasPrefix("--") }) else {
  FileHandle.standardError.write(Data("usage: log-read-bench [--threads N] [--floor] LOG...\n".utf8))
  exit(64)
}
let megabytes = paths.reduce(0.0) { total, path in
  let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
  return total + Double(size ?? 0) / 1e6
}

/// Times simdjson parsing every log in `mode`; prints the documents, seconds and MB/s.
@MainActor func measureFloor(_ mode: CSimdJSONFloorMode, named name: String) {
  let start = Date()
  var documents: Int64 = 0
  var invalid = 0
  for path in paths {
    var bad = 0
    let parsed = CSimdJSON_parseFileOnly(path, mode, &bad)
    guard parsed >= 0 else {
      FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
      exit(3)
    }
    documents += parsed
    invalid += bad
  }
  let seconds = Date().timeIntervalSince(start)
  print("simdjson \(name): documents \(documents), invalid \(invalid)")
  print(String(format: "%.4f s, %.0f MB/s", seconds, megabytes / seconds))
}

if floor {
  measureFloor(CSimdJSONFloorModeLines, named: "line by line")
  measureFloor(CSimdJSONFloorModeStream, named: "parse_many")
  exit(0)
}
let start = Date()
do {
  let log = try reader.read(paths: paths)
  let seconds = Date().timeIntervalSince(start)
  print("read \(log.read), events \(log.events.count), rejected \(log.rejected.count)")
  print(String(format: "%.3f s, %.0f events/s, %.0f MB/s", seconds, Double(log.read) / seconds, megabytes / seconds))
  // Exit with the log alive, as a command line tool would: freeing a million records is
  // work no user waits for.
  withExtendedLifetime(log) { exit(0) }
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(3)
}
