// A desktop participant's core without a window: `paja join --script`, which reads
// one JSON command per line and answers each with one JSON line. Stopped by
// `stopAll` in harness.mjs like everything else started for a test.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cliBin, eventually, track } from './harness.mjs';

export class ScriptedCore {
  /** `paja join ADDR FILE --script` with `args` (e.g. `--code C --name N` or `--token T`). */
  constructor(addr, file, args) {
    this.file = file;
    this.child = spawn(cliBin, ['join', addr, file, '--script', ...args], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    track(this.child);
    this.log = '';
    this.waiting = [];
    let buffer = '';
    this.child.stderr.on('data', (chunk) => (this.log += chunk));
    this.child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) this.waiting.shift()?.(line);
      }
    });
  }

  /** Sends one command; resolves with its `ok` value, rejects with its one-sentence error. */
  async send(command) {
    const line = await new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin.write(`${JSON.stringify(command)}\n`);
    });
    const answer = JSON.parse(line);
    if ('error' in answer) throw new Error(answer.error);
    return answer.ok;
  }

  /** Runs one UI command with this person's role, as the desktop window does; resolves with `{ id }`. */
  execute(command) {
    return this.send(command);
  }

  /** The workshop as this replica holds it. */
  view() {
    return this.send({ view: null });
  }

  /** Waits until this replica's control document passes `check` (the facilitator's change arrived). */
  async sees(check, what) {
    await eventually(async () => check((await this.view()).control), `${what} reached ${this.file}`, 20000);
  }

  /** What is only this person's: id, role, drafts, own dots. */
  localView() {
    return this.send({ local_view: null });
  }

  async status() {
    return this.send({ status: null });
  }

  /** Waits until the hub has let this core in. */
  async connected() {
    await eventually(async () => (await this.status()).status?.state === 'connected', `a core joined (${this.log})`, 20000);
    return this;
  }

  /** A command this core must refuse; resolves with the sentence it gave. */
  async refused(command) {
    try {
      await this.execute(command);
    } catch (err) {
      return err.message;
    }
    assert.fail(`${JSON.stringify(command)} was not refused`);
  }
}
