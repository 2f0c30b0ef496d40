// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A proxy case (代办件) as the daemon answers it (schema `Case`): masked applicant, sync state, print.
public struct ProxyCase: Sendable, Hashable, Decodable {
    /// The applicant, masked.
    public struct Applicant: Sendable, Hashable, Decodable {
        /// The masked name.
        public var name: String
    }

    /// How far the case is on its way to the central server.
    public struct Sync: Sendable, Hashable, Decodable {
        /// `pending`, `acknowledged` or `rejected`.
        public var state: String
        /// Why the server refused it for good.
        public var rejectionReason: String?
        /// What the server decided: `accepted`, `in_progress`, `completed`, `returned` or `rejected`.
        public var serverStatus: String?
    }

    /// The receipt number, e.g. `R-K0007-000123`.
    public var receiptNumber: String
    /// The matter's name.
    public var matterName: String
    /// The applicant, masked.
    public var applicant: Applicant
    /// The promised completion day, `yyyy-MM-dd`.
    public var promisedCompletion: String
    /// The sync state.
    public var sync: Sync
    /// What became of the receipt's print, in the answers that print it.
    public var print: PrintOutcome?

    /// Creates a case.
    public init(
        receiptNumber: String, matterName: String, applicantName: String, promisedCompletion: String, syncState: String = "pending",
        print: PrintOutcome? = nil
    ) {
        self.receiptNumber = receiptNumber
        self.matterName = matterName
        self.applicant = Applicant(name: applicantName)
        self.promisedCompletion = promisedCompletion
        self.sync = Sync(state: syncState, rejectionReason: nil, serverStatus: nil)
        self.print = print
    }
}
