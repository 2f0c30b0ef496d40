// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// The `[sync]` table: the central server the kiosk pushes its proxy cases, ratings and day statistics to, and
/// pulls the catalogue, bookings and case statuses from. Without the table the kiosk works alone.
///
/// - Configuration keys:
///   - `sync.server` (string, required): the central server's base URL, `https://…`; plain `http://` only to
///     a loopback address (a local server, or a TLS-terminating proxy on the kiosk).
///   - `sync.identity` (string, default `var/device-identity.json`): the device identity file `kioskd enroll`
///     writes (mode 0600); relative to the working directory.
///   - `sync.interval_seconds` (integer 5…3600, default 60): the wait between rounds when all is well; a new
///     case or a rating starts a round at once.
///   - `sync.request_timeout_seconds` (integer 5…300, default 30): connect and whole-request timeout.
public struct SyncSettings: Sendable, Hashable {
    /// The central server's base URL.
    public var server: URL
    /// The device identity file.
    public var identityPath: String
    /// Seconds between rounds when all is well.
    public var intervalSeconds: Int
    /// Seconds a request may take.
    public var requestTimeoutSeconds: Int

    /// The identity file used when `sync.identity` is not set.
    public static let defaultIdentityPath = "var/device-identity.json"

    /// Creates settings.
    /// - Parameters:
    ///   - server: The central server's base URL.
    ///   - identityPath: The device identity file.
    ///   - intervalSeconds: Seconds between rounds when all is well.
    ///   - requestTimeoutSeconds: Seconds a request may take.
    public init(
        server: URL, identityPath: String = SyncSettings.defaultIdentityPath, intervalSeconds: Int = 60,
        requestTimeoutSeconds: Int = 30
    ) {
        self.server = server
        self.identityPath = identityPath
        self.intervalSeconds = intervalSeconds
        self.requestTimeoutSeconds = requestTimeoutSeconds
    }

    /// Why a URL cannot be the central server, or `nil` when it can: `https` with a host, or `http` to a
    /// loopback address only, since ID data must never cross a network in clear.
    /// - Parameter url: The URL.
    public static func problem(with url: URL) -> String? {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            return "expected a URL such as \"https://central.example.cn\""
        }
        switch scheme {
        case "https": return nil
        case "http":
            let loopback = host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
            return loopback ? nil : "plain http is only allowed to a loopback address; use https"
        default: return "expected an https URL, found the scheme \(scheme)"
        }
    }
}

extension KioskConfiguration {
    /// Reads the `[sync]` table; `nil` when it is absent.
    static func readSync(_ sync: TableReader?) throws(ConfigurationError) -> SyncSettings? {
        guard let sync else { return nil }
        try sync.rejectUnknownKeys(allowed: ["server", "identity", "interval_seconds", "request_timeout_seconds"])
        let text = try sync.requiredString("server")
        guard let server = URL(string: text) else {
            throw sync.error(.invalidValue, "server", "expected a URL such as \"https://central.example.cn\", found \(TableReader.quoted(text))")
        }
        if let problem = SyncSettings.problem(with: server) {
            throw sync.error(.invalidValue, "server", "\(problem), found \(TableReader.quoted(text))")
        }
        var settings = SyncSettings(server: server)
        if let identity = try sync.string("identity") {
            guard !identity.isEmpty else { throw sync.error(.invalidValue, "identity", "expected a file path, found \"\"") }
            settings.identityPath = identity
        }
        settings.intervalSeconds = try sync.integer("interval_seconds", in: 5...3600) ?? settings.intervalSeconds
        settings.requestTimeoutSeconds = try sync.integer("request_timeout_seconds", in: 5...300) ?? settings.requestTimeoutSeconds
        return settings
    }
}
