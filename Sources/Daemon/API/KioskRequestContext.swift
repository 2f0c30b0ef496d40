// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
public import Hummingbird

/// The request context of the daemon's API: JSON in snake_case with ISO 8601 dates, small bodies.
public struct KioskRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage

    /// Creates a context for a request.
    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Request bodies are small JSON objects.
    public var maxUploadSize: Int { 64 * 1024 }

    /// Decodes snake_case JSON.
    public var requestDecoder: JSONDecoder { JSONCoding.decoder }

    /// Encodes snake_case JSON with ISO 8601 dates.
    public var responseEncoder: JSONEncoder { JSONCoding.encoder }
}

/// The API's JSON conventions, shared by the server and its event stream.
enum JSONCoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
