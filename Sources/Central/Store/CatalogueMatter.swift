// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import SyncProtocol

/// A matter as a catalogue file lists it (`kiosk-central catalogue import FILE`, a JSON array of these); the
/// server gives it its version.
///
/// JSON: `{"code": "…", "name": "…", "department": "…", "materials": [{"code", "name", "deferrable"}],
/// "allows_deferral": true, "promised_days": 5, "retired": false}` (`retired` may be left out).
public struct CatalogueMatter: Sendable, Hashable, Codable {
    /// The matter's code.
    public var code: String
    /// Its name.
    public var name: String
    /// The department that handles it.
    public var department: String
    /// The required materials.
    public var materials: [MatterEntry.Material]
    /// Whether 容缺受理 is allowed.
    public var allowsDeferral: Bool
    /// Promised working days.
    public var promisedDays: Int
    /// Whether it is withdrawn.
    public var retired: Bool

    /// Creates a matter.
    public init(
        code: String, name: String, department: String, materials: [MatterEntry.Material], allowsDeferral: Bool,
        promisedDays: Int, retired: Bool = false
    ) {
        self.code = code
        self.name = name
        self.department = department
        self.materials = materials
        self.allowsDeferral = allowsDeferral
        self.promisedDays = promisedDays
        self.retired = retired
    }

    /// Decodes a matter; `retired` defaults to `false`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        department = try container.decode(String.self, forKey: .department)
        materials = try container.decode([MatterEntry.Material].self, forKey: .materials)
        allowsDeferral = try container.decode(Bool.self, forKey: .allowsDeferral)
        promisedDays = try container.decode(Int.self, forKey: .promisedDays)
        retired = try container.decodeIfPresent(Bool.self, forKey: .retired) ?? false
    }

    private enum CodingKeys: String, CodingKey {
        case code, name, department, materials, allowsDeferral = "allows_deferral", promisedDays = "promised_days",
            retired
    }
}
