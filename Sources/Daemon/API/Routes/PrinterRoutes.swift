// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CUPSPrinting
import Hummingbird

/// The ticket printer's state, and setting the emulated printer's paper state.
struct PrinterRoutes {
    let printer: TicketPrinter?

    func register(on router: Router<KioskRequestContext>) {
        router.get("api/v1/printer") { _, _ in
            guard let printer else {
                throw APIError(.notFound, code: "no_printer", message: "没有配置取号凭条打印机")
            }
            return JSONResponse(PrinterStatusView(status: await printer.status(), output: printer.output.name))
        }
        router.post("api/v1/emulator/printer") { request, context in
            guard let printer, let emulator = printer.output as? EmulatedPrinter else {
                throw APIError(.notFound, code: "no_emulator", message: "打印机不是模拟打印机，不能设置纸张状态")
            }
            let body = try await request.decodeRequired(EmulatorPrinterBody.self, context: context)
            guard let condition = PrinterStatus.Condition(rawValue: body.condition),
                EmulatedPrinter.settableConditions.contains(condition)
            else {
                let known = EmulatedPrinter.settableConditions.map(\.rawValue).joined(separator: ", ")
                throw APIError.badRequest("模拟打印机的状态须为：\(known)")
            }
            emulator.setCondition(condition)
            return JSONResponse(PrinterStatusView(status: await printer.status(), output: printer.output.name))
        }
    }
}

/// `POST /api/v1/emulator/printer`: the condition to put the emulated printer in.
struct EmulatorPrinterBody: Decodable {
    var condition: String
}
