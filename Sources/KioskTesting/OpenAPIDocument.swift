// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// An OpenAPI 3.0 or 3.1 document, used to check that the daemon's responses match its published spec.
///
/// ```swift
/// let spec = try OpenAPIDocument(contentsOf: specURL)
/// try spec.validate(method: "GET", path: "/api/v1/tickets/A012", status: 200, body: responseBody)
/// ```
///
/// Response bodies are checked against the `application/json` (or `+json`) schema of the matching response, with
/// `type` (3.1 type arrays and 3.0 `nullable`), `properties`, `required`, `additionalProperties`, `items`, `enum`,
/// `const`, local `$ref`, `allOf`/`anyOf`/`oneOf`/`not`, `minimum`/`maximum` (and the exclusive forms),
/// `minLength`/`maxLength`, `pattern`, `minItems`/`maxItems` and `format` (`date-time`, `date`, `uuid`).
public struct OpenAPIDocument: Sendable {
    /// The whole document as JSON.
    public let root: JSONValue

    /// Loads a document from a YAML or JSON file.
    /// - Parameter url: The file.
    /// - Throws: The file system's error, or ``KioskTestingError/Code/invalidDocument``.
    public init(contentsOf url: URL) throws {
        try self.init(yaml: String(contentsOf: url, encoding: .utf8))
    }

    /// Parses a document from YAML (or JSON) text.
    /// - Parameter yaml: The document.
    /// - Throws: ``KioskTestingError/Code/invalidDocument`` if it is not YAML or has no `paths`.
    public init(yaml: String) throws {
        do {
            root = try JSONValue(yaml: yaml)
        } catch let error as KioskTestingError {
            throw error
        } catch {
            throw KioskTestingError(.invalidDocument, "not YAML: \(error)")
        }
        guard root["paths"]?.objectValue != nil else {
            throw KioskTestingError(.invalidDocument, "the document has no `paths` object")
        }
    }

    /// Checks one response against the document.
    /// - Parameters:
    ///   - method: The HTTP method, in any case.
    ///   - path: The concrete request path, such as `/api/v1/tickets/A012`; a query string is ignored.
    ///   - status: The response status.
    ///   - body: The response body; `nil` or empty for none.
    /// - Throws: ``KioskTestingError`` with ``KioskTestingError/Code/operationNotFound``,
    ///   ``KioskTestingError/Code/statusNotDocumented``, ``KioskTestingError/Code/invalidDocument`` (a `$ref` that
    ///   does not resolve) or ``KioskTestingError/Code/responseMismatch``, whose message has one line per violation,
    ///   each starting with its JSON path.
    public func validate(method: String, path: String, status: Int, body: Data?) throws {
        let operation = try operation(method: method, path: path)
        let name = "\(method.uppercased()) \(path)"
        guard let responses = try operation["responses"].map(resolved)?.objectValue,
            let documented = responses[String(status)] ?? responses["\(status / 100)XX"] ?? responses["default"]
        else {
            throw KioskTestingError(.statusNotDocumented, "\(name): status \(status) is not documented")
        }
        let response = try resolved(documented)
        let body = body ?? Data()

        if status == 204 || status == 304 || (100..<200).contains(status) {
            guard body.isEmpty else {
                throw KioskTestingError(
                    .responseMismatch, "$: a \(status) response must have an empty body, got \(body.count) bytes")
            }
            return
        }
        let content = response["content"]?.objectValue ?? [:]
        guard !content.isEmpty else {
            guard body.isEmpty else {
                throw KioskTestingError(
                    .responseMismatch, "$: \(name) \(status) documents no body, got \(body.count) bytes")
            }
            return
        }
        guard let media = content.first(where: { Self.isJSON($0.key) })?.value else {
            return  // Not JSON (an HTML page, an event stream): nothing to check the body against.
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body)
        } catch {
            throw KioskTestingError(
                .responseMismatch, "$: \(name) \(status): the body is not JSON (\(body.count) bytes)")
        }
        guard let schema = media["schema"] else { return }
        var validator = SchemaValidator(document: self)
        try validator.check(value, against: schema, at: "$")
        if !validator.violations.isEmpty {
            throw KioskTestingError(.responseMismatch, validator.violations.joined(separator: "\n"))
        }
    }

    /// Follows `$ref` chains to a local target (`#/components/...`).
    /// - Throws: ``KioskTestingError/Code/invalidDocument`` if a reference is not local or does not resolve.
    func resolved(_ value: JSONValue) throws -> JSONValue {
        var value = value
        var seen: Set<String> = []
        while let reference = value["$ref"]?.stringValue {
            guard seen.insert(reference).inserted else {
                throw KioskTestingError(.invalidDocument, "$ref cycle through \(reference)")
            }
            value = try target(of: reference)
        }
        return value
    }

    /// The value a local JSON-pointer reference names.
    func target(of reference: String) throws -> JSONValue {
        guard reference.hasPrefix("#") else {
            throw KioskTestingError(.invalidDocument, "only local $refs are supported, not \(reference)")
        }
        var value = root
        for token in reference.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = value[key] ?? Int(key).flatMap({ value[$0] }) else {
                throw KioskTestingError(.invalidDocument, "$ref \(reference) does not resolve")
            }
            value = next
        }
        return value
    }

    private func operation(method: String, path: String) throws -> JSONValue {
        let paths = root["paths"]?.objectValue ?? [:]
        let requested = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        for prefix in serverPrefixes() {
            guard requested.hasPrefix(prefix) else { continue }
            let segments = Self.segments(String(requested.dropFirst(prefix.count)))
            // Prefer the template with the most literal segments: `/tickets/next` before `/tickets/{number}`.
            let matches = paths.compactMap { template, item -> (Int, JSONValue)? in
                let pattern = Self.segments(template)
                guard pattern.count == segments.count else { return nil }
                var literals = 0
                for (expected, actual) in zip(pattern, segments) {
                    if expected.hasPrefix("{") && expected.hasSuffix("}") {
                        guard !actual.isEmpty else { return nil }
                    } else if expected == actual {
                        literals += 1
                    } else {
                        return nil
                    }
                }
                return (literals, item)
            }
            guard let item = try matches.max(by: { $0.0 < $1.0 }).map({ try resolved($0.1) }) else { continue }
            guard let operation = item[method.lowercased()] else {
                throw KioskTestingError(.operationNotFound, "\(path) has no \(method.uppercased()) operation")
            }
            return operation
        }
        throw KioskTestingError(.operationNotFound, "no path in the document matches \(method.uppercased()) \(path)")
    }

    /// `""` plus the path part of each `servers` URL (`/api/v1` for `https://kiosk.example/api/v1`).
    private func serverPrefixes() -> [String] {
        let servers = root["servers"]?.arrayValue ?? []
        let prefixes = servers.compactMap { server -> String? in
            guard let url = server["url"]?.stringValue else { return nil }
            let path = url.hasPrefix("/") ? url : (URL(string: url)?.path ?? "")
            let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
            return trimmed.isEmpty ? nil : trimmed
        }
        return [""] + prefixes
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { $0 }
    }

    private static func isJSON(_ mediaType: String) -> Bool {
        let base = mediaType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return base == "application/json" || base.hasSuffix("+json")
    }
}
