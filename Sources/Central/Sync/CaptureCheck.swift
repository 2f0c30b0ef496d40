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
        if capture.applicant.name.isEmpty || !isAtMost64Characters(capture.applicant.name) { return "申请人姓名无效" }
        if capture.agentID.isEmpty { return "缺少代办员" }
        if capture.receiptNumber.isEmpty || !isAtMost64Characters(capture.receiptNumber) { return "回执编号无效" }
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

    // The checks below read UTF-8 bytes: every character they accept is ASCII, and a byte of a non-ASCII
    // character is never an ASCII digit, letter or dash, so they judge as a character-by-character check would,
    // without its Unicode property lookups (which cost more than the insert of a case).

    /// A mainland mobile number (11 digits starting with 1) or a landline with its area code (`0xx-xxxxxxxx`).
    static func isPhoneNumber(_ text: String) -> Bool {
        let digits = text.utf8.filter { $0 != dash }
        guard digits.allSatisfy(isDigit) else { return false }
        if digits.first == UInt8(ascii: "1") { return digits.count == 11 && digits.count == text.utf8.count }
        return digits.first == UInt8(ascii: "0") && (10...12).contains(digits.count)
    }

    /// An 18-character resident ID number whose GB 11643 check character is right (`x` or `X`).
    static func isIDNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 18, bytes.prefix(17).allSatisfy(isDigit) else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(bytes.prefix(17), weights).reduce(0) { $0 + Int($1.0 - UInt8(ascii: "0")) * $1.1 }
        let check = Array("10X98765432".utf8)[sum % 11]
        return bytes[17] == check || (check == UInt8(ascii: "X") && bytes[17] == UInt8(ascii: "x"))
    }

    /// `yyyy-MM-dd`.
    static func isDay(_ text: String) -> Bool {
        let parts = text.utf8.split(separator: dash)
        guard text.utf8.count == 10, parts.count == 3, parts.allSatisfy({ $0.allSatisfy(isDigit) }) else {
            return false
        }
        return (1...12).contains(number(parts[1])) && (1...31).contains(number(parts[2]))
    }

    /// At most 64 characters; at most 64 UTF-8 bytes settles it without counting.
    private static func isAtMost64Characters(_ text: String) -> Bool {
        text.utf8.count <= 64 || text.count <= 64
    }

    /// A lowercase UUID in its text form (8-4-4-4-12 hex digits).
    private static func isLowercaseUUID(_ text: String) -> Bool {
        guard text.utf8.count == 36 else { return false }
        for (index, byte) in text.utf8.enumerated() {
            let valid =
                [8, 13, 18, 23].contains(index)
                ? byte == dash : isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            if !valid { return false }
        }
        return true
    }

    private static let dash = UInt8(ascii: "-")

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The value of ASCII digits (at most 4 here).
    private static func number(_ digits: some Collection<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
