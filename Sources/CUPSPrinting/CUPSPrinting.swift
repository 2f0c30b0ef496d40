// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

// The CUPSPrinting target is being built (issue 5); its types land here.
