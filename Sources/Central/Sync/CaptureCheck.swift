// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import SyncProtocol

/// The field checks of a pushed operation that need no database: what fails here is permanently invalid, so
/// the operation is recorded as rejected with the reason (in Chinese, for the agent) and the sequence advances.
enum CaptureCheck {
    /// Why a case cannot be accepted as sent, or `nil` when its fields are valid.
    static func problem(with capture: CaseCapture) -> String? {
        if !isLowercaseUUID(capture.caseID) { return "办件标识无效" }
        if !isPhoneNumber(capture.contactPhone) { return "联系电话无效" }
        if !isIDNumber(capture.applicant.idNumber) { return "证件号码无效" }
        if capture.applicant.name.isEmpty || capture.applicant.name.count > 64 { return "申请人姓名无效" }
        if capture.agentID.isEmpty { return "缺少代办员" }
        if capture.receiptNumber.isEmpty || capture.receiptNumber.count > 64 { return "回执编号无效" }
        if !isDay(capture.promisedCompletion) { return "承诺办结日期无效" }
        for material in capture.materials
        where material.state == .promised && !(material.promisedBy.map(isDay) ?? false) {
            return "容缺材料缺少补交日期"
        }
        return nil
    }

    /// Why a rating cannot be accepted, or `nil`.
    static func problem(with rating: RatingRecord) -> String? {
        if !(1...5).contains(rating.level) { return "评价等级无效" }
        if !isDay(rating.serviceDay) { return "服务日期无效" }
        if rating.ticketNumber.isEmpty { return "缺少票号" }
        return nil
    }

    /// Why a day's statistics cannot be accepted, or `nil`.
    static func problem(with statistics: DayStatistics) -> String? {
        if !isDay(statistics.serviceDay) { return "服务日期无效" }
        for business in statistics.businesses
        where business.code.isEmpty || business.taken < 0 || business.served < 0 || business.noShows < 0 {
            return "统计数据无效"
        }
        return nil
    }

    /// A mainland mobile number (11 digits starting with 1) or a landline with its area code (`0xx-xxxxxxxx`).
    static func isPhoneNumber(_ text: String) -> Bool {
        let digits = text.filter { $0 != "-" }
        guard digits.allSatisfy(\.isASCIIDigit) else { return false }
        if digits.first == "1" { return digits.count == 11 && !text.contains("-") }
        return digits.first == "0" && (10...12).contains(digits.count)
    }

    /// An 18-character resident ID number whose GB 11643 check character is right.
    static func isIDNumber(_ text: String) -> Bool {
        let characters = Array(text.uppercased())
        guard characters.count == 18, characters.prefix(17).allSatisfy(\.isASCIIDigit) else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(characters.prefix(17), weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return characters[17] == Array("10X98765432")[sum % 11]
    }

    /// `yyyy-MM-dd`.
    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return text.count == 10 && parts.count == 3 && parts.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
            && (1...12).contains(Int(parts[1]) ?? 0) && (1...31).contains(Int(parts[2]) ?? 0)
    }

    /// A lowercase UUID in its text form (8-4-4-4-12 hex digits).
    private static func isLowercaseUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        return groups == [8, 4, 4, 4, 12] && text.allSatisfy { $0 == "-" || ($0.isHexDigit && !$0.isUppercase) }
    }
}

extension Character {
    /// `0`–`9` only (not other scripts' digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
