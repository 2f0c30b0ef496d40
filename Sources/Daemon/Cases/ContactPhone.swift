// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A contact phone as the menu may give it: an 11-digit mainland mobile number (`1`, then `3`–`9`, then
/// nine digits), or a landline with its area code (`0` and 2–3 digits, an optional `-`, a local number of
/// 7–8 digits not starting with `0`, an optional `-` extension of 1–6 digits). Spaces are dropped first.
enum ContactPhone {
    /// The number without spaces, or `nil` when it is neither form.
    static func normalised(_ text: String) -> String? {
        let phone = text.filter { $0 != " " }
        if phone.wholeMatch(of: #/1[3-9][0-9]{9}/#) != nil { return phone }
        if phone.wholeMatch(of: #/0[1-9][0-9]{1,2}-?[1-9][0-9]{6,7}(-[0-9]{1,6})?/#) != nil { return phone }
        return nil
    }
}
