// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Replaced by the reader types; keeps the target buildable meanwhile.
enum ReaderPlaceholder {}
