// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The `[cases]` table: proxy cases (代办件) captured by village agents.
///
/// - Configuration keys:
///   - `cases.retention_days` (integer 1…3650, default 30): days after the central server acknowledged a case
///     before its sealed personal data (applicant, phone, the outbox copy) is erased on the kiosk; masked
///     forms and receipt numbers stay.
///   - `cases.agent_idle_minutes` (integer 1…240, default 5): an agent's session ends after this long without
///     a request.
///   - `cases.device_id` (string `[A-Za-z0-9-]{1,32}`, default `unenrolled`): the device id printed in receipt
///     numbers (`R-<device_id>-000123`) while the kiosk is not enrolled; once `kioskd enroll` wrote the
///     `[sync] identity`, the enrolled device id is used.
public struct CaseSettings: Sendable, Hashable {
    /// Days an acknowledged case keeps its sealed personal data.
    public var retentionDays: Int
    /// Minutes of inactivity that end an agent's session.
    public var agentIdleMinutes: Int
    /// The device id in receipt numbers.
    public var deviceID: String

    /// The device id before enrolment.
    public static let unenrolledDeviceID = "unenrolled"

    /// Creates settings; the defaults are those of a missing `[cases]` table.
    /// - Parameters:
    ///   - retentionDays: Days an acknowledged case keeps its sealed personal data.
    ///   - agentIdleMinutes: Minutes of inactivity that end an agent's session.
    ///   - deviceID: The device id in receipt numbers.
    public init(retentionDays: Int = 30, agentIdleMinutes: Int = 5, deviceID: String = CaseSettings.unenrolledDeviceID) {
        self.retentionDays = retentionDays
        self.agentIdleMinutes = agentIdleMinutes
        self.deviceID = deviceID
    }
}

extension KioskConfiguration {
    /// Reads the `[cases]` table.
    static func readCases(_ cases: TableReader?) throws(ConfigurationError) -> CaseSettings {
        guard let cases else { return CaseSettings() }
        try cases.rejectUnknownKeys(allowed: ["retention_days", "agent_idle_minutes", "device_id"])
        var settings = CaseSettings()
        settings.retentionDays = try cases.integer("retention_days", in: 1...3650) ?? settings.retentionDays
        settings.agentIdleMinutes = try cases.integer("agent_idle_minutes", in: 1...240) ?? settings.agentIdleMinutes
        if let deviceID = try cases.string("device_id") {
            guard (1...32).contains(deviceID.count), deviceID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else {
                throw cases.error(
                    .invalidValue, "device_id",
                    "expected 1–32 letters, digits or '-', e.g. \"K0007\", found \(TableReader.quoted(deviceID))")
            }
            settings.deviceID = deviceID
        }
        return settings
    }
}
