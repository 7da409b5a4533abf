#include "CMallocTuning.h"

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

int essence_map_large_blocks_above(int bytes) {
#ifdef M_MMAP_THRESHOLD
  return mallopt(M_MMAP_THRESHOLD, bytes);
#else
  (void)bytes;
  return 1;
#endif
}
