// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A service matter of the catalogue (事项目录) with its materials, as `GET /api/v1/matters` lists it.
public struct Matter: Sendable, Hashable, Decodable {
    /// A material the applicant hands in.
    public struct Material: Sendable, Hashable, Decodable {
        /// Its code.
        public var code: String
        /// Its name, e.g. `居民身份证复印件`.
        public var name: String
        /// Whether it may be promised later (容缺).
        public var deferrable: Bool

        /// Creates a material.
        public init(code: String, name: String, deferrable: Bool) {
            self.code = code
            self.name = name
            self.deferrable = deferrable
        }
    }

    /// The matter's code.
    public var code: String
    /// Its name.
    public var name: String
    /// The department that handles it.
    public var department: String
    /// Its materials.
    public var materials: [Material]
    /// Whether 容缺受理 is allowed for it at all.
    public var allowsDeferral: Bool

    /// Creates a matter.
    public init(code: String, name: String, department: String, materials: [Material], allowsDeferral: Bool) {
        self.code = code
        self.name = name
        self.department = department
        self.materials = materials
        self.allowsDeferral = allowsDeferral
    }
}
