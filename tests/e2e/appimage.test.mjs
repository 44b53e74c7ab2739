// The AppImage as a person gets it: one file that starts Paja on a workshop file
// in a real window (tauri-driver and WebKitWebDriver under Xvfb) with the WebKitGTK
// it carries, not the system's.
//
// Run by `make test-install`, which makes the AppImage from the debug build's .deb
// with src-tauri/linux/appimage.sh, as `make dist` does from the release build.
// PAJA_APPIMAGE says which file to start; TAURI_DRIVER where tauri-driver is.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { demoWorkshop, exportJson, repo, stopAll as removeScratch, tempDir } from './harness.mjs';
import { startTauriDriver, startXvfb, stopAll } from './processes.mjs';
import { WebDriver } from './webdriver.mjs';
import { freshHome, tauriDriver } from './desktop.mjs';

const appImage = process.env.PAJA_APPIMAGE ?? defaultAppImage();

/** Where `make test-install` writes the AppImage for this version. */
function defaultAppImage() {
  const { productName, version } = JSON.parse(readFileSync(join(repo, 'src-tauri', 'tauri.conf.json'), 'utf8'));
  const arch = spawnSync('dpkg', ['--print-architecture'], { encoding: 'utf8' }).stdout.trim();
  const target = resolve(repo, process.env.CARGO_TARGET_DIR ?? 'target');
  return join(target, 'debug', 'bundle', 'appimage', `${productName}_${version}_${arch}.AppImage`);
}

/** The programs called `name` running now: each one's pid and the file it runs from. */
function running(name) {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .flatMap((pid) => {
      try {
        return [{ pid, exe: readlinkSync(`/proc/${pid}/exe`) }];
      } catch {
        return [];
      }
    })
    .filter(({ exe }) => exe.endsWith(`/${name}`));
}

describe('the AppImage', { timeout: 300000 }, () => {
  after(async () => {
    await stopAll();
    removeScratch();
  });

  it('is one AppImage file with the desktop entry, the icon and WebKitGTK inside', () => {
    assert.ok(existsSync(appImage), `no AppImage at ${appImage}; \`make test-install\` builds it`);
    const head = readFileSync(appImage).subarray(0, 11);
    assert.equal(head.subarray(1, 4).toString(), 'ELF', 'an AppImage is a program');
    assert.deepEqual([...head.subarray(8, 11)], [0x41, 0x49, 0x02], 'marked as an AppImage of type 2');
    const into = tempDir('paja-appimage-');
    const extract = spawnSync(appImage, ['--appimage-extract'], { cwd: into, encoding: 'utf8' });
    assert.equal(extract.status, 0, `--appimage-extract failed: ${extract.stderr}`);
    const root = join(into, 'squashfs-root');
    const entry = readFileSync(join(root, 'paja.desktop'), 'utf8');
    assert.match(entry, /^Exec=paja-desktop %f$/m, 'the desktop entry hands a file to the app');
    assert.match(entry, /^MimeType=application\/x-paja;$/m, 'and says it opens Paja workshop files');
    assert.ok(existsSync(join(root, 'paja-desktop.png')), 'the icon is at the top, where AppImage tools look');
    assert.ok(existsSync(join(root, 'usr/share/mime/packages/paja.xml')), 'the file type travels with it');
    const lib = join(root, 'usr/lib', readdirSync(join(root, 'usr/lib'))[0]);
    assert.ok(existsSync(join(lib, 'libwebkit2gtk-4.1.so.0')), 'WebKitGTK is inside');
    assert.ok(existsSync(join(lib, 'webkit2gtk-4.1/WebKitWebProcess')), "and WebKit's helper processes");
    assert.ok(!existsSync(join(lib, 'libc.so.6')), 'the C library is the system\'s');
  });

  it("starts on a workshop file and shows its title, with WebKit's processes from the image", async () => {
    const file = demoWorkshop();
    const title = exportJson(file).meta.title;
    const home = tempDir('paja-home-');
    // Where FUSE is missing (as in CI) the runtime unpacks itself under TMPDIR and runs from there.
    const unpacked = tempDir('paja-run-');
    const env = { ...freshHome(home), TMPDIR: unpacked, APPIMAGE_EXTRACT_AND_RUN: '1' };
    const display = await startXvfb();
    const driver = await startTauriDriver({ binary: tauriDriver, display, env });
    const session = await WebDriver.startSession(driver.base, {
      'tauri:options': { application: appImage, args: [file] },
    });
    try {
      const shown = await session.waitFor(`return document.querySelector('[data-testid="workshop-title"]')?.textContent;`, {
        what: "the workshop's title in the window",
      });
      assert.equal(shown, title, 'the AppImage shows the title stored in the file');
      const inImage = (name) => running(name).filter(({ exe }) => exe.startsWith(unpacked));
      assert.ok(inImage('WebKitWebProcess').length > 0, 'the page is drawn by the WebKitWebProcess inside the image');
      const [app] = inImage('paja-desktop');
      const environ = readFileSync(`/proc/${app.pid}/environ`, 'utf8').split('\0');
      assert.ok(
        !environ.some((v) => v.startsWith('LD_LIBRARY_PATH=') && v.includes(unpacked)),
        'the image finds its libraries without LD_LIBRARY_PATH, so a program the app opens (a file manager) uses its own',
      );
    } finally {
      await session.quit();
    }
  });
});
