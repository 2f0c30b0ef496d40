# kioskd — self-service kiosk and queue-ticket daemon
# SPDX-License-Identifier: Apache-2.0
#
#   make run      start the daemon with the built-in demo hall (CONFIG=path for your own file)
#   make test     build everything with warnings as errors, run every suite, verify the systemd unit
#   make bench    run the benchmarks in Benchmarks/ and print the ratio report
#   make install  install the release binary, its resources, the CUPS backend, the systemd unit and a starting config
#
# Every target installs the Debian packages it needs first (`make deps`; as root, or through sudo).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build
# The targets call each other through prerequisites; never run two SwiftPM builds at once.
.NOTPARALLEL:

SWIFT ?= swift
# Flags for `swift build`; the same for build, run and test so switching between them rebuilds nothing.
SWIFT_BUILD_FLAGS ?= -Xswiftc -warnings-as-errors
# Extra flags for `swift test`, e.g. SWIFT_TEST_FLAGS='--filter QueueTests'.
SWIFT_TEST_FLAGS ?=
# A TOML configuration file for `make run`; empty means the built-in demo hall.
CONFIG ?=

# Debian packages the build, the tests and the tools need. An entry `package:command` is installed
# only when `command` is missing (systemd in a container, for systemd-analyze); any other entry
# when `dpkg -s` does not report it installed.
#   libsqlite3-dev   SQLite headers for GRDB
#   postgresql-15    the central server's database; the tests start private clusters with its initdb
#   libusb-1.0-0-dev USB ID-card readers; libumockdev-dev, umockdev: an emulated usbdevfs for their tests
#   libcups2-dev, cups-daemon, cups-client, cups, cups-ipp-utils   printing through CUPS; a private cupsd in tests
#   libqrencode-dev, libfreetype-dev   QR codes and raster CJK text on tickets; libpng-dev ticket pictures in
#                    tests, zbar-tools (zbarimg) reads their QR codes back
#   chromium, fonts-noto-cjk   headless page screenshots in the tests, with Chinese glyphs
#   tmux             terminal-session tests
#   systemd          `systemd-analyze verify` of systemd/kioskd.service
#   pkg-config, curl build helpers and manual API calls
DEB_PACKAGES := libsqlite3-dev postgresql-15 libusb-1.0-0-dev libumockdev-dev umockdev libcups2-dev cups-daemon cups-client cups cups-ipp-utils libqrencode-dev libfreetype-dev libpng-dev zbar-tools chromium fonts-noto-cjk tmux systemd:systemd-analyze pkg-config curl

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_GET := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get \
	-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
UNITDIR ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
CONFDIR ?= /etc/kioskd
CUPSBACKENDDIR ?= /usr/lib/cups/backend

# Which kioskd build the HTTP benchmarks start (release, to compare like with like).
BENCH_KIOSKD_CONFIGURATION ?= release
# Extra flags for the benchmark run, e.g. BENCH_FLAGS='--filter Queue:.*'.
BENCH_FLAGS ?=
BENCH_BASELINE := current
BENCH_EXPORT := $(CURDIR)/Benchmarks/.build/kioskd-bench-results

.PHONY: deps build run test verify-unit pii-scan bench install clean

