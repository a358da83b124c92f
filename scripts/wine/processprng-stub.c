/* For the Wine test runs only, never shipped: Rust's standard library imports
 * ProcessPrng from bcryptprimitives.dll, which Wine 8.0 lacks. This stub
 * answers it with RtlGenRandom (advapi32's SystemFunction036). On Windows the
 * real DLL is used; a copy beside the exe would shadow it. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
