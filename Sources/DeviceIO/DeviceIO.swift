// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

// The DeviceIO target takes over the descriptor links and pseudo-terminals from Reader (issue 5).
