// The regional relay server (relay/server.mjs) on its own, driven by Hocuspocus's
// own provider: what its tokens file lets in, what a read token may not change,
// that a revoked token is cut off at once, that a restart keeps the documents, and
// that bad arguments are one sentence.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const relayDir = join(root, 'relay');
const require = createRequire(join(relayDir, 'package.json'));
const { HocuspocusProvider } = require('@hocuspocus/provider');
const WebSocket = require('ws');
const Y = require('yjs');

const GIVE_UP_MS = 20_000;

function until(what, check) {
  return new Promise((done, fail) => {
    const started = Date.now();
    const poll = () => {
      if (check()) return done();
      if (Date.now() - started > GIVE_UP_MS) return fail(new Error(`gave up waiting: ${what}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

function certificate(dir) {
  const made = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ]);
  assert.equal(made.status, 0, `openssl makes the test certificate: ${made.stderr}`);
}

function startServer(dir) {
  const child = spawn('node', [join(relayDir, 'server.mjs'), '--port', '0', '--host', '127.0.0.1',
    '--db', join(dir, 'relay.sqlite'), '--tokens', join(dir, 'tokens.json'),
    '--cert', join(dir, 'cert.pem'), '--key', join(dir, 'key.pem')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.on('data', () => {});
  return new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const port = /^listening (\d+)$/m.exec(out)?.[1];
      if (port) done({ child, port: Number(port) });
    });
    child.on('exit', (code) => fail(new Error(`the relay server exited with ${code}`)));
  });
}

function stopServer(server) {
  return new Promise((done) => {
    server.child.removeAllListeners('exit');
    server.child.on('exit', done);
    server.child.kill('SIGTERM');
  });
}

function connect(dir, port, name, token, options = {}) {
  const ca = readFileSync(join(dir, 'cert.pem'));
  const seen = { authenticated: null, refused: null, closed: 0 };
  class TrustingSocket extends WebSocket {
    constructor(url) { super(url, { ca }); }
  }
  const provider = new HocuspocusProvider({
    url: `wss://localhost:${port}`, name, token, WebSocketPolyfill: TrustingSocket,
    onAuthenticated: ({ scope }) => { seen.authenticated = scope; },
    onAuthenticationFailed: ({ reason }) => { seen.refused = reason; },
    onClose: () => { seen.closed += 1; },
    ...options,
  });
  return { provider, seen, text: provider.document.getText('t') };
}

function writeTokens(dir, tokens) {
  writeFileSync(join(dir, 'tokens.json'), JSON.stringify(tokens));
}

describe('the regional relay server', () => {
  let dir;
  let server;
  const open = [];
  const client = (...args) => { const c = connect(dir, server.port, ...args); open.push(c); return c; };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paja-relay-'));
    certificate(dir);
    writeTokens(dir, {
      hub: { documents: ['ryhma-1'], access: 'write' },
      staff: { documents: ['*'], access: 'read' },
      leaving: { documents: ['ryhma-1'], access: 'write' },
    });
    server = await startServer(dir);
  });

  after(async () => {
    for (const c of open) c.provider.destroy();
    if (server) await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets a write token change its document and a read token follow it', async () => {
    const hub = client('ryhma-1', 'hub');
    const staff = client('ryhma-1', 'staff');
    await until('both are let in', () => hub.seen.authenticated && staff.seen.authenticated);
    assert.equal(hub.seen.authenticated, 'read-write', 'a write token connects read-write');
    assert.equal(staff.seen.authenticated, 'readonly', 'a read token connects read-only');
    hub.text.insert(0, 'Aamun kortti');
    await until('the reader sees the hub\'s text', () => staff.text.toString() === 'Aamun kortti');
  });

  it('keeps a read token\'s edits out of the server\'s document', async () => {
    const staff = client('ryhma-1', 'staff');
    await until('the reader has the document', () => staff.text.toString().includes('Aamun kortti'));
    staff.text.insert(0, 'LUKIJAN MUOKKAUS ');
    const hub = client('ryhma-1', 'hub');
    await until('the hub has the document', () => hub.text.toString() === 'Aamun kortti');
    hub.text.insert(hub.text.length, '.');
    const other = client('ryhma-1', 'staff');
    await until('a fresh reader sees the hub\'s later edit', () => other.text.toString() === 'Aamun kortti.');
    assert.ok(!hub.text.toString().includes('LUKIJAN'), 'the hub never receives the reader\'s edit');
  });

  it('refuses an unknown token and a document the token does not open, saying why', async () => {
    const stranger = client('ryhma-1', 'nobody');
    const elsewhere = client('ryhma-2', 'hub');
    await until('both are refused', () => stranger.seen.refused && elsewhere.seen.refused);
    assert.equal(stranger.seen.refused, 'unknown token');
    assert.equal(elsewhere.seen.refused, 'the token does not open the document ryhma-2');
    assert.equal(stranger.seen.authenticated, null, 'a refused token is never let in');
  });

  it('closes a revoked token\'s connection at once and refuses its reconnect', async () => {
    const leaving = client('ryhma-1', 'leaving');
    await until('the token is let in', () => leaving.seen.authenticated);
    const closedBefore = leaving.seen.closed;
    const tokens = JSON.parse(readFileSync(join(dir, 'tokens.json'), 'utf8'));
    delete tokens.leaving;
    writeTokens(dir, tokens);
    await until('the connection is closed', () => leaving.seen.closed > closedBefore);
    await until('the reconnect is refused', () => leaving.seen.refused);
    assert.equal(leaving.seen.refused, 'unknown token');
    leaving.text.insert(0, 'poistetun kirjoitus ');
    const staff = client('ryhma-1', 'staff');
    await until('a reader has the document', () => staff.text.length > 0);
    assert.ok(!staff.text.toString().includes('poistetun'), 'nothing from a revoked token reaches the document');
  });

  it('keeps its documents across a restart, with the last edit stored when it is stopped', async () => {
    // Clients that try once, so none is left retrying the stopped server.
    const once = { maxAttempts: 1 };
    for (const c of open.splice(0)) c.provider.destroy();
    const hub = client('ryhma-1', 'hub', once);
    await until('the hub has the document', () => hub.text.toString().startsWith('Aamun kortti'));
    hub.text.insert(hub.text.length, ' Iltapäivän kortti');
    const staff = client('ryhma-1', 'staff', once);
    await until('a reader sees the new text', () => staff.text.toString().endsWith('Iltapäivän kortti'));
    const before = staff.text.toString();
    // Stopped while the clients are still connected, so the document is still loaded
    // and its last edit waits on the store's debounce.
    await stopServer(server);
    for (const c of open.splice(0)) c.provider.destroy();
    server = await startServer(dir);
    const after = client('ryhma-1', 'staff');
    await until('a reader of the restarted server sees the text', () => after.text.toString() === before);
  });

  it('says in one sentence, with exit code 2, what is wrong with its arguments', () => {
    const run = (...args) => spawnSync('node', [join(relayDir, 'server.mjs'), ...args], { encoding: 'utf8' });
    const cases = [
      [[], /--port is missing/],
      [['--port', '0', '--db', join(dir, 'x.sqlite'), '--tokens', join(dir, 'missing.json'),
        '--cert', join(dir, 'cert.pem'), '--key', join(dir, 'key.pem')], /Cannot read the tokens file/],
      [['--port', '0', '--db', join(dir, 'x.sqlite'), '--tokens', join(dir, 'tokens.json'),
        '--cert', join(dir, 'missing.pem'), '--key', join(dir, 'key.pem')], /Cannot read the certificate/],
    ];
    for (const [args, sentence] of cases) {
      const result = run(...args);
      assert.equal(result.status, 2, `exit code 2 for ${args.join(' ') || 'no arguments'}`);
      assert.match(result.stderr, sentence);
      assert.equal(result.stderr.trim().split('\n').length, 1, `one sentence, not a stack: ${result.stderr}`);
    }
  });
});
