#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// An open log file, or standard input for `-`, read with plain `read(2)` calls in large
/// blocks: Foundation's line-by-line APIs would cost more than parsing the JSON.
final class LogInput {
  let path: String
  private let descriptor: Int32
  private let closes: Bool

  /// Opens `path`; `-` is standard input.
  init(path: String) throws(LogReadError) {
    self.path = path
    if path == "-" {
      descriptor = 0
      closes = false
      return
    }
    let opened = open(path, O_RDONLY)
    guard opened >= 0 else { throw Self.error(path) }
    descriptor = opened
    closes = true
  }

  deinit {
    if closes { close(descriptor) }
  }

  /// The size in bytes of a regular file, else nil (standard input, pipes).
  var size: Int? {
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(info.st_size)
  }

  /// Reads up to `buffer.count` bytes; 0 at the end of the input.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(LogReadError) -> Int {
    guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
    while true {
      #if canImport(Darwin)
        let count = Darwin.read(descriptor, base, buffer.count)
      #elseif canImport(Glibc)
        let count = Glibc.read(descriptor, base, buffer.count)
      #else
        let count = Musl.read(descriptor, base, buffer.count)
      #endif
      if count >= 0 { return count }
      if errno != EINTR { throw Self.error(path) }
    }
  }

  /// Reads the rest of the input.
  func readAll() throws(LogReadError) -> [UInt8] {
    var bytes: [UInt8] = []
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
    defer { block.deallocate() }
    while true {
      let count = try read(into: block)
      if count == 0 { return bytes }
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: block[0..<count]))
    }
  }

  private static func error(_ path: String) -> LogReadError {
    let message = String(cString: strerror(errno))
    return .unreadable(path: path, reason: message.prefix(1).lowercased() + message.dropFirst())
  }
}
