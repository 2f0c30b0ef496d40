// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Replaced by the catalog types; keeps the target buildable meanwhile.
enum DeviceCatalogPlaceholder {}
