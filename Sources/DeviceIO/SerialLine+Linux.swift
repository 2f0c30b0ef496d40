// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// Opening and configuring a tty through termios: USB-serial readers and printers, RS-232, pty slaves.
///
/// These calls block briefly (`open`, `tcsetattr`); run them on a link's queue (``DescriptorLink/run(on:_:)``).
public enum SerialLine {
    /// Opens a tty with ``DeviceFile/open(path:)`` (`O_NOCTTY | O_NONBLOCK`, an exclusive `flock`) and
    /// applies raw mode and the settings (see ``configure(_:path:settings:)``).
    /// - Parameters:
    ///   - path: The device path, e.g. `/dev/ttyUSB0`.
    ///   - settings: The line settings.
    /// - Returns: The open descriptor, owned by the caller.
    /// - Throws: ``DeviceIOError/Code/openFailed`` (missing device, no permission, in use, not a tty,
    ///   unsupported speed).
    public static func open(path: String, settings: SerialSettings) throws(DeviceIOError) -> CInt {
        let descriptor = try DeviceFile.open(path: path)
        do throws(DeviceIOError) {
            try configure(descriptor, path: path, settings: settings)
            return descriptor
        } catch {
            _ = Glibc.close(descriptor)
            throw error
        }
    }

    /// Puts an open tty in raw mode through `cfmakeraw`, with the speed and framing, no flow control,
    /// `VMIN = VTIME = 0`, and drops stale input and output.
    /// - Parameters:
    ///   - descriptor: An open tty descriptor.
    ///   - path: The device path, for error contexts.
    ///   - settings: The line settings.
    /// - Throws: ``DeviceIOError/Code/openFailed`` when the descriptor is not a tty or the speed is unsupported.
    public static func configure(_ descriptor: CInt, path: String, settings: SerialSettings) throws(DeviceIOError) {
        var options = termios()
        guard tcgetattr(descriptor, &options) == 0 else {
            throw DeviceIOError(.openFailed, "\(path): not a terminal (errno \(errno))")
        }
        cfmakeraw(&options)
        guard let speed = speed(settings.baudRate) else {
            throw DeviceIOError(.openFailed, "\(path): unsupported baud rate \(settings.baudRate)")
        }
        guard cfsetispeed(&options, speed) == 0, cfsetospeed(&options, speed) == 0 else {
            throw DeviceIOError(.openFailed, "\(path): cannot set \(settings.baudRate) baud (errno \(errno))")
        }
        options.c_cflag &= ~tcflag_t(CSIZE | PARENB | PARODD | CSTOPB)
        options.c_cflag &= ~tcflag_t(CRTSCTS)
        options.c_cflag |= tcflag_t(CLOCAL | CREAD)
        options.c_cflag |= tcflag_t(settings.dataBits == 7 ? CS7 : CS8)
        switch settings.parity {
        case .none: break
        case .even: options.c_cflag |= tcflag_t(PARENB)
        case .odd: options.c_cflag |= tcflag_t(PARENB | PARODD)
        }
        if settings.stopBits == 2 { options.c_cflag |= tcflag_t(CSTOPB) }
        withUnsafeMutableBytes(of: &options.c_cc) { controls in
            controls[Int(VMIN)] = 0
            controls[Int(VTIME)] = 0
        }
        guard tcsetattr(descriptor, TCSANOW, &options) == 0 else {
            throw DeviceIOError(.openFailed, "\(path): tcsetattr: errno \(errno)")
        }
        _ = tcflush(descriptor, TCIOFLUSH)
    }

    private static func speed(_ baudRate: Int) -> speed_t? {
        switch baudRate {
        case 9600: speed_t(B9600)
        case 19200: speed_t(B19200)
        case 38400: speed_t(B38400)
        case 57600: speed_t(B57600)
        case 115_200: speed_t(B115200)
        case 230_400: speed_t(B230400)
        default: nil
        }
    }
}
