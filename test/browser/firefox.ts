/**
 * Debian's Firefox ESR with the built MX Doctor extension, driven over Marionette (Firefox's own
 * remote protocol: TCP, `length:json` frames; no driver download, no new dependency).
 *
 * Why Marionette and not WebDriver BiDi: the toolbar popup lives in the browser's own UI, out of
 * reach of content automation, and neither protocol will navigate a tab to `moz-extension://`.
 * With `--remote-allow-system-access` Marionette runs script in the chrome (browser UI) context;
 * from there the test finds the extension's popup and background `<browser>` elements and loads a
 * small frame script into them, which reads the popup's DOM (or calls the extension's storage API,
 * as the options page would) and posts the answer back. All of that lives here, in the test: the
 * shipped extension has no test-only code path.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIREFOX_BUILD } from './extension.js';

export const FIREFOX = '/usr/bin/firefox-esr';
export const GECKO_ID = 'mx-doctor@mx-doctor.dev';
/** Pinned with the pref `extensions.webextensions.uuids`, so the popup's URL is known. */
export const EXTENSION_UUID = '0b1f3c58-8d4e-4a3c-9d7e-6a2f5b1c9e01';
/** Firefox's id for the toolbar button of a WebExtension's action. */
export const ACTION_WIDGET_ID = `${GECKO_ID.replace(/[^a-z0-9_-]/gi, '_')}-browser-action`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Marionette reply is one JSON frame; none of ours comes near this. */
const MAX_FRAME_BYTES = 8 * 1024 * 1024;
const COMMAND_TIMEOUT_MS = 30_000;

interface Pending {
  name: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** A minimal Marionette client (protocol 3): `[0, id, name, params]` → `[1, id, error, result]`. */
export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly hello: Promise<void>;
  private onHello!: () => void;

  private constructor(private readonly socket: Socket) {
    this.hello = new Promise((resolve) => (this.onHello = resolve));
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      if (this.buffer.length > MAX_FRAME_BYTES) this.fail(new Error('Marionette frame over the size bound'));
      else this.drain();
    });
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('Marionette connection closed')));
  }

  static async connect(port: number): Promise<Marionette> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => resolve(s));
      s.once('error', reject);
    });
    const client = new Marionette(socket);
    await client.hello;
    return client;
  }

  private fail(error: Error): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
    this.socket.destroy();
  }

  private drain(): void {
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0 || colon > 12) return;
      const length = Number(this.buffer.subarray(0, colon).toString('latin1'));
      if (!Number.isSafeInteger(length) || length > MAX_FRAME_BYTES) return this.fail(new Error('bad Marionette frame length'));
      if (this.buffer.length < colon + 1 + length) return;
      const message = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as unknown;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      if (!Array.isArray(message)) {
        this.onHello();
        continue;
      }
      const [, id, error, result] = message as [number, number, { error: string; message: string } | null, unknown];
      const pending = this.pending.get(id);
      if (pending === undefined) continue;
      this.pending.delete(id);
      clearTimeout(pending.timer);
      if (error) pending.reject(new Error(`Marionette ${pending.name}: ${error.error}: ${error.message}`));
      else pending.resolve(result);
    }
  }

  send<T = unknown>(name: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    const body = JSON.stringify([0, id, name, params]);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`Marionette ${name}: no answer in ${COMMAND_TIMEOUT_MS} ms`));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, { name, resolve: resolve as (value: unknown) => void, reject, timer });
      this.socket.write(`${Buffer.byteLength(body)}:${body}`);
    });
  }

  /** Runs `body` (a function body; `arguments[0..]` are `args`) in the current context. */
  async execute<T>(body: string, args: unknown[] = []): Promise<T> {
    return (await this.send<{ value: T }>('WebDriver:ExecuteScript', { script: body, args })).value;
  }

  /** As execute, with the last argument a callback that ends the script. */
  async executeAsync<T>(body: string, args: unknown[] = []): Promise<T> {
    return (await this.send<{ value: T }>('WebDriver:ExecuteAsyncScript', { script: body, args })).value;
  }

  /** Switches to the browser's own UI ('chrome', needs --remote-allow-system-access) or the current tab ('content'). */
  async setContext(context: 'chrome' | 'content'): Promise<void> {
    await this.send('Marionette:SetContext', { value: context });
  }

  close(): void {
    this.socket.destroy();
  }
}

