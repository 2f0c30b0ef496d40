// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0
//
// libFuzzer's driver, declared for Swift. SwiftPM links every executable with `main` renamed to
// `<module>_main` (so tests can import executables), which hides libFuzzer's own `main`; each fuzz
// target therefore has its own `@main` that hands the command line to this driver.
#ifndef KIOSKD_FUZZER_DRIVER_H
#define KIOSKD_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with its usual command line (corpus folders, -max_total_time=…) over `callback`.
/// Defined in libclang_rt.fuzzer, linked by `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *_Nonnull argc, char *_Nullable *_Nonnull *_Nonnull argv,
                        int (*_Nonnull callback)(const uint8_t *_Nullable data, size_t size));

#endif
