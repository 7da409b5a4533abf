// Measures reading shift logs alone (the volume path): events/s for the whole read.
//
//   swift build -c release --product log-read-bench
//   /usr/bin/time -v .build/release/log-read-bench [--threads N] /tmp/shift-1m.jsonl
//
// The layout is bench/standards/bench.yaml's `fields:` (after the required fields), written
// out by hand so the measurement needs nothing but the reader.
import CEL
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
if paths.first == "--threads", paths.count > 1, let threads = Int(paths[1]) {
  reader.threads = threads
  paths.removeFirst(2)
}
guard !paths.isEmpty else {
  FileHandle.standardError.write(Data("usage: log-read-bench [--threads N] LOG...\n".utf8))
  exit(64)
}
let start = Date()
do {
  let log = try reader.read(paths: paths)
  let seconds = Date().timeIntervalSince(start)
  print("read \(log.read), events \(log.events.count), rejected \(log.rejected.count)")
  print(String(format: "%.3f s, %.0f events/s", seconds, Double(log.read) / seconds))
  // Exit with the log alive, as a command line tool would: freeing a million records is
  // work no user waits for.
  withExtendedLifetime(log) { exit(0) }
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(3)
}
