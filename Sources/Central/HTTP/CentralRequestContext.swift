// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Hummingbird

/// The request context of the sync API: bodies up to ``maximumBodySize`` as sent (before decompression).
public struct CentralRequestContext: RequestContext {
    /// The largest body accepted, compressed or not, and the largest a gzip body may expand to.
    public static let maximumBodySize = 8 * 1024 * 1024

    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage

    /// Creates a context for a request.
    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// ``maximumBodySize``.
    public var maxUploadSize: Int { Self.maximumBodySize }
}
