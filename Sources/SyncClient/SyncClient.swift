// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

// The SyncClient target is being built (issue 6); its types land here.
