// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension PrivateCUPS {
    /// `cupsd.conf`: loopback only, no browsing, no web interface, no authentication, fast retries.
    static func cupsdConfiguration(port: Int) -> String {
        """
        Listen 127.0.0.1:\(port)
        Browsing Off
        BrowseLocalProtocols none
        DefaultAuthType None
        WebInterface No
        LogLevel debug
        MaxLogSize 0
        JobRetryInterval \(retryIntervalSeconds)
        JobRetryLimit 100
        PreserveJobHistory Yes
        <Location />
          Order allow,deny
          Allow from 127.0.0.1
        </Location>
        <Policy default>
          <Limit All>
            Order deny,allow
          </Limit>
        </Policy>

        """
    }

    /// `cups-files.conf`: every directory under the temporary root; no `User` (cupsd runs as root).
    static func filesConfiguration(root: String) -> String {
        """
        ServerRoot \(root)/etc
        StateDir \(root)/state
        CacheDir \(root)/cache
        RequestRoot \(root)/spool
        TempDir \(root)/spool/tmp
        ServerBin \(root)/bin
        DataDir /usr/share/cups
        DocumentRoot /usr/share/cups/doc-root
        AccessLog \(root)/log/access_log
        ErrorLog \(root)/log/error_log
        PageLog \(root)/log/page_log
        Printcap \(root)/printcap
        Sandboxing Relaxed
        SystemGroup root

        """
    }

    /// The capture backend: keeps each job as `out/NAME/job-ID.bin`, and its device URI as `job-ID.uri`, where
    /// NAME is the URI's last path component without its query (`capture:/receipt58` → `receipt58`,
    /// `kioskd:/dev/usb/lp0?status=dle-eot` → `lp0`).
    ///
    /// `out/NAME/FAULT` holding `paper-out` makes it report paper out and exit RETRY (6), `paper-out-stop`
    /// the same with STOP (4), `slow` makes it wait up to 15 s before taking the job.
    static func captureBackend(output: String) -> String {
        """
        #!/bin/sh
        # kioskd test capture backend (man 7 backend).
        out='\(output)'
        if [ $# -eq 0 ]; then echo 'direct capture "Unknown" "kioskd test capture"'; exit 0; fi
        name="${DEVICE_URI#*:}"; name="${name%%[?]*}"; name="${name##*/}"
        dir="$out/$name"; mkdir -p "$dir"
        fault="$(cat "$dir/FAULT" 2>/dev/null)"
        case "$fault" in
          paper-out) echo 'STATE: +media-empty-error' >&2; echo 'ERROR: Paper out' >&2; exit 6;;
          paper-out-stop) echo 'STATE: +media-empty-error' >&2; echo 'ERROR: Paper out' >&2; exit 4;;
          slow) i=0; while [ $i -lt 150 ] && [ -e "$dir/FAULT" ]; do sleep 0.1; i=$((i+1)); done;;
        esac
        if [ $# -ge 6 ]; then cat "$6" > "$dir/job-$1.tmp"; else cat > "$dir/job-$1.tmp"; fi
        printf '%s' "$DEVICE_URI" > "$dir/job-$1.uri"
        mv "$dir/job-$1.tmp" "$dir/job-$1.bin"
        echo 'STATE: -media-empty-error,offline-report' >&2
        echo 'INFO: Ready' >&2
        exit 0

        """
    }
}
