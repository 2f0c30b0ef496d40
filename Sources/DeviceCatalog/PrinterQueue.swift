// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The CUPS queue `kioskd printer setup` creates for the receipt printer, as `lpadmin` arguments.
///
/// The queue is raw (`-m raw`): kioskd renders ESC/POS itself and sends it as `application/vnd.cups-raw`, so no
/// filter may touch the bytes. CUPS 2.4's `lpadmin` warns that raw queues are deprecated; they still work, and a
/// non-IPP USB printer has no driverless alternative short of a Printer Application.
///
/// The error policy is `retry-current-job`: when the backend fails (paper out, cover open, unplugged), CUPS's
/// default `stop-printer` would stop the queue until a technician runs `cupsenable`, `abort-job` would drop the
/// citizen's ticket, and `retry-job` would wait `JobRetryInterval` (300 s by default) with the citizen standing at
/// the kiosk. `retry-current-job` keeps the queue running and prints the ticket as soon as the printer is back.
public struct PrinterQueue: Hashable, Sendable {
    /// The queue name when none is given.
    public static let defaultName = "kioskd-receipt"
    /// The printer's error policy (see the type's documentation for why).
    public static let errorPolicy = "retry-current-job"

    /// The queue's name, e.g. `kioskd-receipt`.
    public var name: String
    /// The device URI, e.g. `kioskd:/dev/kioskd/printer-0416-5011?status=dle-eot` or `usb://…`.
    public var deviceURI: String
    /// The queue's description (`printer-info`), e.g. the model's vendor and name.
    public var info: String
    /// Whether the queue becomes the server's default destination.
    public var isDefault: Bool

    /// Creates a queue description.
    ///
    /// - Parameters:
    ///   - name: The queue's name.
    ///   - deviceURI: The device URI.
    ///   - info: The queue's description.
    ///   - isDefault: Whether the queue becomes the default destination.
    public init(name: String = PrinterQueue.defaultName, deviceURI: String, info: String, isDefault: Bool = false) {
        self.name = name
        self.deviceURI = deviceURI
        self.info = info
        self.isDefault = isDefault
    }

    /// Whether `name` is a queue name CUPS accepts: 1–127 printable ASCII characters without space, `/`, `\`,
    /// `#`, `?`, `'` or `"` (the characters `lpadmin` refuses).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 127
            && name.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7f }
            && !name.contains(where: { "/\\#?'\"".contains($0) })
    }

    /// The `lpadmin` calls that create the queue, each as its arguments: create, enable and accept (`-E` after
    /// `-p`; before it, `-E` would mean encryption), then optionally make it the default (`-d`).
    public var lpadminArguments: [[String]] {
        var calls = [
            [
                "-p", name, "-E", "-v", deviceURI, "-m", "raw", "-D", info,
                "-o", "printer-error-policy=\(PrinterQueue.errorPolicy)",
            ]
        ]
        if isDefault { calls.append(["-d", name]) }
        return calls
    }
}
