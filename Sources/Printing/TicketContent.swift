// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// What a queue ticket (取号凭条) says. Personal data comes already masked: the renderer never sees clear
/// data, and ``TicketLayout`` refuses an unmasked name.
public struct TicketContent: Sendable, Hashable {
    /// When the ticket may be used.
    public enum Validity: Sendable, Hashable {
        /// Any time on the day it was taken (当日有效).
        case serviceDay
        /// Within a time segment (分段取号) or an appointment slot.
        case segment(start: Date, end: Date)
    }

    /// The hall's name, e.g. `玄武区政务服务中心`.
    public var hallName: String
    /// The business the ticket is for, e.g. `不动产登记`.
    public var business: String
    /// The ticket number, e.g. `A001`; printed as large as the paper allows, always on one line.
    public var number: String
    /// Tickets ahead in the same line.
    public var peopleAhead: Int
    /// The estimated wait in minutes, or `nil` to print none.
    public var estimatedWaitMinutes: Int?
    /// When the ticket was taken.
    public var takenAt: Date
    /// When the ticket may be used.
    public var validity: Validity
    /// The ticket's status page, for the QR code (the caller expands the URL template), or `nil` for none.
    public var statusURL: String?
    /// The card holder's masked name (`张*`) when the ticket is bound to an ID card.
    public var holderMaskedName: String?
    /// The priority line (`老年人优先`, `绿色通道`), or `nil` for a normal ticket.
    public var priorityNote: String?
    /// The hall's time zone, for printed times.
    public var timeZone: TimeZone

    /// Creates a ticket's content.
    /// - Parameters:
    ///   - hallName: The hall's name.
    ///   - business: The business the ticket is for.
    ///   - number: The ticket number.
    ///   - peopleAhead: Tickets ahead in the same line.
    ///   - estimatedWaitMinutes: The estimated wait in minutes, or `nil`.
    ///   - takenAt: When the ticket was taken.
    ///   - validity: When the ticket may be used.
    ///   - statusURL: The ticket's status page, or `nil`.
    ///   - holderMaskedName: The card holder's masked name, or `nil`.
    ///   - priorityNote: The priority line, or `nil`.
    ///   - timeZone: The hall's time zone (default `Asia/Shanghai`).
    public init(
        hallName: String, business: String, number: String, peopleAhead: Int, estimatedWaitMinutes: Int? = nil,
        takenAt: Date, validity: Validity = .serviceDay, statusURL: String? = nil, holderMaskedName: String? = nil,
        priorityNote: String? = nil, timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    ) {
        self.hallName = hallName
        self.business = business
        self.number = number
        self.peopleAhead = peopleAhead
        self.estimatedWaitMinutes = estimatedWaitMinutes
        self.takenAt = takenAt
        self.validity = validity
        self.statusURL = statusURL
        self.holderMaskedName = holderMaskedName
        self.priorityNote = priorityNote
        self.timeZone = timeZone
    }
}
