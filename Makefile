# Paja: `make run` starts the desktop app on the demo workshop; `make test` runs
# every test. Both install what a fresh Debian 12 machine lacks first (`make deps`).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CARGO_BIN):$(PATH)

DESKTOP_BIN := $(CARGO_TARGET_DIR)/debug/paja-desktop
CLI_BIN := $(CARGO_TARGET_DIR)/debug/paja
# The Tauri CLI from npm (prebuilt): bundles the app as a Debian package.
TAURI := ui/node_modules/.bin/tauri
VERSION := $(shell sed -n 's/^  "version": "\(.*\)",$$/\1/p' src-tauri/tauri.conf.json)
ARCH := $(shell dpkg --print-architecture)
RELEASE_BUNDLE := $(CARGO_TARGET_DIR)/release/bundle

# WebKitGTK and friends for the Tauri window; Xvfb and WebKitWebDriver for the
# window tests; chromium for browser tests; poppler-utils and qpdf to check PDFs;
# Noto Sans for the PDF fonts; LibreOffice Calc to open the exported CSV;
# squashfs-tools and patchelf to make the AppImage.
APT_PACKAGES := build-essential pkg-config libwebkit2gtk-4.1-dev libxdo-dev libssl-dev \
	libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver chromium \
	poppler-utils qpdf sqlite3 fonts-noto-core libreoffice-calc-nogui squashfs-tools patchelf
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: run test deps deps-apt deps-npm deps-tauri-driver ui desktop cli \
	test-core test-ui test-e2e test-browser test-install deb-debug appimage-debug dist bench docs-pdf

run: deps ui desktop
	$(DESKTOP_BIN) --demo

# The packages to hand out, from a release build (not run by `make test`): the
# .deb by Tauri's bundler, and an AppImage made from it offline (the script says
# why not by Tauri's bundler).
dist: deps ui
	$(TAURI) build --bundles deb
	src-tauri/linux/appimage.sh $(RELEASE_BUNDLE)/deb/Paja_$(VERSION)_$(ARCH).deb \
		$(RELEASE_BUNDLE)/appimage/Paja_$(VERSION)_$(ARCH).AppImage

test: deps
	$(MAKE) test-core
	$(MAKE) test-ui
	$(MAKE) test-e2e
	$(MAKE) test-install

deps: deps-apt deps-npm deps-tauri-driver

deps-apt:
	@command -v cargo >/dev/null || { echo "Rust (cargo) is missing: install it with rustup (https://rustup.rs)" >&2; exit 1; }
	@command -v node >/dev/null || { echo "Node.js 20.19 or newer is missing" >&2; exit 1; }
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s "$$p" >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

# npm ci only when a lock file changed since the last install: the UI, the
# Yjs client the core's interop test drives, and the regional relay server
# (Hocuspocus) that the relay tests and the bench start.
NPM_DIRS := ui tests/interop relay
deps-npm: $(addsuffix /node_modules/.package-lock.json,$(NPM_DIRS))
# A registry mirror that serves only this platform's builds of optional packages
# (rollup's, esbuild's) leaves them out of the lock file, and npm ci then refuses
# it; npm install --no-save installs the same locked versions without rewriting it.
%/node_modules/.package-lock.json: %/package-lock.json %/package.json
	cd $* && { npm ci --no-audit --no-fund >/dev/null 2>&1 || npm install --no-save --no-audit --no-fund; }
	touch $@

deps-tauri-driver:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked

ui: deps-npm
	cd ui && npm run build

# The binary embeds ui/dist, so the UI is built first.
desktop: ui
	cargo build -p paja-desktop

cli:
	cargo build -p paja --bin paja

# The desktop crate embeds ui/dist at compile time, so even its tests need the UI built.
test-core: ui deps-npm
	cargo test --workspace

test-ui: deps-npm
	cd ui && npx vitest run

# The window's tests, then the regional relay server alone against Hocuspocus's own provider.
test-e2e: desktop cli test-browser deps-npm
	PAJA_DESKTOP_BIN=$(DESKTOP_BIN) PAJA_CLI_BIN=$(CLI_BIN) node --test --test-concurrency=1 --test-reporter=tap tests/e2e/window.test.mjs tests/e2e/start.test.mjs tests/e2e/process.test.mjs tests/e2e/languages-window.test.mjs tests/e2e/relay-window.test.mjs
	node --test --test-concurrency=1 --test-reporter=tap tests/e2e/relay-server.test.mjs

