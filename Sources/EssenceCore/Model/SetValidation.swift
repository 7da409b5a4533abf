/// Checks across the files of a set: rule ids are unique in the whole set, and each team has
/// one file (SPEC §1).
enum SetValidation {
  /// Reports every rule id defined twice, with a note at its first definition; deviation and
  /// purpose-check ids must be unique within their standard.
  static func check(_ roots: [YAMLNode], into engine: inout DiagnosticEngine) {
    var first: [String: SourceLocation] = [:]
    var teams: [String: SourceLocation] = [:]
    for root in roots {
      if let team = root["team"], let name = team.string {
        if let earlier = teams[name] {
          engine.emit(.duplicateTeam(name), at: team.start, notes: [.init("first defined here", at: earlier)])
        } else {
          teams[name] = team.start
        }
      }
      for key in ["standards", "signals", "patterns"] {
        for rule in root[key]?.sequence ?? [] {
          guard let idNode = rule["id"], let id = idNode.string else { continue }
          report(id, at: idNode.start, what: "rule", in: &first, into: &engine)
          for part in ["deviations", "purpose_checks"] {
            var local: [String: SourceLocation] = [:]
            for item in rule[part]?.sequence ?? [] {
              guard let node = item["id"], let partID = node.string else { continue }
              report(
                partID, at: node.start, what: part == "deviations" ? "deviation" : "purpose check", in: &local,
                into: &engine)
            }
          }
        }
      }
    }
  }

  private static func report(
    _ id: String, at location: SourceLocation, what: String, in seen: inout [String: SourceLocation],
    into engine: inout DiagnosticEngine
  ) {
    if let earlier = seen[id] {
      engine.emit(.duplicateID(id, what: what), at: location, notes: [.init("first defined here", at: earlier)])
    } else {
      seen[id] = location
    }
  }
}
