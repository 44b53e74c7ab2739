// A small W3C WebDriver client over fetch: just what the window tests use.
// No browser downloads: tauri-driver forwards to Debian's WebKitWebDriver.

export class WebDriver {
  constructor(base, sessionId) {
    this.base = base;
    this.sessionId = sessionId;
  }

  static async startSession(base, capabilities) {
    const value = await request('POST', `${base}/session`, { capabilities: { alwaysMatch: capabilities } });
    return new WebDriver(base, value.sessionId);
  }

  cmd(method, path, body, signal) {
    return request(method, `${this.base}/session/${this.sessionId}${path}`, body, signal);
  }

  /** Runs `script` in the page; `arguments[i]` are `args`. */
  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Runs `script` in the page; it reports its result by calling its last argument. */
  executeAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  /** Polls until `script` returns a truthy value, and returns it. */
  async waitFor(script, { timeoutMs = 30000, what = script } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.execute(script);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** The first element matching `css`, waiting for the page to render it. */
  async findElement(css, { timeoutMs = 30000 } = {}) {
    const found = await this.waitFor(`return document.querySelector(${JSON.stringify(css)});`, { timeoutMs, what: css });
    return Object.values(found)[0];
  }

  /** Scrolls the element into the middle of its scrolling box, as a person scrolls to it. */
  async scrollTo(elementId) {
    await this.execute(`arguments[0].scrollIntoView({ block: 'center' });`, [{ 'element-6066-11e4-a52e-4f735466cecf': elementId }]);
  }

  async click(elementId) {
    await this.cmd('POST', `/element/${elementId}/click`, {});
  }

  /** Types `text` into an element, as the keyboard would. */
  async sendKeys(elementId, text) {
    await this.cmd('POST', `/element/${elementId}/value`, { text });
  }

  async text(elementId) {
    return this.cmd('GET', `/element/${elementId}/text`);
  }

  /** PNG bytes of the window; gives up after `timeoutMs` (WebKitWebDriver can stall on it). */
  async screenshot({ timeoutMs = 60000 } = {}) {
    return Buffer.from(await this.cmd('GET', '/screenshot', undefined, AbortSignal.timeout(timeoutMs)), 'base64');
  }

  async quit() {
    await this.cmd('DELETE', '');
  }
}

async function request(method, url, body, signal) {
  const response = await fetch(url, {
    method,
    signal,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${url}: HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
  }
  if (!response.ok || (json.value && json.value.error)) {
    const { error, message } = json.value ?? {};
    throw new Error(`${method} ${url}: ${error ?? response.status}: ${message ?? text.slice(0, 300)}`);
  }
  return json.value;
}
