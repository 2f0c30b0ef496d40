// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Checks a JSON value against an OpenAPI schema object and collects every violation with its JSON path.
struct SchemaValidator {
    /// The most violations collected before giving up: one bad item in a long list should not flood the log.
    static let limit = 50

    let document: OpenAPIDocument
    /// `$.path: what is wrong`, in document order.
    private(set) var violations: [String] = []
    private var depth = 0

    init(document: OpenAPIDocument) {
        self.document = document
    }

    /// Checks `value` against `schema`, appending violations.
    /// - Throws: ``KioskTestingError/Code/invalidDocument`` for an unresolvable `$ref` or runaway recursion.
    mutating func check(_ value: JSONValue, against schema: JSONValue, at path: String) throws {
        guard violations.count < Self.limit else { return }
        depth += 1
        defer { depth -= 1 }
        guard depth < 200 else { throw KioskTestingError(.invalidDocument, "\(path): schema recursion is too deep") }

        if case .bool(let allowed) = schema {  // 3.1 boolean schemas.
            if !allowed { report(path, "no value is allowed here") }
            return
        }
        if let reference = schema["$ref"]?.stringValue {
            try check(value, against: document.target(of: reference), at: path)
            guard case .object(var siblings) = schema else { return }
            siblings["$ref"] = nil  // 3.1 allows keywords next to $ref; 3.0 ignores them, and they are rare.
            if siblings.keys.contains(where: Self.keywords.contains) {
                try check(value, against: .object(siblings), at: path)
            }
            return
        }

        let types = schema["type"].map { $0.arrayValue?.compactMap(\.stringValue) ?? [$0.stringValue ?? ""] }
        if value == .null && (schema["nullable"] == .bool(true) || types?.contains("null") == true) { return }
        if let types, !types.contains(where: { Self.value(value, hasType: $0) }) {
            let expected = types.count == 1 ? types[0] : "one of " + types.joined(separator: ", ")
            report(path, "expected \(expected), got \(value.typeName) \(Self.preview(value))")
            return
        }

        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            report(path, "\(value.jsonText) not in enum \(JSONValue.array(allowed).jsonText)")
        }
        if let constant = schema["const"], constant != value {
            report(path, "\(Self.preview(value)) is not the constant \(constant.jsonText)")
        }
        checkBounds(value, schema, path)
        try checkComposition(value, schema, path)

