// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import DeviceCatalog
import Foundation
import Testing

struct UdevRulesTests {
    private func committedCatalog() throws -> DeviceCatalog {
        try DeviceCatalog.load(directory: Fixture.devicesDirectory)
    }

    @Test func committedRulesMatchTheDeviceFiles() throws {
        let generated = UdevRules(catalog: try committedCatalog())
        let committed = try #require(
            FileManager.default.contents(atPath: Fixture.committedRulesPath),
            "\(UdevRules.committedPath) is missing; generate it with: \(UdevRules.regenerateCommand)")
        let difference = generated.difference(from: String(decoding: committed, as: UTF8.self))
        #expect(
            difference == nil,
            """
            \(UdevRules.committedPath) differs from what devices/ generates (- committed, + generated):
            \(difference ?? "")
            Regenerate it with: \(UdevRules.regenerateCommand)
            """)
    }

    @Test func generationIsDeterministicAndSortedByFileName() throws {
        let catalog = try committedCatalog()
        let shuffled = try DeviceCatalog(models: catalog.models.reversed())
        #expect(UdevRules(catalog: shuffled).text == UdevRules(catalog: catalog).text)
        let text = UdevRules(catalog: catalog).text
        let files = text.split(separator: "\n").filter { $0.hasPrefix("# reader-") || $0.hasPrefix("# printer-") }
            .map { $0.prefix { $0 != ":" } }
        let usbFiles = catalog.models.filter { if case .usb = $0.connection { true } else { false } }
        let usblpFiles = catalog.models.filter { if case .usblp = $0.connection { true } else { false } }
        let serialFiles = catalog.models.filter { if case .serial = $0.connection { true } else { false } }
        #expect(files.map(String.init) == (usbFiles + usblpFiles + serialFiles).map { "# " + $0.fileName })
        #expect(files.count == catalog.models.count)
    }

    @Test func rulesHaveTheHeaderGuardAndOneLinePerDevice() throws {
        let text = UdevRules(catalog: try committedCatalog()).text
        #expect(text.contains("DO NOT EDIT BY HAND"))
        #expect(text.contains(UdevRules.regenerateCommand))
        #expect(text.contains("\nACTION==\"remove\", GOTO=\"kioskd_end\"\n"))
        #expect(!text.contains("ACTION!="))
        #expect(text.hasSuffix("LABEL=\"kioskd_end\"\n"))
        #expect(
            text.contains(
                "\nATTR{idVendor}==\"0400\", ATTR{idProduct}==\"c35a\", GROUP=\"kioskd\", MODE=\"0660\", "
                    + "ENV{KIOSKD_DEVICE}=\"reader-0400-c35a\"\n"))
        #expect(
            text.contains(
                "\nATTRS{idVendor}==\"1a86\", ATTRS{idProduct}==\"7523\", GROUP=\"kioskd\", MODE=\"0660\", "
                    + "SYMLINK+=\"kioskd/reader-1a86-7523-%n\", ENV{KIOSKD_DEVICE}=\"reader-1a86-7523\"\n"))
        #expect(
            text.contains(
                "\nSUBSYSTEM!=\"usbmisc\", GOTO=\"kioskd_usblp_end\"\nKERNEL!=\"lp[0-9]*\", GOTO=\"kioskd_usblp_end\"\n"))
        #expect(
            text.contains(
                "\nATTRS{idVendor}==\"0416\", ATTRS{idProduct}==\"5011\", GROUP=\"kioskd\", MODE=\"0660\", "
                    + "SYMLINK+=\"kioskd/printer-0416-5011\", ENV{KIOSKD_DEVICE}=\"printer-0416-5011\"\n"))
        // A shared id gets one rule naming every file, after a comment line for each.
        let shared = text.split(separator: "\n").filter { $0.contains("0fe6") }
        #expect(shared.count == 3, "\(shared)")
        #expect(
            shared.last.map(String.init)
                == "ATTRS{idVendor}==\"0fe6\", ATTRS{idProduct}==\"811e\", GROUP=\"kioskd\", MODE=\"0660\", "
                + "SYMLINK+=\"kioskd/printer-0fe6-811e\", ENV{KIOSKD_DEVICE}=\"printer-0fe6-811e-58mm,printer-0fe6-811e-80mm\"")
        // Lower-case hex only in matches (CCID commit d9ac8c4: sysfs writes lower case).
        for line in text.split(separator: "\n") where line.hasPrefix("ATTR") {
            let ids = line.split(separator: "\"").enumerated().filter { $0.offset == 1 || $0.offset == 3 }
            for (_, id) in ids {
                #expect(id.count == 4 && id.lowercased() == id, "not lower-case hex: \(id) in \(line)")
            }
        }
    }

    @Test func differenceShowsNumberedLines() throws {
        let rules = UdevRules(catalog: try committedCatalog())
        #expect(rules.difference(from: rules.text) == nil)
        var edited = rules.text
        let firstMode = try #require(edited.range(of: "MODE=\"0660\""))
        edited.replaceSubrange(firstMode, with: "MODE=\"0666\"")
        let difference = try #require(rules.difference(from: edited))
        let lines = difference.split(separator: "\n")
        #expect(lines.count == 2, "one rule changed: \(difference)")
        #expect(lines.allSatisfy { $0.hasPrefix("- ") || $0.hasPrefix("+ ") })
        #expect(lines.contains { $0.hasPrefix("- 14: ATTR{idVendor}==\"04b8\"") && $0.contains("MODE=\"0666\"") })
        #expect(lines.contains { $0.hasPrefix("+ 14: ATTR{idVendor}==\"04b8\"") && $0.contains("MODE=\"0660\"") })
        let inserted = rules.text.replacingOccurrences(
            of: "LABEL=\"kioskd_usb_end\"", with: "FOO=\"x\"\nLABEL=\"kioskd_usb_end\"")
        #expect(rules.difference(from: inserted) == "- 19: FOO=\"x\"")
    }

    @Test(
        .enabled(if: UdevSandbox.hasVerify || UdevSandbox.canSandbox, "needs udevadm verify, or root and unshare"))
    func udevadmAcceptsTheCommittedRules() throws {
        if UdevSandbox.hasVerify {
            let result = UdevSandbox.verify(Fixture.committedRulesPath)
            #expect(result.status == 0, "udevadm verify:\n\(result.output)")
            return
        }
        // systemd < 254: parse by loading the file in a sandboxed `udevadm test`; every diagnostic about the
        // file must be a rule being applied, or the kioskd group missing on this machine.
        let committed = try String(contentsOfFile: Fixture.committedRulesPath, encoding: .utf8)
        let outputs = try UdevSandbox.test(
            rules: committed, devices: [.init(name: "reader", vendorID: "0400", productID: "c35a", tty: nil)])
        let output = try #require(outputs["reader"])
        #expect(output.contains("Reading rules file: /run/udev/rules.d/70-kioskd.rules"), "\(output)")
        for line in output.split(separator: "\n") where line.contains("70-kioskd.rules:") {
            let applied = [" GROUP ", " MODE ", " LINK "].contains { line.contains($0) }
            let noGroup = line.hasSuffix("Unknown group 'kioskd', ignoring")
            #expect(applied || noGroup, "udevadm: \(line)")
        }
    }

    @Test(.enabled(if: UdevSandbox.canSandbox, "needs root, unshare and udevadm"))
    func udevGivesReadersAndPrintersToTheGroupAndNamesTTYAndUsblpOnes() throws {
        // The group must exist for udev to apply it; root does everywhere.
        let rules = UdevRules(catalog: try committedCatalog(), group: "root").text
        let outputs = try UdevSandbox.test(
            rules: rules,
            devices: [
                .init(name: "sam", vendorID: "0400", productID: "c35a", tty: nil),
                .init(name: "bridge", vendorID: "1a86", productID: "7523", tty: "ttyUSB0"),
                .init(name: "keyboard", vendorID: "1234", productID: "abcd", tty: nil),
                .init(name: "unknown-bridge", vendorID: "0403", productID: "6001", tty: "ttyUSB1"),
                .init(name: "pos58", vendorID: "0416", productID: "5011", tty: nil, usblp: "lp0"),
                .init(name: "xprinter", vendorID: "0fe6", productID: "811e", tty: nil, usblp: "lp1"),
                .init(name: "cdc-printer", vendorID: "0483", productID: "5740", tty: "ttyACM0"),
                .init(name: "unknown-printer", vendorID: "1fc9", productID: "2016", tty: nil, usblp: "lp2"),
            ])
        let sam = try #require(outputs["sam"])
        let samLines = sam.split(separator: "\n").filter { $0.contains("70-kioskd.rules:") }
        #expect(samLines.contains { $0.hasSuffix(" GROUP 0") }, "\(sam)")
        #expect(samLines.contains { $0.hasSuffix(" MODE 0660") }, "\(sam)")
        #expect(sam.contains("KIOSKD_DEVICE=reader-0400-c35a"), "\(sam)")
        let bridge = try #require(outputs["bridge"])
        #expect(bridge.contains("LINK 'kioskd/reader-1a86-7523-0'"), "\(bridge)")
        #expect(bridge.contains("DEVLINKS=/dev/kioskd/reader-1a86-7523-0"), "\(bridge)")
        #expect(bridge.contains("KIOSKD_DEVICE=reader-1a86-7523"), "\(bridge)")
        let pos58 = try #require(outputs["pos58"])
        let pos58Lines = pos58.split(separator: "\n").filter { $0.contains("70-kioskd.rules:") }
        #expect(pos58Lines.contains { $0.hasSuffix(" GROUP 0") }, "\(pos58)")
        #expect(pos58Lines.contains { $0.hasSuffix(" MODE 0660") }, "\(pos58)")
        #expect(pos58.contains("DEVLINKS=/dev/kioskd/printer-0416-5011"), "\(pos58)")
        #expect(pos58.contains("KIOSKD_DEVICE=printer-0416-5011"), "\(pos58)")
        let xprinter = try #require(outputs["xprinter"])
        #expect(xprinter.contains("DEVLINKS=/dev/kioskd/printer-0fe6-811e"), "\(xprinter)")
        #expect(xprinter.contains("KIOSKD_DEVICE=printer-0fe6-811e-58mm,printer-0fe6-811e-80mm"), "\(xprinter)")
        let cdc = try #require(outputs["cdc-printer"])
        #expect(cdc.contains("DEVLINKS=/dev/kioskd/printer-0483-5740"), "\(cdc)")
        #expect(cdc.contains("KIOSKD_DEVICE=printer-0483-5740-58mm"), "\(cdc)")
        for name in ["keyboard", "unknown-bridge", "unknown-printer"] {
            let output = try #require(outputs[name])
            #expect(!output.contains("KIOSKD_DEVICE"), "\(name): \(output)")
            #expect(!output.contains("70-kioskd.rules:"), "\(name): \(output)")
        }
    }
}
