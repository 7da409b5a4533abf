// Placeholder: the simdjson shim lands with the log reader.
#ifndef CSIMDJSON_H
#define CSIMDJSON_H
#ifdef __cplusplus
extern "C" {
#endif
int CSimdJSON_available(void);
#ifdef __cplusplus
}
#endif
#endif
