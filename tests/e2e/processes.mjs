// Starts and stops what a window test needs: a virtual display (Xvfb) and
// tauri-driver. Everything started here is stopped by `stopAll`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

const started = [];

function start(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  const log = [];
  const keep = (chunk) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.log = () => log.join('');
  started.push(child);
  return child;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(check, what, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (child && child.exitCode !== null) throw new Error(`${what}: exited with ${child.exitCode}\n${child.log()}`);
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs} ms\n${child ? child.log() : ''}`);
    await sleep(100);
  }
}

/** A fresh X display; returns its name, such as ":99". */
export async function startXvfb() {
  let n = 99;
  while (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) n++;
  const display = `:${n}`;
  const xvfb = start('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp']);
  await waitUntil(() => existsSync(`/tmp/.X11-unix/X${n}`), `Xvfb ${display}`, 15000, xvfb);
  return display;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** tauri-driver on a free port; returns its base URL. */
export async function startTauriDriver({ binary, display, env = {} }) {
  const port = await freePort();
  const nativePort = await freePort();
  const driver = start(binary, ['--port', String(port), '--native-port', String(nativePort)], {
    env: { ...process.env, ...env, DISPLAY: display, WEBKIT_DISABLE_DMABUF_RENDERER: '1' },
  });
  const base = `http://127.0.0.1:${port}`;
  const ready = async () => {
    try {
      return (await fetch(`${base}/status`)).ok;
    } catch {
      return false;
    }
  };
  await waitUntil(ready, 'tauri-driver', 15000, driver);
  return { base, log: () => driver.log() };
}

/** Stops every process this module started (each with its own process group). */
export async function stopAll() {
  for (const child of started.reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      continue;
    }
    const timedOut = await Promise.race([exited.then(() => false), sleep(5000).then(() => true)]);
    if (timedOut) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  started.length = 0;
}
