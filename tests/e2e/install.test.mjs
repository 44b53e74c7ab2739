// The Debian package as a person gets it: apt installs it with its dependencies
// from Debian, the installed /usr/bin/paja-desktop opens a workshop in a real
// window (tauri-driver and WebKitWebDriver under Xvfb), and apt purges it again,
// together with anything it pulled in, so the machine is left as it was.
//
// Run by `make test-install`, which bundles the .deb from the debug build. It
// installs as root (CI runs as root), elsewhere through sudo. PAJA_DEB says
// which package to install; TAURI_DRIVER where tauri-driver is.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { demoWorkshop, exportJson, repo, stopAll as removeScratch, tempDir } from './harness.mjs';
import { startTauriDriver, startXvfb, stopAll } from './processes.mjs';
import { WebDriver } from './webdriver.mjs';
import { freshHome, tauriDriver } from './desktop.mjs';

const installed = '/usr/bin/paja-desktop';
const asRoot = process.getuid() === 0 ? [] : ['sudo', '-n'];
const deb = process.env.PAJA_DEB ?? defaultDeb();

/** Where `tauri build --debug --bundles deb` writes the package for this version. */
function defaultDeb() {
  const { productName, version } = JSON.parse(readFileSync(join(repo, 'src-tauri', 'tauri.conf.json'), 'utf8'));
  const arch = run(['dpkg', '--print-architecture']).stdout.trim();
  const target = resolve(repo, process.env.CARGO_TARGET_DIR ?? 'target');
  return join(target, 'debug', 'bundle', 'deb', `${productName}_${version}_${arch}.deb`);
}

function run(command, options = {}) {
  return spawnSync(command[0], command.slice(1), { encoding: 'utf8', timeout: 600000, ...options });
}

/** apt-get as root, waiting for another apt or dpkg to finish rather than failing. */
function apt(args) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return run([...asRoot, 'apt-get', '-y', '-o', 'DPkg::Lock::Timeout=600', ...args], { env });
}

/** The names of every package dpkg has installed now. */
function installedPackages() {
  const out = run(['dpkg-query', '-W', '-f', '${db:Status-Abbrev} ${Package}\n']).stdout;
  return new Set(out.split('\n').filter((line) => line.startsWith('ii ')).map((line) => line.split(' ').at(-1)));
}

/** The package name inside the .deb (`Package:` in its control file). */
function packageName(file) {
  return run(['dpkg-deb', '--field', file, 'Package']).stdout.trim();
}

describe('the Debian package', { timeout: 900000 }, () => {
  let name;
  let had; // the packages installed before this test
  let added = [];

  before(() => {
    assert.ok(existsSync(deb), `no package at ${deb}; \`make test-install\` builds it`);
    name = packageName(deb);
    had = installedPackages();
    assert.ok(!had.has(name), `${name} is installed on this machine already; this test installs and removes it, so remove it first (apt purge ${name})`);
  });

  after(async () => {
    await stopAll();
    removeScratch();
    // Also when a test failed half-way: leave the machine as it was.
    const left = [...installedPackages()].filter((p) => !had?.has(p));
    if (left.length > 0) apt(['purge', ...left]);
  });

  it('installs with apt, its dependencies resolved from Debian', () => {
    const install = apt(['install', '--no-install-recommends', deb]);
    assert.equal(install.status, 0, `apt-get install failed:\n${install.stdout}\n${install.stderr}`);
    added = [...installedPackages()].filter((p) => !had.has(p));
    assert.ok(added.includes(name), `dpkg lists ${name} as installed after apt-get install`);
    assert.ok(existsSync(installed), `the package puts the app at ${installed}`);
  });

  it('adds Paja to the applications menu, opening .paja files', () => {
    const entry = readFileSync('/usr/share/applications/Paja.desktop', 'utf8');
    assert.match(entry, /^Name=Paja$/m, 'the menu shows the app as Paja');
    assert.match(entry, /^Exec=paja-desktop %f$/m, 'a file opened from the file manager is handed to the app');
    assert.match(entry, /^MimeType=application\/x-paja;$/m, 'the app says it opens Paja workshop files');
    assert.match(entry, /^Icon=paja-desktop$/m, 'the menu entry has the app icon');
    assert.ok(existsSync('/usr/share/icons/hicolor/128x128/apps/paja-desktop.png'), 'the icon is installed where the menu looks');
  });

  it('registers the .paja file type with the system', () => {
    // shared-mime-info's trigger rebuilds the database from the package's XML.
    const globs = readFileSync('/usr/share/mime/globs2', 'utf8');
    assert.match(globs, /^\d+:application\/x-paja:\*\.paja$/m, 'a file named *.paja is application/x-paja');
  });

  it('starts the installed app on a workshop file and shows its title', async () => {
    const file = demoWorkshop();
    const title = exportJson(file).meta.title;
    // A fresh home: the app writes its caches and settings there, not in the user's.
    const home = tempDir('paja-home-');
    const env = freshHome(home);
    const display = await startXvfb();
    const driver = await startTauriDriver({ binary: tauriDriver, display, env });
    const session = await WebDriver.startSession(driver.base, {
      'tauri:options': { application: installed, args: [file] },
    });
    try {
      const shown = await session.waitFor(`return document.querySelector('[data-testid="workshop-title"]')?.textContent;`, {
        what: "the workshop's title in the window",
      });
      assert.equal(shown, title, 'the installed app shows the title stored in the file');
    } finally {
      await session.quit();
    }
  });

  it('purges with apt, taking along what it brought in and leaving the machine as it was', () => {
    const purge = apt(['purge', ...added]);
    assert.equal(purge.status, 0, `apt-get purge failed:\n${purge.stdout}\n${purge.stderr}`);
    assert.ok(!existsSync(installed), `${installed} is gone`);
    assert.ok(!existsSync('/usr/share/mime/packages/paja.xml'), 'the file type is gone');
    assert.deepEqual([...installedPackages()].filter((p) => !had.has(p)), [], 'no package is left that was not there before');
    assert.doesNotMatch(readFileSync('/usr/share/mime/globs2', 'utf8'), /x-paja/, 'the system no longer knows .paja files');
  });
});
