#ifndef ESSENCE_CMALLOCTUNING_H
#define ESSENCE_CMALLOCTUNING_H

/// Sets how the C library's allocator serves large blocks for the whole process: from their
/// own mappings, given back on free, above `bytes` (glibc's `M_MMAP_THRESHOLD`; it otherwise
/// raises the threshold to the largest block freed so far, and every block below it then
/// comes from heaps that keep what is freed). No effect where the C library has no such
/// setting. Returns 0 when the setting was refused.
int essence_map_large_blocks_above(int bytes);

#endif
