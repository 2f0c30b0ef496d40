// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// What a case receipt (代办回执) says. The applicant's name and ID number come already masked: the
/// renderer never sees clear data, and ``ReceiptLayout`` refuses unmasked ones.
public struct ReceiptContent: Sendable, Hashable {
    /// A material handed in with the case.
    public struct ReceivedMaterial: Sendable, Hashable {
        /// The material's name, e.g. `身份证复印件`.
        public var name: String
        /// How many copies, or `nil` to print none.
        public var copies: Int?

        /// Creates a received material.
        /// - Parameters:
        ///   - name: The material's name.
        ///   - copies: How many copies, or `nil`.
        public init(name: String, copies: Int? = nil) {
            self.name = name
            self.copies = copies
        }
    }

    /// A material missing at acceptance and promised later (容缺受理).
    public struct PromisedMaterial: Sendable, Hashable {
        /// The material's name.
        public var name: String
        /// The day it is due.
        public var dueDate: Date

        /// Creates a promised material.
        /// - Parameters:
        ///   - name: The material's name.
        ///   - dueDate: The day it is due.
        public init(name: String, dueDate: Date) {
            self.name = name
            self.dueDate = dueDate
        }
    }

    /// The hall or service point's name, e.g. `青山村便民服务点`.
    public var hallName: String
    /// The receipt's number.
    public var receiptNumber: String
    /// The case's number on the central platform (办件编号).
    public var caseNumber: String
    /// The applicant's masked name (`张*`).
    public var applicantMaskedName: String
    /// The applicant's masked ID number (`3201**********1234`).
    public var applicantMaskedIDNumber: String
    /// The service matter's name (办理事项).
    public var matter: String
    /// Materials handed in.
    public var receivedMaterials: [ReceivedMaterial]
    /// Materials promised later, with their due dates.
    public var promisedMaterials: [PromisedMaterial]
    /// The promised completion day (承诺办结时间).
    public var promisedCompletion: Date
    /// The agent (代办员) as they want to be printed, e.g. a staff name and phone number.
    public var agent: String
    /// When the case was accepted.
    public var acceptedAt: Date
    /// The case's status page, for the QR code, or `nil` for none.
    public var statusURL: String?
    /// The time zone for printed dates.
    public var timeZone: TimeZone

    /// Creates a receipt's content.
    /// - Parameters:
    ///   - hallName: The hall or service point's name.
    ///   - receiptNumber: The receipt's number.
    ///   - caseNumber: The case's number.
    ///   - applicantMaskedName: The applicant's masked name.
    ///   - applicantMaskedIDNumber: The applicant's masked ID number.
    ///   - matter: The service matter.
    ///   - receivedMaterials: Materials handed in.
    ///   - promisedMaterials: Materials promised later.
    ///   - promisedCompletion: The promised completion day.
    ///   - agent: The agent as printed.
    ///   - acceptedAt: When the case was accepted.
    ///   - statusURL: The case's status page, or `nil`.
    ///   - timeZone: The time zone for printed dates (default `Asia/Shanghai`).
    public init(
        hallName: String, receiptNumber: String, caseNumber: String, applicantMaskedName: String,
        applicantMaskedIDNumber: String, matter: String, receivedMaterials: [ReceivedMaterial],
        promisedMaterials: [PromisedMaterial] = [], promisedCompletion: Date, agent: String, acceptedAt: Date,
        statusURL: String? = nil, timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    ) {
        self.hallName = hallName
        self.receiptNumber = receiptNumber
        self.caseNumber = caseNumber
        self.applicantMaskedName = applicantMaskedName
        self.applicantMaskedIDNumber = applicantMaskedIDNumber
        self.matter = matter
        self.receivedMaterials = receivedMaterials
        self.promisedMaterials = promisedMaterials
        self.promisedCompletion = promisedCompletion
        self.agent = agent
        self.acceptedAt = acceptedAt
        self.statusURL = statusURL
        self.timeZone = timeZone
    }
}
