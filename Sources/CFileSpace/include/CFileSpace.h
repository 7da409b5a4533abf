// Disk space claimed ahead of writes: `fallocate`, which Swift's Glibc module does not import.
#ifndef CFILESPACE_H
#define CFILESPACE_H
#include <stdint.h>

/// Allocates the blocks of `length` bytes of the file open at `descriptor` from `offset` on,
/// without changing its size (`FALLOC_FL_KEEP_SIZE`); 0 on success, else -1 with `errno` set
/// (`EOPNOTSUPP` where the file system cannot, or where this is not Linux).
int CFileSpace_reserve(int descriptor, int64_t offset, int64_t length);

#endif
