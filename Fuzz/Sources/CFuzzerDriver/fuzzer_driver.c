// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0
//
// Nothing to compile: a C target needs a source file; the driver itself lives in libclang_rt.fuzzer.
#include "fuzzer_driver.h"
