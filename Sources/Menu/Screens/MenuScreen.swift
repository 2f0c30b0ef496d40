// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The screens as pure functions of the menu's state: what each shows, independent of the terminal's size.
///
/// Key map, the same on every screen: `1`–`6` the main buttons in order, `7` 上一页, `8` 下一页, `0` 返回,
/// `9` 首页; on keypad screens the digits type and Backspace is 删除, Enter 确认, Escape 返回.
public enum MenuScreen {
    /// The screen for a state.
    /// - Parameter state: What the menu knows.
    /// - Returns: The screen's content; the idle question when it is being asked.
    public static func content(for state: MenuState) -> ScreenContent {
        if let countdown = state.idleCountdown { return idlePrompt(countdown: countdown, elderly: state.elderly) }
        var content = screen(for: state)
        if state.pending != nil, state.screen != .starting { content.lines.append(.init("请稍候", .headline)) }
        if let problem = state.problem { content.lines.append(.init(problem, .problem)) }
        return content
    }

    private static func screen(for state: MenuState) -> ScreenContent {
        switch state.screen {
        case .starting: starting(elderly: state.elderly)
        case .home: HomeScreen.content(state)
        case .businesses(let page): TakeTicketScreens.businesses(state, page: page)
        case .confirmTicket(let code): TakeTicketScreens.confirmation(state, business: code)
        case .ticket(let ticket, let print, let checkedIn): TakeTicketScreens.ticket(ticket, print: print, checkedIn: checkedIn, state: state)
        case .notice(let notice): Self.notice(notice)
        case .queue(let page): QueueScreen.content(state, page: page)
        case .booking: BookingScreens.choice(state)
        case .bookingCode(let typed): BookingScreens.code(state, typed: typed)
        case .ratingPrefix(let page): RatingScreens.prefixes(state, page: page)
        case .ratingNumber(let prefix, let typed): RatingScreens.number(state, prefix: prefix, typed: typed)
        case .ratingLevel(let number): RatingScreens.levels(state, number: number)
        case .ratingThanks(let number): RatingScreens.thanks(state, number: number)
        case .agentPIN(let typed): AgentScreens.pin(state, typed: typed)
        case .agentHome: AgentScreens.home(state)
        case .agentCases(let page): AgentScreens.cases(state, page: page)
        case .agentCard: CaptureScreens.card(state)
        case .agentMatters(let page): CaptureScreens.matters(state, page: page)
        case .agentMaterials(let page): CaptureScreens.materials(state, page: page)
        case .agentPhone(let typed): CaptureScreens.phone(state, typed: typed)
        case .agentConfirm: CaptureScreens.confirmation(state)
        case .agentReceipt(let record, let print): CaptureScreens.receipt(state, record: record, print: print)
        }
    }

    /// The daemon does not answer: a full screen that says to wait; it goes on by itself.
    static func starting(elderly: Bool) -> ScreenContent {
        ScreenContent(
            title: "系统正在启动，请稍候",
            lines: elderly ? [.init("请稍等片刻", .headline)] : [.init("请稍等片刻，准备好后会自动显示首页", .headline), .init("如等候较久，请到服务台咨询", .quiet)])
    }

    /// "还需要更多时间吗？" with 继续, before an idle citizen screen goes home.
    static func idlePrompt(countdown: Int, elderly: Bool) -> ScreenContent {
        ScreenContent(
            title: "还需要更多时间吗？",
            lines: [.init("\(countdown) 秒后回到首页", .headline)] + (elderly ? [] : [.init("需要继续，请点按「继续」", .normal)]),
            buttons: [Button(id: "continue", label: "继续", key: "1", role: .confirm)],
            navigation: [Button(id: "back", label: "返回", key: "0", role: .navigation), Button(id: "home", label: "首页", key: "9", role: .navigation)])
    }

    /// A refusal or fact in the daemon's words, with the ticket it is about.
    static func notice(_ notice: Screen.Notice) -> ScreenContent {
        var lines: [ScreenContent.Line] = []
        if let number = notice.number { lines.append(.init("号码 \(number)", .headline)) }
        lines.append(.init(notice.message, .problem))
        return ScreenContent(
            title: notice.title, lines: lines, buttons: [Button(id: "done", label: "知道了", key: "1", role: .confirm)],
            navigation: navigation())
    }

    /// The navigation row: 返回 and 首页, with paging when there is more than one page.
    /// - Parameters:
    ///   - keys: Whether the buttons have number keys (not on keypad screens, where the digits type).
    ///   - paging: The page shown and the number of pages, when the screen is paged.
    ///   - trailing: Buttons after 首页 (删除, 确认, 下一步).
    static func navigation(keys: Bool = true, paging: (page: Int, pages: Int)? = nil, trailing: [Button] = []) -> [Button] {
        var buttons = [Button(id: "back", label: "返回", key: keys ? "0" : nil, role: .navigation)]
        if let paging, paging.pages > 1 {
            buttons.append(Button(id: "previous", label: "上一页", key: "7", role: .navigation, isEnabled: paging.page > 0))
            buttons.append(Button(id: "next", label: "下一页", key: "8", role: .navigation, isEnabled: paging.page < paging.pages - 1))
        }
        buttons.append(Button(id: "home", label: "首页", key: keys ? "9" : nil, role: .navigation))
        return buttons + trailing
    }

    /// One page of items, and the number of pages.
    static func page<Item>(_ items: [Item], _ page: Int, size: Int) -> (items: ArraySlice<Item>, page: Int, pages: Int) {
        let pages = max((items.count + size - 1) / size, 1)
        let page = min(max(page, 0), pages - 1)
        return (items[min(page * size, items.count)..<min((page + 1) * size, items.count)], page, pages)
    }

    /// Main buttons numbered `1`, `2` … by their place on the page.
    static func numbered(_ buttons: [Button]) -> [Button] {
        buttons.enumerated().map { index, button in
            var button = button
            button.key = index < 6 ? Character(String(index + 1)) : nil
            return button
        }
    }

    /// A keypad screen: the field, the digits, and 返回 首页 删除 确认 (no number keys on those).
    static func keypad(title: String, lines: [ScreenContent.Line], caption: String, value: String) -> ScreenContent {
        ScreenContent(
            title: title, lines: lines, buttons: Keypad.digits,
            navigation: navigation(
                keys: false,
                trailing: [
                    Button(id: "delete", label: "删除", role: .danger), Button(id: "confirm", label: "确认", role: .confirm),
                ]),
            field: (caption, value), columns: 5)
    }

    /// The greeting of a card holder: 王**，您好, and 老年人优先 when it applies.
    static func greeting(_ state: MenuState) -> [ScreenContent.Line] {
        guard let card = state.card else { return [] }
        if card.elderly { return [.init("\(card.name)，您好。老年人优先，已为您开启大字模式", .success)] }
        return [.init("\(card.name)，您好", .success)]
    }

    /// How long a wait is, in words: 约 N 分钟, never 约 1 分钟 with nobody ahead.
    static func waitWords(ahead: Int, seconds: Double?) -> String {
        guard ahead > 0 else { return "无需等候" }
        guard let seconds else { return "前面 \(ahead) 人，等候时间暂时无法估计" }
        return "前面 \(ahead) 人，约 \(max(Int((seconds / 60).rounded(.up)), 1)) 分钟"
    }
}
