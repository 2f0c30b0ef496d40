// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Yams

extension JSONValue {
    /// YAML 1.2 core scalars: `yes`, `no`, `on` and `off` stay strings, as OpenAPI tools read them; timestamps stay
    /// strings too.
    private static let resolver = Resolver.default.removing(.bool).removing(.timestamp)

    /// Parses a YAML (or JSON) document.
    /// - Throws: Yams' error if the text is not YAML, ``KioskTestingError/Code/invalidDocument`` if it is empty.
    init(yaml: String) throws {
        guard let node = try Yams.compose(yaml: yaml, Self.resolver) else {
            throw KioskTestingError(.invalidDocument, "the YAML document is empty")
        }
        self.init(node: node)
    }

    private init(node: Node) {
        switch node {
        case .scalar(let scalar):
            switch (node.tag.rawValue, scalar.style == .plain ? scalar.string.lowercased() : nil) {
            case (Tag.Name.null.rawValue, _): self = .null
            case (Tag.Name.int.rawValue, _): self = node.int.map { .number(Double($0)) } ?? .string(scalar.string)
            case (Tag.Name.float.rawValue, _): self = node.float.map(JSONValue.number) ?? .string(scalar.string)
            case (Tag.Name.str.rawValue, "true"): self = .bool(true)
            case (Tag.Name.str.rawValue, "false"): self = .bool(false)
            default: self = .string(scalar.string)
            }
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping { members[key.string ?? ""] = JSONValue(node: value) }
            self = .object(members)
        case .sequence(let sequence):
            self = .array(sequence.map(JSONValue.init(node:)))
        case .alias:
            self = .null  // Yams resolves aliases while composing; an unresolved one has no value.
        }
    }
}
