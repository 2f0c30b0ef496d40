// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Rating the service (好差评) for a finished ticket, by its number.
extension MenuStateMachine {
    /// The rating levels as buttons show them, best first: (level, words).
    static let ratingLevels: [(level: Int, label: String)] = [
        (5, "非常满意"), (4, "满意"), (3, "基本满意"), (2, "不满意"), (1, "非常不满意"),
    ]

    /// The longest ticket number's digits the keypad takes.
    static let ticketDigits = 4

    /// The ticket number letters of the hall's businesses, each once, in display order.
    var ticketPrefixes: [String] {
        var seen = Set<String>()
        return state.businesses.map(\.prefix).filter { seen.insert($0).inserted }
    }

    /// Rating, step 1; skipped when every number starts with the same letter.
    mutating func showRatingPrefixes() -> [MenuAction] {
        let prefixes = ticketPrefixes
        if prefixes.count == 1, let only = prefixes.first { return show(.ratingNumber(prefix: only, typed: "")) }
        return show(.ratingPrefix(page: 0))
    }

    /// A button of the rating flow.
    mutating func pressInRating(_ id: String) -> [MenuAction] {
        switch state.screen {
        case .ratingPrefix(let page):
            if id == "previous" || id == "next" {
                return show(.ratingPrefix(page: Self.turn(page, by: id, count: ticketPrefixes.count, pageSize: pageSize)))
            }
            guard id.hasPrefix("prefix:") else { return [] }
            return show(.ratingNumber(prefix: String(id.dropFirst(7)), typed: ""))
        case .ratingNumber(let prefix, let typed):
            if id == "confirm" {
                guard !typed.isEmpty else {
                    state.problem = "请输入号码的数字，例如 \(prefix)017"
                    return [.render]
                }
                return show(.ratingLevel(number: prefix + typed))
            }
            guard let edited = Keypad.edit(typed, with: id, limit: Self.ticketDigits) else { return [] }
            return show(.ratingNumber(prefix: prefix, typed: edited))
        case .ratingLevel(let number):
            guard id.hasPrefix("level:"), let level = Int(id.dropFirst(6)), (1...5).contains(level) else { return [] }
            return wait(for: .rate(number: number, level: level))
        case .ratingThanks:
            return id == "done" ? goHome() : []
        default:
            return []
        }
    }

    /// The daemon refused a rating: the reason in its words.
    mutating func refuseRating(_ error: MenuError, number: String) -> [MenuAction] {
        let title = error.apiCode == "already_rated" ? "这张号已经评价过了" : "没有评价成功"
        return show(.notice(.init(title: title, message: error.message, number: number)))
    }
}
