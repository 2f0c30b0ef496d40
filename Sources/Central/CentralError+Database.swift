// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import PostgresNIO

extension CentralError {
    /// Wraps a driver error: ``Code/databaseUnavailable`` when the connection was lost or the server is going
    /// away (SQLSTATE classes 08 and 57P), ``Code/database`` for a statement's own failure.
    /// - Parameters:
    ///   - error: The driver's error (``PSQLError`` or ``PostgresTransactionError``).
    ///   - message: What failed; no SQL arguments.
    init(databaseFailure error: any Error, _ message: String, file: String = #fileID, line: Int = #line) {
        let code: Code = Self.isConnectionLoss(error) ? .databaseUnavailable : .database
        self.init(code, message, underlying: error, file: file, line: line)
    }

    /// Whether `error`, or an error a transaction wraps, means the server cannot be talked to.
    private static func isConnectionLoss(_ error: any Error) -> Bool {
        if let transaction = error as? PostgresTransactionError {
            return [transaction.beginError, transaction.closureError, transaction.commitError].contains {
                $0.map(isConnectionLoss) ?? false
            }
        }
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .poolClosed:
            return true
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || state.hasPrefix("57P")
        default:
            return false
        }
    }
}
