/// One row per employee on a shared time axis, each finding a marker in its verdict's colour:
/// a diamond where a deviation applied, a triangle for a signal, a square for a pattern, a
/// dot for the letter alone. Each marker links to its finding's explanation; its `<title>`
/// is the tooltip. Pure SVG, no script.
struct HTMLTimeline {
  /// A finding placed on the axis; `anchor` is the id of its `<details>`.
  struct Mark {
    var finding: Finding
    var anchor: String
    var time: LoggedTime
  }

  private let width = 1000.0
  private let labelWidth = 120.0
  private let rowHeight = 40.0
  private let top = 28.0
  private let marks: [Mark]

  /// Marks whose time can be read; the rest cannot be placed and are left out.
  init(findings: [(finding: Finding, anchor: String)]) {
    marks = findings.compactMap { entry in
      LoggedTime(entry.finding.time).map { Mark(finding: entry.finding, anchor: entry.anchor, time: $0) }
    }
  }

  /// The SVG, or nil when nothing can be placed.
  func svg() -> String? {
    guard let first = marks.map(\.time.instant).min(), let last = marks.map(\.time.instant).max() else { return nil }
    let employees = Array(Set(marks.map(\.finding.employee))).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let offset = marks[0].time.offset
    let step = Self.tickStep(span: last - first)
    let start = Self.floor(first + offset, step) - offset
    let end = Self.ceil(last + offset, step) - offset
    let span = Double(max(end - start, 1))
    let plot = width - labelWidth - 32
    func x(_ instant: Int64) -> Double { labelWidth + plot * Double(instant - start) / span }
    let height = top + rowHeight * Double(employees.count) + 8

    var out = "<svg class=\"timeline\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
    out += "aria-label=\"findings per employee over the shift\" xmlns=\"http://www.w3.org/2000/svg\">"
    var tick = start
    while tick <= end {
      let tx = Self.fmt(x(tick))
      out +=
        "<line class=\"tick\" x1=\"\(tx)\" x2=\"\(tx)\" y1=\"\(Self.fmt(top - 6))\" y2=\"\(Self.fmt(height - 8))\"/>"
      out +=
        "<text class=\"hour\" x=\"\(tx)\" y=\"16\" text-anchor=\"middle\">\(Self.clock(tick + offset, step: step))</text>"
      tick += step
    }
    for (row, employee) in employees.enumerated() {
      let y = top + rowHeight * Double(row)
      if row % 2 == 0 {
        out +=
          "<rect class=\"band\" x=\"0\" y=\"\(Self.fmt(y))\" width=\"\(Int(width))\" height=\"\(Int(rowHeight))\"/>"
      }
      out += "<text class=\"who\" x=\"8\" y=\"\(Self.fmt(y + rowHeight / 2 + 5))\">\(HTML.escape(employee))</text>"
      var lanes: [Double] = [-.infinity, -.infinity, -.infinity]
      for mark in marks where mark.finding.employee == employee {
        let mx = x(mark.time.instant)
        // The first lane with room; when all are crowded, the one whose last mark is farthest back.
        let lane =
          lanes.firstIndex { $0 < mx - 13 } ?? lanes.indices.min { lanes[$0] < lanes[$1] } ?? 0
        lanes[lane] = mx
        let my = y + rowHeight / 2 + [0, -11, 11][lane]
        out += "<a href=\"#\(mark.anchor)\"><title>\(HTML.escape(Self.tooltip(mark.finding)))</title>"
        out += Self.shape(mark.finding, x: mx, y: my) + "</a>"
      }
    }
    return out + "</svg>"
  }

  private static func tooltip(_ f: Finding) -> String {
    "\(f.time) \(f.employee): \(f.rule) \(f.verdict.rawValue)" + (f.deviation.map { " (\($0))" } ?? "")
  }

  private static func shape(_ f: Finding, x: Double, y: Double) -> String {
    let fill = "fill=\"\(VerdictPalette.color(f.verdict))\" class=\"mark\""
    let (cx, cy) = (fmt(x), fmt(y))
    if f.deviation != nil {
      return "<path d=\"M\(cx) \(fmt(y - 8))L\(fmt(x + 8)) \(cy)L\(cx) \(fmt(y + 8))L\(fmt(x - 8)) \(cy)Z\" \(fill)/>"
    }
    switch f.kind {
    case .signal:
      return "<path d=\"M\(cx) \(fmt(y - 8))L\(fmt(x + 8)) \(fmt(y + 6))L\(fmt(x - 8)) \(fmt(y + 6))Z\" \(fill)/>"
    case .pattern:
      return "<rect x=\"\(fmt(x - 6))\" y=\"\(fmt(y - 6))\" width=\"12\" height=\"12\" \(fill)/>"
    case .standard:
      return "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"6\" \(fill)/>"
    }
  }

  /// The smallest of 1, 2, 3, 6, 12 or 24 hours (or whole days) that gives at most 12 ticks.
  static func tickStep(span: Int64) -> Int64 {
    for hours: Int64 in [1, 2, 3, 6, 12, 24] where span / (hours * 3600) <= 12 { return hours * 3600 }
    let days = span / (12 * 86_400) + 1
    return days * 86_400
  }

  static func floor(_ t: Int64, _ step: Int64) -> Int64 { t - ((t % step) + step) % step }
  static func ceil(_ t: Int64, _ step: Int64) -> Int64 { floor(t + step - 1, step) }

  /// `07:00`; at midnight, or when ticks are a day or more apart, the day (`11-21`).
  static func clock(_ local: Int64, step: Int64) -> String {
    let secondOfDay = ((local % 86_400) + 86_400) % 86_400
    if step >= 86_400 || secondOfDay == 0 { return LoggedTime.monthDay(local: local) }
    let h = secondOfDay / 3600
    let m = secondOfDay / 60 % 60
    return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
  }

  static func fmt(_ d: Double) -> String {
    let r = (d * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
  }
}
