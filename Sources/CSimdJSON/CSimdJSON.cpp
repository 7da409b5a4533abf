#include "CSimdJSON.h"
extern "C" int CSimdJSON_available(void) { return 1; }