export interface LaunchedFirefox {
  readonly marionette: Marionette;
  readonly process: ChildProcess;
  readonly profile: string;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** X display for the visible window. */
  readonly display: string;
  /** Extra prefs for user.js. */
  readonly prefs?: Readonly<Record<string, string | number | boolean>>;
  /** Marionette session capabilities (e.g. acceptInsecureCerts for a test CA's certificates). */
  readonly capabilities?: Readonly<Record<string, unknown>>;
}

/** Starts Firefox ESR on `display` with Marionette on a free port, installs the Firefox build as a temporary add-on. */
export async function launchFirefox(options: FirefoxOptions): Promise<LaunchedFirefox> {
  const profile = mkdtempSync(join(tmpdir(), 'mx-doctor-firefox-'));
  const prefs: Record<string, string | number | boolean> = {
    // 0: Marionette picks a free port and writes it to <profile>/MarionetteActivePort.
    'marionette.port': 0,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    // The test pages are plain http on test names: no upgrade to https.
    'dom.security.https_first': false,
    'dom.security.https_first_schemeless': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.aboutwelcome.enabled': false,
    'browser.startup.page': 0,
    'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.dataSubmissionEnabled': false,
    ...options.prefs,
  };
  writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});\n`).join(''));
  const child = spawn(FIREFOX, ['--marionette', '--remote-allow-system-access', '--no-remote', '--new-instance', '--profile', profile, '--width=1280', '--height=800'], {
    env: { ...process.env, DISPLAY: options.display, MOZ_CRASHREPORTER_DISABLE: '1' },
    stdio: ['ignore', process.env.MXD_FIREFOX_STDOUT ? 'inherit' : 'ignore', 'ignore'],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const portFile = join(profile, 'MarionetteActivePort');
    let port: number | undefined;
    for (let i = 0; i < 300 && port === undefined; i++) {
      if (child.exitCode !== null) throw new Error(`firefox-esr exited with ${child.exitCode}`);
      if (existsSync(portFile)) port = Number(readFileSync(portFile, 'utf8').trim()) || undefined;
      if (port === undefined) await sleep(100);
    }
    if (port === undefined) throw new Error('Marionette did not start within 30 s');
    const marionette = await Marionette.connect(port);
    // Marionette reads the capabilities flat ({ capabilities: { acceptInsecureCerts: true } }), not in alwaysMatch.
    await marionette.send('WebDriver:NewSession', { capabilities: { ...options.capabilities } });
    await marionette.send('Addon:Install', { path: FIREFOX_BUILD, temporary: true });
    return {
      marionette,
      process: child,
      profile,
      async close() {
        await marionette.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
        marionette.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Chrome-context script: runs `frameSource` (the body of an async function; `content` is the page's
 * window, seen through Xrays) as a frame script in one of the extension's views ('popup' or
 * 'background'), with `wait(ms)` at hand, and calls back with what it returns (structured-cloned) or `{ error }`.
 */
const IN_VIEW_SCRIPT = `
const [viewType, geckoId, frameSource, timeoutMs, done] = arguments;
const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
const extension = ExtensionParent.GlobalManager.getExtension(geckoId);
// Firefox preloads a popup when the pointer hovers over the button and drops it if no click follows:
// the popup that counts is the one in an open panel.
const inOpenPanel = (item) => item.xulBrowser?.closest('panel')?.state === 'open';
const view = extension && [...extension.views].find((item) => item.viewType === viewType && item.xulBrowser && (viewType !== 'popup' || inOpenPanel(item)));
if (!view) return done({ error: 'no ' + viewType + ' view' });
const browser = view.xulBrowser;
const topic = 'mx-doctor-test:' + Math.random().toString(36).slice(2);
const manager = browser.messageManager;
// \`wait(ms)\` is the frame script's own timer: a timer of \`content\` dies with its window, so a script
// that started on the popup's initial about:blank would never wake up once popup.html replaced it.
// One block scope per script (the frame scripts of a view may share a global).
const wrapped = '{ const { setTimeout: frameTimeout } = ChromeUtils.importESModule("resource://gre/modules/Timer.sys.mjs");' +
  'const wait = (ms) => new Promise((resolve) => frameTimeout(resolve, ms));' +
  'sendAsyncMessage(' + JSON.stringify(topic + ':started') + ', { href: String(content?.location?.href) });' +
  '(async () => {' + frameSource + '})().then((value) => sendAsyncMessage(' + JSON.stringify(topic) +
  ', { value }), (error) => sendAsyncMessage(' + JSON.stringify(topic) + ', { error: String(error) })); }';
