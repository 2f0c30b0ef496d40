# kioskd — self-service kiosk and queue-ticket daemon
# SPDX-License-Identifier: Apache-2.0
#
#   make run      start the daemon with the built-in demo hall (CONFIG=path for your own file)
#   make run CENTRAL=local   the same, syncing with a local central server (PostgreSQL and kiosk-central under var/central)
#   make test     build everything with warnings as errors, run every suite, verify the systemd unit
#   make bench    run the benchmarks in Benchmarks/ and print the ratio report
#   make install  install the release binaries, their resources, the CUPS backend, the systemd units and starting configs
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
# `local`: `make run` also runs a central server on this machine and syncs the daemon with it.
CENTRAL ?=
ifneq ($(filter-out local,$(CENTRAL)),)
$(error CENTRAL=$(CENTRAL): the only value is local, as in `make run CENTRAL=local`)
endif

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
#   xvfb, xterm, imagemagick, fonts-dejavu-core   pictures of the touchscreen menu in the tests (xterm on Xvfb with
#                    the kiosk's fonts, `import` saves the PNG)
#   xinit            `systemd-analyze verify` of systemd/kioskd-menu.service (its ExecStart); the kiosk screen
#                    itself also needs xserver-xorg-core and xserver-xorg-input-libinput (README, "The kiosk screen")
#   systemd          `systemd-analyze verify` of systemd/kioskd.service
#   pkg-config, curl build helpers and manual API calls
DEB_PACKAGES := libsqlite3-dev postgresql-15 libusb-1.0-0-dev libumockdev-dev umockdev libcups2-dev cups-daemon cups-client cups cups-ipp-utils libqrencode-dev libfreetype-dev libpng-dev zbar-tools chromium fonts-noto-cjk tmux xvfb xterm imagemagick fonts-dejavu-core xinit systemd:systemd-analyze pkg-config curl

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
CENTRAL_CONFDIR ?= /etc/kiosk-central

# The local central server of `make run CENTRAL=local`: its private PostgreSQL 15 cluster (under
# $(CENTRAL_DIR)/postgres, socket there, TCP on 127.0.0.1:$(CENTRAL_PG_PORT)), its data key and log; kiosk-central
# listens on 127.0.0.1:$(CENTRAL_PORT); the daemon is enrolled in point $(CENTRAL_POINT) with $(DEVICE_IDENTITY).
CENTRAL_DIR ?= $(CURDIR)/var/central
CENTRAL_PG_PORT ?= 54320
CENTRAL_PORT ?= 8443
CENTRAL_POINT ?= demo-0001
DEVICE_IDENTITY ?= var/device-identity.json
PG_BINDIR ?= /usr/lib/postgresql/15/bin
# PostgreSQL refuses to run as root: then its server commands run as the postgres user.
PG_AS_OWNER := $(shell [ "$$(id -u)" = 0 ] && echo runuser -u postgres --)

# Which kioskd build the HTTP benchmarks start (release, to compare like with like).
BENCH_KIOSKD_CONFIGURATION ?= release
# Extra flags for the benchmark run, e.g. BENCH_FLAGS='--filter Queue:.*'.
BENCH_FLAGS ?=
BENCH_BASELINE := current
BENCH_EXPORT := $(CURDIR)/Benchmarks/.build/kioskd-bench-results

.PHONY: deps build run central-db central-db-stop test verify-unit pii-scan bench install clean

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

