// A real regional server for the window's relay test: `node relay/server.mjs` (Hocuspocus
// with its SQLite extension) over TLS, with a certificate signed by a CA made here with
// openssl, and a tokens file. The window trusts the CA as it would a region's own:
// through SSL_CERT_FILE, which the system's certificate store honours.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function openssl(args, dir) {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, `openssl ${args[0]} failed: ${run.stderr}`);
}

/** A CA and a certificate for localhost and 127.0.0.1 that it signed, as files in `dir`. */
function certificates(dir) {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Alueen testi-CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  openssl(['req', ...ec, '-keyout', 'key.pem', '-out', 'server.csr', '-subj', '/CN=localhost'], dir);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n');
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'cert.pem', '-days', '2', '-extfile', 'server.ext'], dir);
  return { ca: join(dir, 'ca.pem'), cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') };
}

/** Starts the server in `dir` with `tokens`; resolves with its address and CA once it listens. */
export async function startRegion(dir, tokens) {
  const server = join(repo, 'relay', 'server.mjs');
  assert.ok(existsSync(join(repo, 'relay', 'node_modules', '@hocuspocus', 'server')), 'the regional server\'s packages are missing: run `make deps-npm`');
  const { ca, cert, key } = certificates(dir);
  const tokensFile = join(dir, 'tokens.json');
  writeFileSync(tokensFile, JSON.stringify(tokens));
  const args = [server, '--port', '0', '--host', '127.0.0.1', '--db', join(dir, 'region.sqlite'), '--tokens', tokensFile, '--cert', cert, '--key', key];
  const child = spawn('node', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => (log += chunk));
  const port = await new Promise((resolve, reject) => {
    child.once('exit', (status) => reject(new Error(`the regional server exited with ${status}: ${log}`)));
    createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('listening ') && resolve(Number(line.slice(10))));
  });
  return { url: `wss://localhost:${port}`, ca, log: () => log, stop: () => child.kill('SIGTERM') };
}
