// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Events from the daemon's stream, and its answers to the menu's requests.
extension MenuStateMachine {
    /// An event of the stream.
    mutating func handle(_ event: DaemonEvent) -> [MenuAction] {
        switch event {
        case .cardRead(let card): return cardRead(card)
        case .cardRemoved: return []
        case .readerFault: state.readerReady = false
        case .readerConnected: state.readerReady = true
        case .printerStatus(let canPrint): state.printerReady = canPrint
        case .printDone(let number): return printed(number, as: .printed)
        case .printFailed(let number, let message): return printed(number, as: .failed(message))
        case .ticketCalled(let number, let windowName):
            state.calls = [MenuState.Call(number: number, windowName: windowName)] + state.calls.filter { $0.number != number }.prefix(2)
        case .loadChanged: return [.send(.businesses)]
        }
        return [.render]
    }

    /// A card on the reader: greet the holder on the citizen screens, or take the applicant's card in a capture.
    private mutating func cardRead(_ card: CardSession) -> [MenuAction] {
        if case .agentCard = state.screen { return startCapture(with: card) }
        guard state.agent == nil, state.screen.isCitizenScreen || state.screen == .home else { return [] }
        lastInput = now
        state.idleCountdown = nil
        state.card = card
        if card.elderly { state.elderly = true }
        if state.screen == .home { return show(.businesses(page: 0)) + [.send(.businesses)] }
        return [.render]
    }

    /// A print finished or failed: the ticket or receipt screen showing that number says so.
    private mutating func printed(_ number: String, as print: Screen.PrintState) -> [MenuAction] {
        switch state.screen {
        case .ticket(let ticket, .printing, let checkedIn) where ticket.number == number:
            state.screen = .ticket(ticket, print: print, checkedIn: checkedIn)
        case .agentReceipt(let record, .printing) where record.receiptNumber == number:
            state.screen = .agentReceipt(record, print: print)
        default:
            if state.finishedPrints.count >= 8 { state.finishedPrints.removeAll() }
            state.finishedPrints[number] = print
            return []
        }
        return [.render]
    }

    /// What became of a print that was answered with `outcome`, counting an end seen before the answer.
    mutating func printState(of number: String, outcome: PrintOutcome?) -> Screen.PrintState {
        let initial = Screen.PrintState(outcome)
        guard initial == .printing, let finished = state.finishedPrints.removeValue(forKey: number) else { return initial }
        return finished
    }

    /// An answer of the daemon.
    mutating func handle(_ reply: MenuReply, to request: MenuRequest) -> [MenuAction] {
        let awaited = state.pending == request
        if awaited { state.pending = nil }
        switch reply {
        case .businesses(let businesses):
            state.businesses = businesses
            if state.screen == .starting { return goHome() }
        case .bookings(let bookings): state.bookings = bookings
        case .printer(let canPrint): state.printerReady = canPrint
        case .syncStatus(let sync): state.sync = sync
        case .matters(let matters): state.matters = matters
        case .cases(let cases): state.cases = cases
        case .loggedOut: return []
        case .ticket(let ticket):
            guard awaited else { return [] }
            if case .checkIn = request { return show(ticket, checkedIn: true) }
            return show(ticket, checkedIn: false)
        case .rated(let ticket):
            guard awaited else { return [] }
            return show(.ratingThanks(number: ticket.number))
        case .agentSession(let session):
            guard awaited else { return [] }
            state.agent = session
            lastInput = now
            return agentHome()
        case .captured(let record):
            guard awaited else { return [] }
            state.capture = nil
            return show(.agentReceipt(record, print: printState(of: record.receiptNumber, outcome: record.print))) + [.send(.syncStatus)]
        }
        return [.render]
    }

    /// A request failed: an unreachable daemon shows the starting screen; a refusal is said in its words.
    mutating func handle(_ error: MenuError, of request: MenuRequest) -> [MenuAction] {
        let awaited = state.pending == request
        if awaited { state.pending = nil }
        if case .agentLogout = request { return [] }
        if error.code == .daemonUnreachable {
            let wasStarting = state.screen == .starting
            state.card = nil
            state.capture = nil
            state.agent = nil
            state.idleCountdown = nil
            state.screen = .starting
            state.problem = nil
            return wasStarting ? [] : [.render]
        }
        if error.status == 401, state.agent != nil { return sessionEnded(error) }
        guard awaited else { return [] }
        switch request {
        case .takeTicket: return refuseTicket(error)
        case .checkIn: return refuseCheckIn(error)
        case .rate(let number, _): return refuseRating(error, number: number)
        case .captureCase: return refuseCase(error)
        default:
            state.problem = error.message
            return [.render]
        }
    }
}