const scriptUrl = 'data:,' + encodeURIComponent(wrapped);
let started = 'never started';
const timer = setTimeout(() => finish({ error: 'frame script timed out (' + started + '; the view shows ' + browser.currentURI?.spec + ')' }), timeoutMs);
const onStarted = (message) => { started = 'started on ' + message.data.href; };
manager.addMessageListener(topic + ':started', onStarted);
function finish(value) {
  clearTimeout(timer);
  manager.removeMessageListener(topic, onMessage);
  manager.removeMessageListener(topic + ':started', onStarted);
  manager.removeDelayedFrameScript(scriptUrl);
  done(value);
}
function onMessage(message) { finish(message.data); }
manager.addMessageListener(topic, onMessage);
// true: if the popup's frame is not there yet, the script runs as soon as it is (unregistered in finish).
manager.loadFrameScript(scriptUrl, true);
`;

/** Runs `frameSource` in the extension's popup or background page (see IN_VIEW_SCRIPT). */
export async function inExtensionView<T>(marionette: Marionette, viewType: 'popup' | 'background', frameSource: string, timeoutMs = 10_000): Promise<T> {
  await marionette.setContext('chrome');
  const reply = await marionette.executeAsync<{ value?: T; error?: string }>(IN_VIEW_SCRIPT, [viewType, GECKO_ID, frameSource, timeoutMs]);
  if (reply.error !== undefined) throw new Error(`in the ${viewType} view: ${reply.error}`);
  return reply.value as T;
}

/** Stores the extension's options through its own storage API (in its background page), as the options page would. */
export async function setFirefoxResolver(marionette: Marionette, url: string, timeoutMs = 3000): Promise<void> {
  const options = JSON.stringify({ resolver: 'custom', customUrl: url, timeoutMs });
  await inExtensionView(marionette, 'background', `await content.wrappedJSObject.browser.storage.sync.set(Cu.cloneInto({ options: ${options} }, content));`);
}

/** Script errors (uncaught exceptions, CSP refusals) the browser console holds from the extension's pages. */
export async function extensionConsoleErrors(marionette: Marionette): Promise<string[]> {
  await marionette.setContext('chrome');
  return marionette.execute<string[]>(
    `const prefix = 'moz-extension://' + arguments[0] + '/';
     const out = [];
     for (const message of Services.console.getMessageArray() ?? []) {
       if (!(message instanceof Ci.nsIScriptError) || !message.sourceName?.startsWith(prefix)) continue;
       if (message.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) continue;
       out.push(message.sourceName + ': ' + message.errorMessage);
       if (out.length >= 50) break;
     }
     return out;`,
    [EXTENSION_UUID],
  );
}