deps:
	@missing=(); \
	for entry in $(DEB_PACKAGES); do \
		package=$${entry%%:*}; \
		if [[ $$entry == *:* ]]; then \
			command -v "$${entry#*:}" >/dev/null 2>&1 && continue; \
		else \
			dpkg -s "$$package" 2>/dev/null | grep -q '^Status: install ok installed' && continue; \
		fi; \
		missing+=("$$package"); \
	done; \
	if (( $${#missing[@]} == 0 )); then \
		echo "deps: all Debian packages present"; \
	else \
		echo "deps: installing $${missing[*]}"; \
		$(APT_GET) update; \
		$(APT_GET) install -y --no-install-recommends "$${missing[@]}"; \
	fi

build: deps
	$(SWIFT) build --build-tests $(SWIFT_BUILD_FLAGS)

run: build
	$(SWIFT) run --skip-build kioskd run $(if $(CONFIG),--config "$(CONFIG)")

# Integration tests start .build/debug/kioskd themselves, hence the full build first.
# A second pass then scans everything the first pass's scenarios wrote for test card data in clear.
test: build
	@mkdir -p .build; rm -rf .build/test-output/runs; \
	status=0; \
	$(SWIFT) test --skip-build --skip PersonalDataScanTests $(SWIFT_TEST_FLAGS) 2>&1 | tee .build/test-output.log || status=$$?; \
	echo; \
	echo "== Test summary =="; \
	grep -E 'Executed [0-9]+ tests?|Test run with [0-9]+ tests?|tests? failed|error: ' .build/test-output.log | tail -n 20 || true; \
	if (( status != 0 )); then echo "make test: swift test failed (exit $$status)"; exit "$$status"; fi
	@$(MAKE) --no-print-directory pii-scan verify-unit

# The suite-wide personal-data scan over .build/test-output/runs (see Tests/IntegrationTests/PersonalDataScanTests.swift).
pii-scan:
	@KIOSKD_PII_SCAN=1 $(SWIFT) test --skip-build --filter PersonalDataScanTests 2>&1 | tee .build/pii-scan.log | tail -n 5
	@grep -q 'Test run with 1 test' .build/pii-scan.log || { echo "pii-scan: the scan did not run"; exit 1; }

# Checks the unit offline; verify wants ExecStart's binary to exist, so a copy points at the debug build.
verify-unit:
	@if ! command -v systemd-analyze >/dev/null 2>&1; then \
		echo "verify-unit: systemd-analyze not installed, skipped"; exit 0; \
	fi; \
	test -x .build/debug/kioskd || { echo "verify-unit: .build/debug/kioskd missing (make build)"; exit 1; }; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	sed 's|^ExecStart=/usr/local/bin/kioskd |ExecStart=$(CURDIR)/.build/debug/kioskd |' systemd/kioskd.service > "$$tmp/kioskd.service"; \
	systemd-analyze verify --man=no "$$tmp/kioskd.service"; \
	echo "verify-unit: systemd/kioskd.service OK"

bench: deps
	$(SWIFT) build -c $(BENCH_KIOSKD_CONFIGURATION) --product kioskd
	cd Benchmarks && KIOSKD_BINARY="$(CURDIR)/.build/$(BENCH_KIOSKD_CONFIGURATION)/kioskd" \
		$(SWIFT) package --allow-writing-to-package-directory benchmark \
		baseline update $(BENCH_BASELINE) --no-progress $(BENCH_FLAGS)
	cd Benchmarks && $(SWIFT) package benchmark baseline read $(BENCH_BASELINE)
	rm -rf "$(BENCH_EXPORT)"
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark \
		baseline read $(BENCH_BASELINE) --format histogramPercentiles --path "$(BENCH_EXPORT)" --quiet >/dev/null
	Benchmarks/ratios.sh "$(BENCH_EXPORT)"

# Bundle.module on Linux looks for <package>_<target>.resources beside the executable.
install: deps
	$(SWIFT) build -c release --product kioskd
	$(SWIFT) build -c release --product kioskd-cups-backend
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(UNITDIR)" "$(DESTDIR)$(SYSUSERSDIR)" "$(DESTDIR)$(CUPSBACKENDDIR)"
	install -m 0755 .build/release/kioskd "$(DESTDIR)$(BINDIR)/kioskd"
	@# Root-owned and 0700: cupsd runs such a backend as root (backend(7)), so it may open the printer node.
	install -m 0700 .build/release/kioskd-cups-backend "$(DESTDIR)$(CUPSBACKENDDIR)/kioskd"
	@for bundle in .build/release/*.resources; do \
		[[ -d $$bundle ]] || continue; \
		rm -rf "$(DESTDIR)$(BINDIR)/$${bundle##*/}"; \
		cp -R "$$bundle" "$(DESTDIR)$(BINDIR)/"; \
		chmod -R u=rwX,go=rX "$(DESTDIR)$(BINDIR)/$${bundle##*/}"; \
		echo "installed $(DESTDIR)$(BINDIR)/$${bundle##*/}"; \
	done
	sed 's|^ExecStart=/usr/local/bin/kioskd |ExecStart=$(BINDIR)/kioskd |' systemd/kioskd.service > .build/kioskd.service
	install -m 0644 .build/kioskd.service "$(DESTDIR)$(UNITDIR)/kioskd.service"
	install -m 0644 systemd/kioskd.sysusers "$(DESTDIR)$(SYSUSERSDIR)/kioskd.conf"
	install -d "$(DESTDIR)/usr/share/kioskd/devices"
	install -m 0644 devices/*.toml "$(DESTDIR)/usr/share/kioskd/devices/"
	@if [[ -n "$(DESTDIR)" ]]; then \
		echo "install: DESTDIR set: the kioskd user, $(CONFDIR)/kioskd.toml and daemon-reload are left to the package"; \
		exit 0; \
	fi; \
	if command -v systemd-sysusers >/dev/null 2>&1; then \
		systemd-sysusers "$(SYSUSERSDIR)/kioskd.conf"; \
	elif ! getent passwd kioskd >/dev/null; then \
		adduser --system --group --home /var/lib/kioskd --no-create-home --gecos "kioskd daemon" kioskd; \
	fi; \
	install -d -m 0750 -o root -g kioskd "$(CONFDIR)"; \
	if [[ -e "$(CONFDIR)/kioskd.toml" ]]; then \
		echo "install: keeping the existing $(CONFDIR)/kioskd.toml"; \
	else \
		tmp=$$(mktemp); trap 'rm -f "$$tmp"' EXIT; \
		"$(BINDIR)/kioskd" config example > "$$tmp"; \
		install -m 0640 -o root -g kioskd "$$tmp" "$(CONFDIR)/kioskd.toml"; \
		echo "install: wrote $(CONFDIR)/kioskd.toml (the demo hall: edit it, replace the demo tokens)"; \
	fi; \
	if [[ -d /run/systemd/system ]]; then systemctl daemon-reload; fi

clean:
	$(SWIFT) package clean
	rm -rf Benchmarks/.build Benchmarks/.benchmarkBaselines .build/test-output.log

# libFuzzer over the frame decoder and the text decoder, FUZZ_SECONDS each. Fuzz/ is its own package, so
# the daemon's build never needs the fuzzer runtime. Seeds are the test vectors in Fuzz/Corpus/<target>;
# what the fuzzer learns goes to Fuzz/.build/corpus/<target>, a crashing input to Fuzz/.build/fuzz-artifacts/.
# SWIFT_BACKTRACE=enable=no leaves crashes to libFuzzer's handler (Swift's backtracer would hold the pipe).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := FuzzFrameDecoder FuzzTextDecoder
FUZZ_BUILD_FLAGS := -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

.PHONY: fuzz
fuzz:
	cd Fuzz && $(SWIFT) build $(FUZZ_BUILD_FLAGS)
	@bin=$$(cd Fuzz && $(SWIFT) build $(FUZZ_BUILD_FLAGS) --show-bin-path); \
	mkdir -p Fuzz/.build/fuzz-artifacts; \
	for target in $(FUZZ_TARGETS); do \
		mkdir -p "Fuzz/.build/corpus/$$target"; \
		echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
		SWIFT_BACKTRACE=enable=no "$$bin/$$target" -max_total_time=$(FUZZ_SECONDS) -max_len=8300 \
			-print_final_stats=1 -artifact_prefix="Fuzz/.build/fuzz-artifacts/$$target-" \
			"Fuzz/.build/corpus/$$target" "Fuzz/Corpus/$$target" 2>&1 | grep -v '^#[0-9]'; \
		echo "fuzz: $$target found nothing"; \
	done