run: build $(if $(filter local,$(CENTRAL)),central-db)
ifeq ($(CENTRAL),local)
	@# Everything runs in the background and the shell waits, so Ctrl-C (or a SIGTERM to make) reaches the
	@# trap at once; on the way out the daemon, kiosk-central and the cluster stop, in that order (kiosk-central
	@# runs in its own session, so the terminal's SIGINT does not stop it before the daemon's last push).
	@bin=$$($(SWIFT) build --show-bin-path $(SWIFT_BUILD_FLAGS)); \
	export PGHOST="$(CENTRAL_DIR)/postgres" PGPORT=$(CENTRAL_PG_PORT) PGUSER=kiosk-central PGDATABASE=kiosk-central; \
	central() { "$$bin/kiosk-central" "$$@" --data-key "$(CENTRAL_DIR)/data.key"; }; \
	stop_process() { \
		kill -0 "$$1" 2>/dev/null || return 0; \
		echo "run: stopping $$2"; kill -TERM "$$1" 2>/dev/null || true; \
		for _ in {1..300}; do kill -0 "$$1" 2>/dev/null || return 0; sleep 0.1; done; \
		echo "run: $$2 did not stop within 30 s: killing it"; kill -KILL "$$1" 2>/dev/null || true; \
	}; \
	kioskd_pid=; central_pid=; \
	trap '[[ -z $$kioskd_pid ]] || stop_process $$kioskd_pid kioskd; \
		[[ -z $$central_pid ]] || stop_process $$central_pid kiosk-central; \
		$(MAKE) --no-print-directory central-db-stop' EXIT; \
	trap 'exit 130' INT; trap 'exit 143' TERM HUP; \
	server=http://127.0.0.1:$(CENTRAL_PORT); \
	if (exec 3<>/dev/tcp/127.0.0.1/$(CENTRAL_PORT)) 2>/dev/null; then \
		echo "run: 127.0.0.1:$(CENTRAL_PORT) is taken; choose another port with CENTRAL_PORT=…"; exit 1; \
	fi; \
	central migrate; \
	central point add $(CENTRAL_POINT) 示范区政务服务中心; \
	"$$bin/kioskd" config demo-catalogue > "$(CENTRAL_DIR)/demo-catalogue.json"; \
	central catalogue import "$(CENTRAL_DIR)/demo-catalogue.json"; \
	echo "run: starting kiosk-central on $$server (log: $(CENTRAL_DIR)/central.log)"; \
	setsid "$$bin/kiosk-central" run --host 127.0.0.1 --port $(CENTRAL_PORT) --data-key "$(CENTRAL_DIR)/data.key" \
		--log-level info >>"$(CENTRAL_DIR)/central.log" 2>&1 & central_pid=$$!; \
	for (( tries = 0; ; tries++ )); do \
		(exec 3<>/dev/tcp/127.0.0.1/$(CENTRAL_PORT)) 2>/dev/null && break; \
		if ! kill -0 $$central_pid 2>/dev/null || (( tries == 600 )); then \
			echo "run: kiosk-central did not start listening; the end of its log:"; \
			tail -n 20 "$(CENTRAL_DIR)/central.log"; exit 1; \
		fi; \
		sleep 0.1; \
	done; \
	devices=$$(central devices | tail -n +2); \
	if [[ -e $(DEVICE_IDENTITY) && -z $$devices ]]; then \
		echo "run: $(DEVICE_IDENTITY) is from a central server that is gone (this one has no devices):" \
			"moved to $(DEVICE_IDENTITY).previous, enrolling again"; \
		mv -f $(DEVICE_IDENTITY) $(DEVICE_IDENTITY).previous; \
		if [[ -z "$(CONFIG)" && -e var/kioskd.sqlite ]]; then \
			echo "run: var/kioskd.sqlite pushed as that device (the server numbers each device's cases):" \
				"moved to var/kioskd.sqlite.previous"; \
			for file in var/kioskd.sqlite var/kioskd.sqlite-wal var/kioskd.sqlite-shm; do \
				[[ -e $$file ]] && mv -f $$file $$file.previous; \
			done; \
		fi; \
	fi; \
	if [[ ! -e $(DEVICE_IDENTITY) ]]; then \
		echo "run: enrolling this kiosk in point $(CENTRAL_POINT)"; \
		code=$$(central enroll-code $(CENTRAL_POINT) --valid-hours 1); \
		"$$bin/kioskd" enroll --server "$$server" --code "$$code" --identity $(DEVICE_IDENTITY) --label "make run"; \
	fi; \
	echo "run: starting kioskd, syncing with $$server (Ctrl-C stops it, kiosk-central and PostgreSQL)"; \
	"$$bin/kioskd" run --sync-server "$$server" --device-identity $(DEVICE_IDENTITY) \
		$(if $(CONFIG),--config "$(CONFIG)") & kioskd_pid=$$!; \
	wait $$kioskd_pid
else
	$(SWIFT) run --skip-build kioskd run $(if $(CONFIG),--config "$(CONFIG)")
endif