# The .deb bundled from the same debug build the window test runs (so it adds
# seconds, not a release build), installed with apt, started under Xvfb on a
# workshop file, then purged again; and the AppImage made from it, started too.
test-install: appimage-debug cli
	PAJA_CLI_BIN=$(CLI_BIN) node --test --test-concurrency=1 --test-reporter=tap \
		tests/e2e/install.test.mjs tests/e2e/appimage.test.mjs

deb-debug: ui
	$(TAURI) build --debug --bundles deb

appimage-debug: deb-debug
	src-tauri/linux/appimage.sh $(CARGO_TARGET_DIR)/debug/bundle/deb/Paja_$(VERSION)_$(ARCH).deb \
		$(CARGO_TARGET_DIR)/debug/bundle/appimage/Paja_$(VERSION)_$(ARCH).AppImage

# The board editors, and a scripted live session (a facilitator and two desktop
# participants as `paja join --script` cores, one participant in the browser), in
# Debian's Chromium against a real `paja serve` on loopback; saves the screenshots
# in docs/screenshots/.
test-browser: ui cli
	PAJA_CLI_BIN=$(CLI_BIN) node --test --test-concurrency=1 --test-reporter=tap tests/e2e/editors.test.mjs tests/e2e/boards.test.mjs tests/e2e/session.test.mjs tests/e2e/plan.test.mjs tests/e2e/languages.test.mjs tests/e2e/synthesis.test.mjs tests/e2e/experiments.test.mjs tests/e2e/operating-model.test.mjs tests/e2e/evaluation.test.mjs tests/e2e/glossary-phenomenon.test.mjs tests/e2e/capture.test.mjs

# Measurements, not tests, each printing figures and ratios against a reference run
# in the same command: opening and compacting a workshop file, exports by size, sync
# latency and throughput against the Node y-websocket server, affinity groups of 500
# notes against their one-second budget, frame times of a
# 3,000-card board while panning and zooming, the bytes and time of one change pushed
# to the window, and remote edits reaching a browser from a release hub (edit to
# screen at 3,000 and 10,000 cards, panning while 40 peers edit) against the build
# before incremental projections, which the script builds once into the target dir;
# and N = 1, 13 and 50 hubs relaying live sessions to one regional Hocuspocus process
# (throughput, edit-to-remote-reader latency, the server's memory and CPU), against the
# same load written by Hocuspocus's own provider.
bench: ui cli
	cargo bench -p paja --bench store
	cargo bench -p paja --bench export
	cargo bench -p paja --bench locks
	cargo bench -p paja --bench synthesis
	cargo bench -p paja --bench traces
	cargo bench -p paja --bench projection
	cd benches/sync-reference && { npm ci --no-audit --no-fund >/dev/null 2>&1 || npm install --no-save --no-audit --no-fund; }
	cargo bench -p paja --bench sync
	cargo bench -p paja --bench relay
	PAJA_CLI_BIN=$(CLI_BIN) node tests/e2e/bench-canvas.mjs 3000
	cargo build --release -p paja --bin paja
	PAJA_CLI_BIN=$(CARGO_TARGET_DIR)/release/paja node tests/e2e/bench-remote.mjs

# The demo workshop's report and poster as PNG pages in docs/pdf/, for review.
docs-pdf: cli
	d=$$(mktemp -d); \
	$(CLI_BIN) demo $$d/demo.paja; \
	$(CLI_BIN) export pdf $$d/demo.paja -o $$d/raportti.pdf; \
	$(CLI_BIN) export poster $$d/demo.paja -o $$d/juliste.pdf; \
	rm -f docs/pdf/*.png; mkdir -p docs/pdf; \
	pdftoppm -r 50 -png $$d/raportti.pdf docs/pdf/raportti; \
	pdftoppm -r 50 -png $$d/juliste.pdf docs/pdf/juliste; \
	rm -rf $$d
