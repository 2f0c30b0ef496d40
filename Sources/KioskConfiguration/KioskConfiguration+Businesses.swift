// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Queue

/// The `[[business]]` tables.
extension KioskConfiguration {
    static let businessKeys = ["code", "name", "prefix", "width", "hours", "capacity", "typical_service_minutes"]

    static func readBusinesses(_ document: TableReader) throws(ConfigurationError) -> [Business] {
        let tables = try document.tables("business")
        guard !tables.isEmpty else {
            throw document.context.error(
                .missingKey, at: "business",
                "no [[business]] table: at least one business is required, e.g. [[business]] code = \"social-security\" "
                    + "name = \"社保业务\" prefix = \"A\"")
        }
        var businesses: [Business] = []
        for table in tables {
            let business = try readBusiness(table)
            if let other = businesses.firstIndex(where: { $0.code == business.code }) {
                throw table.error(
                    .duplicate, "code",
                    "business code \(TableReader.quoted(business.code)) is already used by business[\(other + 1)]")
            }
            if let other = businesses.firstIndex(where: { $0.prefix == business.prefix }) {
                throw table.error(
                    .duplicate, "prefix",
                    "ticket prefix \(TableReader.quoted(business.prefix)) is already used by business[\(other + 1)] "
                        + "(\(businesses[other].code))")
            }
            businesses.append(business)
        }
        return businesses
    }

    private static func readBusiness(_ table: TableReader) throws(ConfigurationError) -> Business {
        try table.rejectUnknownKeys(allowed: businessKeys)
        let code = try table.requiredString("code")
        guard code.isLowercaseCode(maxLength: 32) else {
            throw table.error(
                .invalidValue, "code",
                "expected 1–32 lowercase letters a–z, digits or `-`, e.g. \"social-security\", "
                    + "found \(TableReader.quoted(code))")
        }
        let name = try table.requiredString("name")
        guard let prefix = try table.string("prefix") else { throw table.missing("prefix", "1–2 uppercase letters") }
        guard prefix.isTicketPrefix else {
            throw table.error(
                .invalidValue, "prefix", "expected 1–2 uppercase letters, found \(TableReader.quoted(prefix))")
        }
        let width = try table.integer("width", in: 2...5) ?? 3

        var openHours = OpenHours.allDay
        if let hours = try table.string("hours") {
            guard let parsed = OpenHours(parsing: hours) else {
                throw table.error(.invalidValue, "hours", explainHours(hours))
            }
            openHours = parsed
        }

        var business = Business(code: code, name: name, prefix: prefix, numberWidth: width, openHours: openHours)
        if let capacity = try table.integer("capacity", in: 1...Int.max) {
            guard capacity <= business.maxSequence else {
                throw table.error(
                    .invalidValue, "capacity",
                    "expected at most \(business.maxSequence) (the largest \(width)-digit number), found \(capacity); "
                        + "raise `width` or lower `capacity`")
            }
            business.dailyCapacity = capacity
        }
        if let minutes = try table.number("typical_service_minutes") {
            guard minutes > 0, minutes <= 480 else {
                throw table.error(
                    .invalidValue, "typical_service_minutes",
                    "expected minutes > 0 and ≤ 480, found \(format(minutes))")
            }
            business.typicalServiceSeconds = minutes * 60
        } else {
            business.typicalServiceSeconds = 5 * 60
        }
        return business
    }

    /// Why ``OpenHours/init(parsing:)`` refused a text: the first malformed, reversed or overlapping period.
    static func explainHours(_ text: String) -> String {
        let expected = "expected periods like \"08:30-12:00,13:30-17:30\" (24-hour HH:MM-HH:MM, in order, up to 24:00)"
        var previous: (text: Substring, end: Int)?
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = part.trimmingSpaces()
            let bounds = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 2, let start = minutes(bounds[0]), let end = minutes(bounds[1]) else {
                return "\(expected), found \(TableReader.quoted(text)): \"\(trimmed)\" is not a period"
            }
            guard start < end else {
                return "\(expected), found \(TableReader.quoted(text)): \"\(trimmed)\" ends before it starts"
            }
            if let previous, previous.end > start {
                return "periods overlap or are out of order in \(TableReader.quoted(text)): "
                    + "\"\(trimmed)\" starts before \"\(previous.text)\" ends"
            }
            previous = (trimmed, end)
        }
        return "\(expected), found \(TableReader.quoted(text))"
    }

    /// `08:30` → 510; `24:00` → 1440; `nil` when malformed.
    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.trimmingSpaces().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]),
            minutes < 60, hours * 60 + minutes <= 1440
        else { return nil }
        return hours * 60 + minutes
    }
}
