extension StandardsDecoder {
  /// A signal; `by` defaults to `anyone`.
  mutating func signal(_ node: YAMLNode) -> Signal? {
    let when = optionalCondition(node["when"])
    let examples = list(node["examples"]) { $0.example($1) }
    let response = node["response"]
    let by = response?["by"].map { $0.string.flatMap(Signal.Responder.init(rawValue:)) } ?? .anyone
    guard let id = node["id"]?.string, let title = node["title"]?.string, let on = Self.strings(node["on"]),
      Self.compiled(when), let responseOn = Self.strings(response?["on"]),
      let within = response?["within"]?.string.flatMap(GoDuration.nanoseconds), let by,
      let rationale = node["rationale"]?.string, let severity = Self.severity(node["severity"]), let examples
    else { return nil }
    return Signal(
      id: id, title: title, on: on, when: when ?? nil, responseOn: responseOn,
      responseSame: Self.strings(response?["same"]) ?? [], responseWithinNanos: within, responseBy: by,
      rationale: rationale, severity: severity, examples: examples, location: node.start)
  }

  /// A pattern; `per` defaults to `[employee]`.
  mutating func pattern(_ node: YAMLNode) -> Pattern? {
    let when = optionalCondition(node["when"])
    let examples = list(node["examples"]) { $0.example($1) }
    guard let id = node["id"]?.string, let title = node["title"]?.string, let on = Self.strings(node["on"]),
      Self.compiled(when), case .int(let threshold)? = node["threshold"]?.scalar?.value, threshold >= 1,
      let within = node["within"]?.string.flatMap(GoDuration.nanoseconds),
      let rationale = node["rationale"]?.string, let severity = Self.severity(node["severity"]), let examples
    else { return nil }
    return Pattern(
      id: id, title: title, on: on, when: when ?? nil, threshold: Int(threshold), withinNanos: within,
      per: Self.strings(node["per"]) ?? ["employee"], rationale: rationale, severity: severity, examples: examples,
      location: node.start)
  }
}
