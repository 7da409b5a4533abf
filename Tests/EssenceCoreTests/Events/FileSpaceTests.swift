import Testing

@testable import EssenceCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Claiming space ahead of a file's writes must never change what the file holds, nor leave
/// space claimed past its end once released.
@Suite struct FileSpaceTests {
  /// What a file looked like after writes through a `FileSpace`.
  private struct Written {
    var bytes: [UInt8] = []
    /// Bytes allocated to the file just before `release`, and after it.
    var allocatedBeforeRelease = 0
    var allocated = 0
  }

  /// Writes `chunks` chunks of `chunk` bytes of 7 through a `FileSpace` into a file that
  /// held `held` bytes of 9, opened with `flags`; releases the space and reads the file back.
  private func write(chunks: Int, of chunk: Int, flags: Int32, held: Int = 0) -> Written {
    var template = Array("/tmp/essence-filespace-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    defer { unlink(path) }
    _ = [UInt8](repeating: 9, count: held).withUnsafeBytes { Glibc.write(made, $0.baseAddress, $0.count) }
    close(made)

    let descriptor = open(path, flags)
    var space = FileSpace(descriptor: descriptor)
    let bytes = [UInt8](repeating: 7, count: chunk)
    for _ in 0..<chunks {
      space.willWrite(chunk)
      _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }
    var result = Written()
    result.allocatedBeforeRelease = allocated(descriptor)
    space.release()
    result.allocated = allocated(descriptor)
    close(descriptor)

    let reader = open(path, O_RDONLY)
    defer { close(reader) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while case let n = buffer.withUnsafeMutableBytes({ Glibc.read(reader, $0.baseAddress, $0.count) }), n > 0 {
      result.bytes += buffer[0..<n]
    }
    return result
  }

  private func allocated(_ descriptor: Int32) -> Int {
    var status = stat()
    fstat(descriptor, &status)
    return Int(status.st_blocks) * 512
  }

  /// Past the first 4 MB, space is claimed ahead (where the file system can claim it), the
  /// file keeps exactly what was written, and the space claimed past its end is given back.
  @Test func aLargeFileKeepsItsBytesAndNoSpaceBeyond() {
    let file = write(chunks: 10, of: 1 << 20, flags: O_WRONLY | O_TRUNC)
    #expect(file.bytes == [UInt8](repeating: 7, count: 10 << 20))
    #expect(file.allocatedBeforeRelease >= 32 << 20, "this test needs a file system that claims space (ext4, XFS)")
    #expect(file.allocated < file.bytes.count + (1 << 20))
  }

  @Test func aSmallFileClaimsNothing() {
    let file = write(chunks: 3, of: 1000, flags: O_WRONLY | O_TRUNC)
    #expect(file.bytes == [UInt8](repeating: 7, count: 3000))
    #expect(file.allocatedBeforeRelease < 1 << 20)
  }

  /// A file opened for appending claims nothing, and what it held stays ahead of what was
  /// appended.
  @Test func anAppendedFileClaimsNothingAndKeepsWhatItHeld() {
    let file = write(chunks: 6, of: 1 << 20, flags: O_WRONLY | O_APPEND, held: 100)
    #expect(file.bytes == [UInt8](repeating: 9, count: 100) + [UInt8](repeating: 7, count: 6 << 20))
    #expect(file.allocatedBeforeRelease < (6 << 20) + (1 << 20))
  }

  /// Writing over a file from its start, without truncating it: what lies past the writes
  /// stays.
  @Test func aFileWrittenOverKeepsWhatLiesBeyond() {
    let file = write(chunks: 5, of: 1 << 20, flags: O_WRONLY, held: 8 << 20)
    #expect(file.bytes == [UInt8](repeating: 7, count: 5 << 20) + [UInt8](repeating: 9, count: 3 << 20))
  }

  /// A pipe is not a regular file: writing through it claims nothing and fails nothing.
  @Test func aPipeClaimsNothing() {
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    defer {
      close(ends[0])
      close(ends[1])
    }
    var space = FileSpace(descriptor: ends[1])
    space.willWrite(64 << 20)
    space.release()
    let bytes: [UInt8] = [1, 2, 3]
    #expect(bytes.withUnsafeBytes { Glibc.write(ends[1], $0.baseAddress, $0.count) } == 3)
  }
}
