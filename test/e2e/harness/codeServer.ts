// Starts code-server (real VS Code: browser workbench, Node extension host) and
// Debian's Chromium through playwright-core, both bounded and both stopped for
// sure: code-server runs in its own process group and is sent SIGTERM, then
// SIGKILL after a grace period; every temp folder is removed.
// Paths come from .vscode-test/paths.json, written by test/e2e/setup.sh.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fillWorkspace, registerLanguagePack } from './languagePack';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEED = path.resolve(ROOT, '..', 'shared', 'seeds', '000_8a6ed06ea1bff06e.txt');
export const RESULTS = path.join(ROOT, 'test-results');
export { fillWorkspace, registerLanguagePack };

export interface Tools {
  node: string;
  codeServer: string;
  codeServerVersion: string;
  chromium: string;
  nvim: string;
}

export function tools(): Tools {
  const file = path.join(ROOT, '.vscode-test', 'paths.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run bash test/e2e/setup.sh first`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Process groups still running. If this process is told to stop (the stage's
 * time limit sends SIGTERM) or exits without cleaning up, they are killed here,
 * so no code-server outlives its test run.
 */
const liveGroups = new Set<number>();
const liveDirs = new Set<string>();
function killLiveGroups(): void {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  liveGroups.clear();
  for (const dir of liveDirs) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
  liveDirs.clear();
}
process.once('exit', killLiveGroups);
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.once(sig, () => {
    killLiveGroups();
    process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGHUP' ? 1 : 15));
  });
}

/** Things to undo at the end, last first. */
export class Cleanup {
  private steps: (() => Promise<void> | void)[] = [];
  add(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }
  tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    liveDirs.add(dir);
    this.add(() => {
      fs.rmSync(dir, { recursive: true, force: true });
      liveDirs.delete(dir);
    });
    return dir;
  }
  async run(): Promise<void> {
    for (const step of this.steps.reverse()) {
      try {
        await step();
      } catch (e) {
        console.error('cleanup:', e);
      }
    }
    this.steps = [];
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}

/** A temp workspace folder: seed.txt and samples/ (see fillWorkspace). */
export function makeWorkspace(cleanup: Cleanup): string {
  const dir = cleanup.tempDir('br-ws-');
  fillWorkspace(dir);
  return dir;
}

export interface CodeServer {
  port: number;
  url: string;
  userDataDir: string;
  extensionsDir: string;
  proc: ChildProcess;
  output: () => string;
}

export interface StartOptions {
  /** Extra environment for code-server (and so its extension host). */
  env?: NodeJS.ProcessEnv;
  /** Display language: code-server's --locale. */
  locale?: string;
  /** User settings.json content. */
  settings?: Record<string, unknown>;
  /**
   * --vscode-option enable-smoke-test-driver (default true): needed for the
   * extensionTestsPath payload, but it also hides notification toasts, so a
   * UI session that clicks a notification turns it off.
   */
  smokeTestDriver?: boolean;
  /** .vsix files to install into the fresh extensions folder before starting. */
  vsix?: string[];
}

const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

function runOnce(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${path.basename(args[0] ?? cmd)} ${args.slice(1).join(' ')} exited ${code}: ${out}`));
    });
  });
}

export async function startCodeServer(cleanup: Cleanup, opts: StartOptions = {}): Promise<CodeServer> {
  const t = tools();
  const home = cleanup.tempDir('br-cs-');
  const userDataDir = path.join(home, 'user-data');
  const extensionsDir = path.join(home, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...opts.settings }, null, 2));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    EXTENSIONS_GALLERY: '{}',
    ...opts.env,
  };
  // This machine's npm config must not leak into code-server's Node (nodedir etc.).
  delete env.npm_config_nodedir;
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  // --locale takes effect only with a language pack for it: a stand-in one.
  if (opts.locale && !opts.locale.startsWith('en')) registerLanguagePack(userDataDir, opts.locale);
  for (const file of opts.vsix ?? []) await runOnce(t.node, [t.codeServer, ...common, '--install-extension', file], env, 60000);
  const port = await freePort();
  const args = [
    t.codeServer,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...common,
    ...(opts.locale ? ['--locale', opts.locale] : []),
    ...(opts.smokeTestDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
  ];
  const proc = spawn(t.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (proc.pid !== undefined) liveGroups.add(proc.pid);
  let output = '';
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  cleanup.add(() => stopGroup(proc, 'code-server'));
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      const onData = (): void => {
        if (/HTTP server listening/.test(output)) resolve();
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.on('exit', (code) => reject(new Error(`code-server exited ${code} before listening:\n${output}`)));
      onData();
    }),
    30000,
    'code-server to listen',
  );
  return { port, url: `http://127.0.0.1:${port}/`, userDataDir, extensionsDir, proc, output: () => output };
}