# The local central server's PostgreSQL 15 cluster in $(CENTRAL_DIR)/postgres: created once (owned by postgres
# when make runs as root; trust authentication, on its unix socket there and 127.0.0.1 only), started unless it
# runs, with the kiosk-central role and database. Reusable for kiosk-central commands by hand (see README).
# The server outlives make, so it gets none of the descriptors make inherited beyond 0–2 (a caller waiting for
# one of them to close, as Foundation's Process does for its child, would otherwise wait for the server).
central-db:
	@pg="$(CENTRAL_DIR)/postgres"; socket="$$pg/.s.PGSQL.$(CENTRAL_PG_PORT)"; \
	if (( $${#socket} > 107 )); then \
		echo "central-db: $$socket is too long for a unix socket (107 bytes at most); set CENTRAL_DIR=…"; exit 1; \
	fi; \
	if [[ ! -x $(PG_BINDIR)/initdb ]]; then \
		echo "central-db: $(PG_BINDIR)/initdb is missing (make deps installs postgresql-15)"; exit 1; \
	fi; \
	mkdir -p "$(CENTRAL_DIR)"; \
	if [[ ! -e $$pg/data/PG_VERSION ]]; then \
		install -d -m 0700 $(if $(PG_AS_OWNER),-o postgres -g postgres) "$$pg"; \
		if ! $(PG_AS_OWNER) test -w "$$pg"; then \
			echo "central-db: the postgres user cannot reach $$pg (each parent directory must be searchable); set CENTRAL_DIR=…"; \
			exit 1; \
		fi; \
		echo "central-db: creating a PostgreSQL 15 cluster in $$pg/data"; \
		$(PG_AS_OWNER) $(PG_BINDIR)/initdb -D "$$pg/data" -U postgres --auth=trust --encoding=UTF8 --locale=C \
			>"$(CENTRAL_DIR)/initdb.log" 2>&1 || { cat "$(CENTRAL_DIR)/initdb.log"; exit 1; }; \
	fi; \
	if $(PG_AS_OWNER) $(PG_BINDIR)/pg_ctl status -D "$$pg/data" >/dev/null; then \
		echo "central-db: PostgreSQL already runs in $$pg"; \
	else \
		( for fd in /proc/$$BASHPID/fd/*; do fd=$${fd##*/}; if (( fd > 2 )); then eval "exec $$fd>&-"; fi; done; \
		exec $(PG_AS_OWNER) $(PG_BINDIR)/pg_ctl start -D "$$pg/data" -s -w -t 60 -l "$$pg/server.log" \
			-o "-p $(CENTRAL_PG_PORT) -k '$$pg' -c listen_addresses=127.0.0.1" ) \
			|| { echo "central-db: PostgreSQL did not start (is port $(CENTRAL_PG_PORT) taken? CENTRAL_PG_PORT=…):"; \
				tail -n 5 "$$pg/server.log"; exit 1; }; \
		echo "central-db: PostgreSQL 15 listens on $$socket and 127.0.0.1:$(CENTRAL_PG_PORT)"; \
	fi; \
	export PGHOST="$$pg" PGPORT=$(CENTRAL_PG_PORT) PGUSER=postgres; \
	exists() { [[ -n $$($(PG_BINDIR)/psql -X -A -t -d postgres -c "SELECT 1 FROM $$1 = 'kiosk-central'") ]]; }; \
	if ! exists "pg_roles WHERE rolname"; then \
		$(PG_BINDIR)/createuser kiosk-central; echo "central-db: created the role kiosk-central"; \
	fi; \
	if ! exists "pg_database WHERE datname"; then \
		$(PG_BINDIR)/createdb -O kiosk-central kiosk-central; echo "central-db: created the database kiosk-central"; \
	fi

central-db-stop:
	@pg="$(CENTRAL_DIR)/postgres"; \
	if [[ -e $$pg/data/PG_VERSION ]] && $(PG_AS_OWNER) $(PG_BINDIR)/pg_ctl status -D "$$pg/data" >/dev/null; then \
		$(PG_AS_OWNER) $(PG_BINDIR)/pg_ctl stop -D "$$pg/data" -s -m fast -w -t 60; \
		echo "central-db: PostgreSQL in $$pg stopped"; \
	else \
		echo "central-db: PostgreSQL in $$pg is not running"; \
	fi

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

# Checks the units offline; verify wants ExecStart's binary to exist, so a copy points at the debug build
# (kioskd-menu.service starts xinit, which runs the unit's program kioskd).
# verify reports a bad directive but still exits 0, so any output fails the check too.
UNITS := kioskd kiosk-central kioskd-menu
verify-unit:
	@if ! command -v systemd-analyze >/dev/null 2>&1; then \
		echo "verify-unit: systemd-analyze not installed, skipped"; exit 0; \
	fi; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	for unit in $(UNITS); do \
		program=$${unit%-menu}; \
		test -x .build/debug/$$program || { echo "verify-unit: .build/debug/$$program missing (make build)"; exit 1; }; \
		sed "s| /usr/local/bin/$$program | $(CURDIR)/.build/debug/$$program |; s|=/usr/local/bin/$$program |=$(CURDIR)/.build/debug/$$program |" \
			systemd/$$unit.service > "$$tmp/$$unit.service"; \
		if ! report=$$(systemd-analyze verify --man=no "$$tmp/$$unit.service" 2>&1) || [[ -n $$report ]]; then \
			echo "verify-unit: systemd/$$unit.service:"; echo "$$report"; exit 1; \
		fi; \
		echo "verify-unit: systemd/$$unit.service OK"; \
	done

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
	$(SWIFT) build -c release --product kiosk-central
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(UNITDIR)" "$(DESTDIR)$(SYSUSERSDIR)" "$(DESTDIR)$(CUPSBACKENDDIR)"
	install -m 0755 .build/release/kioskd "$(DESTDIR)$(BINDIR)/kioskd"
	install -m 0755 .build/release/kiosk-central "$(DESTDIR)$(BINDIR)/kiosk-central"
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
	@# The central server's unit is installed, never enabled or started: it belongs on the prefecture's server.
	sed 's|^ExecStart=/usr/local/bin/kiosk-central |ExecStart=$(BINDIR)/kiosk-central |' systemd/kiosk-central.service \
		> .build/kiosk-central.service
	install -m 0644 .build/kiosk-central.service "$(DESTDIR)$(UNITDIR)/kiosk-central.service"
	install -m 0644 systemd/kiosk-central.sysusers "$(DESTDIR)$(SYSUSERSDIR)/kiosk-central.conf"
	@# The kiosk screen's session is installed, not enabled: it takes tty1 over (README, "The kiosk screen").
	sed 's| /usr/local/bin/kioskd | $(BINDIR)/kioskd |' systemd/kioskd-menu.service > .build/kioskd-menu.service
	install -m 0644 .build/kioskd-menu.service "$(DESTDIR)$(UNITDIR)/kioskd-menu.service"
	install -m 0644 systemd/kioskd-menu.sysusers "$(DESTDIR)$(SYSUSERSDIR)/kioskd-menu.conf"
	install -d "$(DESTDIR)/usr/share/kioskd/devices"
	install -m 0644 devices/*.toml "$(DESTDIR)/usr/share/kioskd/devices/"
	@if [[ -n "$(DESTDIR)" ]]; then \
		echo "install: DESTDIR set: the users, $(CONFDIR)/kioskd.toml, $(CENTRAL_CONFDIR) and daemon-reload are left to the package"; \
		exit 0; \
	fi; \
	if command -v systemd-sysusers >/dev/null 2>&1; then \
		systemd-sysusers "$(SYSUSERSDIR)/kioskd.conf" "$(SYSUSERSDIR)/kiosk-central.conf" "$(SYSUSERSDIR)/kioskd-menu.conf"; \
	else \
		getent passwd kioskd >/dev/null || \
			adduser --system --group --home /var/lib/kioskd --no-create-home --gecos "kioskd daemon" kioskd; \
		getent passwd kiosk-central >/dev/null || adduser --system --group --home /var/lib/kiosk-central \
			--no-create-home --gecos "kiosk-central server" kiosk-central; \
		getent passwd kioskd-menu >/dev/null || adduser --system --group --home /var/lib/kioskd-menu \
			--no-create-home --gecos "kioskd touchscreen menu" kioskd-menu; \
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
	install -d -m 0750 -o root -g kiosk-central "$(CENTRAL_CONFDIR)"; \
	if [[ -e "$(CENTRAL_CONFDIR)/kiosk-central.env" ]]; then \
		echo "install: keeping the existing $(CENTRAL_CONFDIR)/kiosk-central.env"; \
	else \
		install -m 0640 -o root -g kiosk-central systemd/kiosk-central.env "$(CENTRAL_CONFDIR)/kiosk-central.env"; \
		echo "install: wrote $(CENTRAL_CONFDIR)/kiosk-central.env (kiosk-central.service is not enabled)"; \
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