        switch value {
        case .object(let members): try checkObject(members, schema, path)
        case .array(let elements):
            if let minimum = schema["minItems"]?.intValue, elements.count < minimum {
                report(path, "\(elements.count) items, fewer than minItems \(minimum)")
            }
            if let maximum = schema["maxItems"]?.intValue, elements.count > maximum {
                report(path, "\(elements.count) items, more than maxItems \(maximum)")
            }
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() {
                    try check(element, against: items, at: "\(path)[\(index)]")
                }
            }
        default: break
        }
    }

    // MARK: - Keywords

    private mutating func checkObject(_ members: [String: JSONValue], _ schema: JSONValue, _ path: String) throws {
        let properties = schema["properties"]?.objectValue ?? [:]
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
            report(Self.path(path, name), "missing required property")
        }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let property = properties[name] {
                try check(member, against: property, at: Self.path(path, name))
            } else if let additional = schema["additionalProperties"] {
                if additional == .bool(false) {
                    report(Self.path(path, name), "property not allowed (additionalProperties: false)")
                } else if additional.objectValue != nil {
                    try check(member, against: additional, at: Self.path(path, name))
                }
            }
        }
    }

    private mutating func checkComposition(_ value: JSONValue, _ schema: JSONValue, _ path: String) throws {
        for branch in schema["allOf"]?.arrayValue ?? [] {
            try check(value, against: branch, at: path)
        }
        if let branches = schema["anyOf"]?.arrayValue {
            let failures = try branches.map { try violations(of: value, against: $0, at: path) }
            if !failures.contains(where: \.isEmpty) {
                report(path, "matches no anyOf schema (" + Self.summary(failures) + ")")
            }
        }
        if let branches = schema["oneOf"]?.arrayValue {
            let failures = try branches.map { try violations(of: value, against: $0, at: path) }
            let matching = failures.filter(\.isEmpty).count
            if matching == 0 {
                report(path, "matches no oneOf schema (" + Self.summary(failures) + ")")
            } else if matching > 1 {
                report(path, "matches \(matching) oneOf schemas, expected exactly one")
            }
        }
        if let negated = schema["not"], try violations(of: value, against: negated, at: path).isEmpty {
            report(path, "matches the schema under `not`")
        }
    }

    private mutating func checkBounds(_ value: JSONValue, _ schema: JSONValue, _ path: String) {
        switch value {
        case .number(let number):
            let text = value.jsonText
            if let minimum = schema["minimum"]?.numberValue {
                let exclusive = schema["exclusiveMinimum"] == .bool(true)
                if number < minimum || (exclusive && number == minimum) {
                    report(path, "\(text) is below the minimum \(JSONValue.number(minimum).jsonText)")
                }
            }
            if let maximum = schema["maximum"]?.numberValue {
                let exclusive = schema["exclusiveMaximum"] == .bool(true)
                if number > maximum || (exclusive && number == maximum) {
                    report(path, "\(text) is above the maximum \(JSONValue.number(maximum).jsonText)")
                }
            }
            if let bound = schema["exclusiveMinimum"]?.numberValue, number <= bound {  // 3.1 form.
                report(path, "\(text) is not above the exclusive minimum \(JSONValue.number(bound).jsonText)")
            }
            if let bound = schema["exclusiveMaximum"]?.numberValue, number >= bound {
                report(path, "\(text) is not below the exclusive maximum \(JSONValue.number(bound).jsonText)")
            }
        case .string(let string):
            let length = string.count
            if let minimum = schema["minLength"]?.intValue, length < minimum {
                report(path, "\(Self.preview(value)) is shorter than minLength \(minimum)")
            }
            if let maximum = schema["maxLength"]?.intValue, length > maximum {
                report(path, "\(Self.preview(value)) is longer than maxLength \(maximum)")
            }
            if let pattern = schema["pattern"]?.stringValue,
                string.range(of: pattern, options: .regularExpression) == nil
            {
                report(path, "\(Self.preview(value)) does not match pattern \(pattern)")
            }
            if let format = schema["format"]?.stringValue, !Self.string(string, hasFormat: format) {
                report(path, "\(Self.preview(value)) is not a valid \(format)")
            }
        default: break
        }
    }

    // MARK: - Helpers

    /// The violations of `value` against one branch, without recording them.
    private func violations(of value: JSONValue, against schema: JSONValue, at path: String) throws -> [String] {
        var branch = SchemaValidator(document: document)
        branch.depth = depth
        try branch.check(value, against: schema, at: path)
        return branch.violations
    }

    private mutating func report(_ path: String, _ problem: String) {
        if violations.count < Self.limit { violations.append("\(path): \(problem)") }
    }

    /// The keywords this validator understands; a `$ref` sibling without any of them needs no second pass.
    private static let keywords: Set<String> = [
        "type", "nullable", "enum", "const", "properties", "required", "additionalProperties", "items", "allOf",
        "anyOf", "oneOf", "not", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength",
        "maxLength", "pattern", "format", "minItems", "maxItems",
    ]

    private static func value(_ value: JSONValue, hasType type: String) -> Bool {
        switch (type, value) {
        case ("integer", .number(let number)): return number.rounded() == number && number.isFinite
        case ("number", .number), ("string", .string), ("boolean", .bool), ("array", .array), ("object", .object),
            ("null", .null):
            return true
        default: return false
        }
    }

    private static func string(_ string: String, hasFormat format: String) -> Bool {
        switch format {
        case "date-time":
            // RFC 3339 (the ISO 8601 profile OpenAPI means): date, `T`, time, optional fraction, `Z` or an offset.
            let shape = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#
            guard string.range(of: shape, options: .regularExpression) != nil else { return false }
            let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
            return (try? Date.ISO8601FormatStyle().parse(string)) != nil || (try? withFraction.parse(string)) != nil
        case "date":
            guard string.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else { return false }
            return (try? Date.ISO8601FormatStyle().year().month().day().parse(string)) != nil
        case "uuid":
            return UUID(uuidString: string) != nil
        default:
            return true  // Formats are annotations unless we know them.
        }
    }

    /// `$.a`, `$.a.b`, or `$.a["odd key"]`.
    private static func path(_ parent: String, _ name: String) -> String {
        let plain = !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return plain ? "\(parent).\(name)" : "\(parent)[\(JSONValue.string(name).jsonText)]"
    }

    /// A value short enough for a message.
    private static func preview(_ value: JSONValue) -> String {
        let text = value.jsonText
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }

    private static func summary(_ failures: [[String]]) -> String {
        failures.enumerated().map { "#\($0.offset): \($0.element.first ?? "ok")" }.joined(separator: "; ")
    }
}
