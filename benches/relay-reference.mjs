// The relay bench's reference load (benches/relay.rs starts it): the same rooms, people,
// rate and markers as Paja's hubs, written and read by Hocuspocus's own Node provider,
// so the server is measured without Paja in the way. Each room has a writer (a hub's
// token) and a reader (a read token), one WebSocket each; each card is a Y.Text in a
// Y.Map, replaced whole on an edit. Prints `ready` once every provider is synced, then
// a JSON report: edits, lost, seconds, p50 and p99 (ms, edit to reader).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'relay', 'package.json'));
const { HocuspocusProvider } = require('@hocuspocus/provider');
const WebSocket = require('ws');
const Y = require('yjs');

const { values: o } = parseArgs({
  options: Object.fromEntries(
    ['rooms', 'people', 'every-ms', 'cards', 'run-ms', 'drain-ms', 'up', 'down', 'document', 'ca'].map((k) => [k, { type: 'string' }]),
  ),
});
const rooms = Number(o.rooms);
const people = Number(o.people);
const every = Number(o['every-ms']);
const cardsEach = Number(o.cards);
const ca = readFileSync(o.ca);

class TrustingSocket extends WebSocket {
  constructor(url) { super(url, { ca }); }
}

function provider(url, name, token) {
  let synced;
  const ready = new Promise((done) => { synced = done; });
  const p = new HocuspocusProvider({
    url, name, token, WebSocketPolyfill: TrustingSocket,
    onSynced: () => synced(),
    onAuthenticationFailed: ({ reason }) => { console.error(`refused: ${reason}`); process.exit(1); },
  });
  return { p, ready };
}

function markers(text) {
  return text.split('#e').slice(1).map((rest) => Number(rest.split(';')[0])).filter(Number.isInteger);
}

const latencies = [];
let edits = 0;
const open = [];

for (let room = 0; room < rooms; room += 1) {
  const name = `${o.document}-${room + 1}`;
  const writer = provider(o.up, name, `hub-${room + 1}`);
  const reader = provider(o.down, name, 'staff');
  const sent = new Map();
  const seen = (text) => {
    const now = performance.now();
    for (const seq of markers(text)) {
      const at = sent.get(seq);
      if (at !== undefined) {
        sent.delete(seq);
        latencies.push(now - at);
      }
    }
  };
  reader.p.document.getMap('cards').observeDeep((events) => {
    for (const event of events) {
      if (event.target instanceof Y.Text) seen(event.target.toString());
      else for (const key of event.keysChanged) seen(String(event.target.get(key) ?? ''));
    }
  });
  open.push({ writer, reader, sent });
}

await Promise.all(open.flatMap((r) => [r.writer.ready, r.reader.ready]));
console.log('ready');

let stopped = false;
const started = performance.now();
for (const room of open) {
  const cards = room.writer.p.document.getMap('cards');
  let seq = 0;
  for (let person = 0; person < people; person += 1) {
    const own = [];
    const edit = () => {
      if (stopped) return;
      seq += 1;
      const text = `Osallistuja ${person + 1} ehdottaa: asiakas saa vastauksen samana päivänä #e${seq};`;
      room.sent.set(seq, performance.now());
      edits += 1;
      if (own.length < cardsEach) {
        const id = `${person}-${own.length}`;
        own.push(id);
        cards.set(id, new Y.Text(text));
      } else {
        const card = cards.get(own[seq % cardsEach]);
        room.writer.p.document.transact(() => {
          card.delete(0, card.length);
          card.insert(0, text);
        });
      }
      setTimeout(edit, every);
    };
    setTimeout(edit, Math.random() * every);
  }
}

await new Promise((done) => setTimeout(done, Number(o['run-ms'])));
stopped = true;
const seconds = (performance.now() - started) / 1000;
const waiting = () => open.reduce((n, r) => n + r.sent.size, 0);
const drainStart = performance.now();
while (waiting() > 0 && performance.now() - drainStart < Number(o['drain-ms'])) {
  await new Promise((done) => setTimeout(done, 20));
}
latencies.sort((a, b) => a - b);
const pick = (q) => latencies[Math.min(Math.floor(latencies.length * q), latencies.length - 1)] ?? null;
console.log(JSON.stringify({ edits, lost: waiting(), seconds, p50: pick(0.5), p99: pick(0.99) }));
for (const r of open) {
  r.writer.p.destroy();
  r.reader.p.destroy();
}
process.exit(0);
