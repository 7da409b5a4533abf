/// Compiling CEL's macros, which the parser expands into comprehensions (cel-spec langdef):
/// a fold over a list's elements or a map's keys with an accumulator.
extension Compiler {
  mutating func compileComprehension(_ expr: Expr, _ c: Expr.Comprehension) -> Compiled {
    let range = compile(c.iterRange).eval
    let initial = compile(c.accuInit).eval
    let accuSlot = newSlot()
    push(c.accuVar, accuSlot, accumulator: true)
    let iterSlot = newSlot()
    push(c.iterVar, iterSlot)
    let condition = compile(c.loopCondition).eval
    let step = compile(c.loopStep).eval
    pop()
    let result = compile(c.result).eval
    pop()
    let macro = c.macro
    let id = expr.id
    return node(expr) { frame in
      let elements: [Value]
      switch range(&frame) {
      case .list(let items): elements = items
      case .map(let map): elements = map.keys
      case .record(let record): elements = record.fields.map { .string($0.name) }
      case .error(let e): return .error(e)
      case let other:
        return Value.located(Value.noOverload(macro, other), id)
      }
      frame.locals[accuSlot] = initial(&frame)
      for element in elements {
        frame.locals[iterSlot] = element
        guard case .bool(true) = condition(&frame) else { break }
        frame.locals[accuSlot] = step(&frame)
      }
      frame.locals[iterSlot] = .null
      let value = result(&frame)
      frame.locals[accuSlot] = .null
      return value
    }
  }
}
