// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Checks that personal data handed to a layout is masked, as `IDCard` masks it.
///
/// A guard against a caller passing the clear value by mistake, not a masking function: the layouts print
/// what they are given.
enum MaskedText {
    /// A name of two or more characters must hide some (`张*`, `欧阳**`, `J*** S****`).
    /// - Throws: ``PrintingError/Code-swift.struct/unmaskedPersonalData`` naming the field.
    static func requireMaskedName(_ name: String, field: String) throws(PrintingError) {
        guard name.count < 2 || name.contains("*") else {
            throw PrintingError(.unmaskedPersonalData, "\(field) has no masked characters")
        }
    }

    /// A document number must hide some characters (`3201**********1234`).
    /// - Throws: ``PrintingError/Code-swift.struct/unmaskedPersonalData`` naming the field.
    static func requireMaskedNumber(_ number: String, field: String) throws(PrintingError) {
        guard number.isEmpty || number.contains("*") else {
            throw PrintingError(.unmaskedPersonalData, "\(field) has no masked characters")
        }
    }
}