/** SIGTERM to the whole process group, SIGKILL after a grace period. */
export async function stopGroup(proc: ChildProcess, name: string, graceMs = 5000): Promise<void> {
  if (proc.pid === undefined) return;
  if (proc.exitCode !== null || proc.signalCode !== null) {
    // the leader is gone; its group may not be
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    liveGroups.delete(proc.pid);
    return;
  }
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const kill = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-proc.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => {
    console.error(`${name} did not stop after SIGTERM in ${graceMs} ms: SIGKILL`);
    kill('SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
  // Children that outlived the leader (extension host, language server): same group.
  kill('SIGKILL');
  liveGroups.delete(proc.pid);
}

/** Chromium with a fresh profile (playwright makes and removes a temp one). */
export async function launchBrowser(cleanup: Cleanup): Promise<Browser> {
  const t = tools();
  const browser = await withTimeout(
    chromium.launch({
      executablePath: t.chromium,
      headless: true,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      ],
      timeout: 30000,
    }),
    40000,
    'Chromium to start',
  );
  cleanup.add(async () => {
    await withTimeout(browser.close(), 10000, 'Chromium to close').catch(() => {
      /* the process goes with playwright's own kill on exit */
    });
  });
  return browser;
}

/** The workbench URL, optionally with an extension under development and its tests (smoke-test payload). */
export function workbenchUrl(cs: CodeServer, folder: string, payload?: { extensionDevelopmentPath: string; extensionTestsPath?: string }): string {
  let url = `${cs.url}?folder=${encodeURIComponent(folder)}`;
  if (payload) {
    const items: [string, string][] = [['extensionDevelopmentPath', `vscode-remote://remote${payload.extensionDevelopmentPath}`]];
    if (payload.extensionTestsPath) items.push(['extensionTestsPath', `vscode-remote://remote${payload.extensionTestsPath}`]);
    url += `&payload=${encodeURIComponent(JSON.stringify(items))}`;
  }
  return url;
}

/** Workbench chatter that is not the suite's output. */
const QUIET = /^\s*$|^No extension gallery service|^Ignoring fetching|^Creating a socket|^Resol(ved|ving) connection token|^\[(reconnection-grace-time|Service Worker|AgentHost[^\]]*|AccountPolicyGate)\]|^Updating additional builtin|^Extension host|^Started local extension host/;

export interface SuiteResult {
  exitCode: number;
  counts: { passed: number; failed: number; skipped: number } | undefined;
  log: string;
}

/**
 * Runs the compiled integration suite (out/integration/index.js) in code-server:
 * the workbench loads the extension from the repo and the suite as its tests,
 * and reports the end through window.codeAutomationExit.
 */
export async function runIntegrationSuite(opts: { locale?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; echo?: boolean } = {}): Promise<SuiteResult> {
  const cleanup = new Cleanup();
  let log = '';
  const echo = opts.echo ?? true;
  try {
    const workspace = makeWorkspace(cleanup);
    const cs = await startCodeServer(cleanup, { env: opts.env, locale: opts.locale });
    const browser = await launchBrowser(cleanup);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let exit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((r) => (exit = r));
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      log += `${line}\n`;
      if (echo && !QUIET.test(line)) console.log(type === 'error' ? `  [host error] ${line}` : `  ${line}`);
    });
    page.on('pageerror', (e) => (log += `[page error] ${e.message}\n`));
    const url = workbenchUrl(cs, workspace, {
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'integration', 'index.js'),
    });
    await page.goto(url, { timeout: 30000 });
    const exitCode = await withTimeout(exited, opts.timeoutMs ?? 240000, 'the integration suite to finish (codeAutomationExit)').catch(async (e) => {
      fs.mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS, 'integration-timeout.png') }).catch(() => undefined);
      log += `${e.message}\n--- code-server output ---\n${cs.output()}\n`;
      console.error(e.message);
      return 124;
    });
    const m = /BR_E2E_COUNTS (\{.*\})/.exec(log);
    return { exitCode, counts: m ? JSON.parse(m[1]) : undefined, log };
  } finally {
    await cleanup.run();
  }
}

export type { Browser, Page };
