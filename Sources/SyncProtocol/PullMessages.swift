// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// The streams a kiosk pulls: `GET /sync/v1/pull/{stream}?cursor=…`.
public enum PullStream: String, Sendable, Hashable, Codable, CaseIterable {
    /// The service-matter catalogue (事项目录), the same for every point; answered with an `ETag`, so an
    /// unchanged catalogue costs a 304.
    case catalogue
    /// Appointments (预约) for the device's point.
    case bookings
    /// Status changes of the cases the device's point filed; the server owns case status.
    case caseStatus = "case_status"
}

/// One page of a stream.
///
/// `cursor` is opaque to the kiosk: it stores the page's `next_cursor` only after the page's changes are
/// durably applied, and sends it back to resume. `must_resync` means the cursor is older than the server
/// keeps (or the server was restored): drop the stream's local copy and pull from no cursor.
public struct PullPage<Change: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// The changes, oldest first.
    public var changes: [Change]
    /// The cursor to send next time.
    public var nextCursor: String
    /// Whether more changes are waiting (pull again at once).
    public var hasMore: Bool
    /// Whether the device must drop its copy and start over.
    public var mustResync: Bool
    /// The device's operations the server holds (the upload is confirmed before the download is applied).
    public var ackedThroughSeq: Int64

    /// Creates a page.
    public init(changes: [Change], nextCursor: String, hasMore: Bool, mustResync: Bool, ackedThroughSeq: Int64) {
        self.changes = changes
        self.nextCursor = nextCursor
        self.hasMore = hasMore
        self.mustResync = mustResync
        self.ackedThroughSeq = ackedThroughSeq
    }

    private enum CodingKeys: String, CodingKey {
        case changes, nextCursor = "next_cursor", hasMore = "has_more", mustResync = "must_resync"
        case ackedThroughSeq = "acked_through_seq"
    }
}

/// A matter of the catalogue (事项目录), as a pull change: the whole entry at a version.
public struct MatterEntry: Sendable, Hashable, Codable {
    /// One required material.
    public struct Material: Sendable, Hashable, Codable {
        /// Its code.
        public var code: String
        /// Its name.
        public var name: String
        /// Whether it may be missing and promised later (容缺).
        public var deferrable: Bool

        /// Creates a material.
        public init(code: String, name: String, deferrable: Bool) {
            self.code = code
            self.name = name
            self.deferrable = deferrable
        }
    }

    /// The matter's code, e.g. `320102-BDC-0001`.
    public var code: String
    /// Its name.
    public var name: String
    /// The department that handles it.
    public var department: String
    /// The required materials.
    public var materials: [Material]
    /// Whether 容缺受理 is allowed at all for it.
    public var allowsDeferral: Bool
    /// Promised working days to completion (承诺时限).
    public var promisedDays: Int
    /// Whether it was withdrawn from the catalogue (kept so a pulled retirement reaches the kiosk).
    public var retired: Bool
    /// The catalogue version that last changed it.
    public var version: Int64

    /// Creates a matter.
    public init(
        code: String, name: String, department: String, materials: [Material], allowsDeferral: Bool, promisedDays: Int,
        retired: Bool, version: Int64
    ) {
        self.code = code
        self.name = name
        self.department = department
        self.materials = materials
        self.allowsDeferral = allowsDeferral
        self.promisedDays = promisedDays
        self.retired = retired
        self.version = version
    }

    private enum CodingKeys: String, CodingKey {
        case code, name, department, materials, allowsDeferral = "allows_deferral", promisedDays = "promised_days"
        case retired, version
    }
}

/// A booking (预约) for the device's point.
public struct BookingEntry: Sendable, Hashable, Codable {
    /// The code the citizen types or shows (预约码).
    public var code: String
    /// The business's code at the hall.
    public var business: String
    /// The slot's start and end.
    public var slotStart: Date
    /// The slot's end.
    public var slotEnd: Date
    /// The holder's masked name.
    public var holderMaskedName: String
    /// A keyed hash of the holder's ID number under the point's booking key, so a card swipe finds it.
    public var holderKey: String?
    /// `booked`, `cancelled`, `checked_in`.
    public var status: String
    /// The server's version of the row.
    public var version: Int64

    /// Creates a booking.
    public init(
        code: String, business: String, slotStart: Date, slotEnd: Date, holderMaskedName: String, holderKey: String?,
        status: String, version: Int64
    ) {
        self.code = code
        self.business = business
        self.slotStart = slotStart
        self.slotEnd = slotEnd
        self.holderMaskedName = holderMaskedName
        self.holderKey = holderKey
        self.status = status
        self.version = version
    }

    private enum CodingKeys: String, CodingKey {
        case code, business, slotStart = "slot_start", slotEnd = "slot_end", holderMaskedName = "holder_masked_name"
        case holderKey = "holder_key", status, version
    }
}

/// A change of a case's status, decided by the server (受理 → 办理中 → 办结 / 退回).
public struct CaseStatusChange: Sendable, Hashable, Codable {
    /// The case's id (from the kiosk's capture).
    public var caseID: String
    /// The server's case number.
    public var caseNumber: String?
    /// `accepted`, `in_progress`, `completed`, `returned`, `rejected`.
    public var status: String
    /// A note for the agent (why returned, what is missing).
    public var note: String?
    /// The server's version of the case.
    public var version: Int64
    /// When the server changed it.
    public var changedAt: Date

    /// Creates a status change.
    public init(caseID: String, caseNumber: String?, status: String, note: String?, version: Int64, changedAt: Date) {
        self.caseID = caseID
        self.caseNumber = caseNumber
        self.status = status
        self.note = note
        self.version = version
        self.changedAt = changedAt
    }

    private enum CodingKeys: String, CodingKey {
        case caseID = "case_id", caseNumber = "case_number", status, note, version, changedAt = "changed_at"
    }
}
