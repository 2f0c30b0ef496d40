// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CUPSPrinting
import DeviceCatalog
import Foundation
import KioskConfiguration
import Logging
import Printing
import Queue

extension KioskDaemon {
    /// The ticket printer `[printer]` asks for, or `nil` for `queue = "none"`.
    ///
    /// With `queue = "auto"`, cupsd is asked for its default destination: when it answers with one, tickets go
    /// there; otherwise (no cupsd, no printer) to the emulated printer, which keeps them as files in `printed/`
    /// beside the database. The log says which and why.
    func makeTicketPrinter(broadcaster: EventBroadcaster, busFindings: [BusFinding], catalog: DeviceCatalog?) async
        -> TicketPrinter?
    {
        let settings = configuration.printer
        guard settings.queue != "none" else {
            logger.notice("No ticket printer configured ([printer] queue = \"none\")")
            return nil
        }
        let client = CUPSClient(configuration: .init(server: settings.cupsServer), logger: logger)
        let emulated = EmulatedPrinter(
            directory: URL(fileURLWithPath: configuration.databasePath).deletingLastPathComponent().appendingPathComponent("printed"))
        let output: any PrintOutput
        switch settings.queue {
        case "emulator":
            output = emulated
        case "default":
            output = CUPSOutput(queue: nil, client: client)
        case "auto":
            let status = await client.printerStatus(queue: nil)
            if status.condition == .notFound || status.condition == .cupsdUnreachable {
                logger.notice(
                    "No CUPS printer: tickets go to the emulated printer",
                    metadata: [
                        "printer.condition": "\(status.condition.rawValue)", "printer.detail": "\(status.detail ?? "")",
                        "print.directory": "\(emulated.directory.path)",
                    ])
                output = emulated
            } else {
                logger.notice("Tickets go to CUPS's default destination", metadata: ["print.queue": "\(status.queue ?? "?")"])
                output = CUPSOutput(queue: status.queue, client: client)
            }
        default:
            output = CUPSOutput(queue: settings.queue, client: client)
        }
        let profile = printerProfile(model: settings.model, busFindings: busFindings, catalog: catalog)
        var font: RasterFont?
        do {
            font = try RasterFont()
        } catch {
            let level: Logger.Level = profile.chineseText == .none ? .error : .info
            logger.log(level: level, "No CJK font for raster text", metadata: ["error": "\(error)"])
        }
        let hall = configuration.hall
        let ticketURLs = configuration
        return TicketPrinter(
            output: output,
            setup: .init(
                profile: profile, font: font, hallName: hall.name, timeZone: hall.timeZone,
                statusURL: { ticketURLs.ticketURL(for: $0) }, jobTimeout: .seconds(settings.jobTimeoutSeconds)),
            broadcaster: broadcaster, logger: logger)
    }

    /// The rendering profile for `[printer] model`: a preset, a device file under devices/ by name, or with
    /// `auto` the one printer model on the bus a device file describes (else `chinese-80`).
    func printerProfile(model: String, busFindings: [BusFinding], catalog: DeviceCatalog?) -> PrinterProfile {
        switch model {
        case "chinese-58": return .chinese58
        case "chinese-80": return .chinese80
        case "raster-58": return .raster58
        case "international-80": return .international80
        default: break
        }
        guard let catalog else {
            logger.warning("No device catalog; printing as chinese-80", metadata: ["printer.model": "\(model)"])
            return .chinese80
        }
        let described: DeviceModel?
        if model == "auto" {
            let onBus = busFindings.compactMap(\.model).filter { $0.printer != nil }
            described = onBus.count == 1 ? onBus[0] : nil
            if onBus.count > 1 {
                logger.warning(
                    "Several printer models on the bus; set [printer] model", metadata: ["printer.models": "\(onBus.map(\.name))"])
            }
        } else {
            described = catalog.models.first { $0.name == model && $0.printer != nil }
            if described == nil {
                logger.error("No printer device file of that name; printing as chinese-80", metadata: ["printer.model": "\(model)"])
            }
        }
        guard let described, let printer = described.printer else { return .chinese80 }
        logger.notice("Printer model", metadata: ["printer.model": "\(described.name)", "printer.paper": "\(printer.summary)"])
        return Self.profile(of: printer)
    }

    /// A device file's printer facts as a rendering profile.
    static func profile(of printer: PrinterDescription) -> PrinterProfile {
        let cut: PrinterProfile.Cut =
            switch printer.cut {
            case .full: .full
            case .partial: .partial
            case .none: .none
            }
        return PrinterProfile(
            paperWidthMillimetres: printer.paperWidthMillimetres,
            dotsPerLine: printer.dotsPerLine,
            fontAColumns: printer.fontAColumns,
            chineseText: printer.chineseFont == .gb18030 ? .gb18030 : .none,
            qrCode: printer.qrCode == .native ? .native : .raster,
            cut: cut)
    }
}
