// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The host and TCP port the daemon's HTTP server binds, from `server.listen`.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The host name or IP address, without brackets (`127.0.0.1`, `::1`, `0.0.0.0`).
    public var host: String
    /// The TCP port.
    public var port: Int

    /// Creates a listen address.
    ///
    /// - Parameters:
    ///   - host: The host name or IP address, without brackets.
    ///   - port: The TCP port.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// The default: loopback only, port 8080, so a fresh install is not reachable from the hall's network.
    public static let `default` = ListenAddress(host: "127.0.0.1", port: 8080)

    /// Parses `host:port`, with IPv6 hosts in brackets (`[::1]:8080`).
    ///
    /// Returns `nil` when the host is empty, an IPv6 host lacks brackets, or the port is not 0…65535.
    /// Port 0 (any free port) is accepted here for tests on the command line; the configuration file refuses it.
    ///
    /// - Parameter text: The address as written in the configuration file.
    public init?(parsing text: String) {
        let host: Substring
        let port: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            port = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            port = text[text.index(after: colon)...]
            guard !host.contains(":") else { return nil }
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "[" || $0 == "]" }),
            !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }),
            let number = Int(port), (0...65535).contains(number)
        else { return nil }
        self.init(host: String(host), port: number)
    }

    /// The `host:port` form, with an IPv6 host in brackets (`[::1]:8080`).
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
