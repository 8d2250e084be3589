// What the stores check in a built extension, as a list of problems (empty:
// fine). Used on the built folders (tests/e2e/manifest.e2e.test.ts) and on the
// store packages themselves (scripts/store-check.ts, `npm run store:check`).
// Permissions are checked against docs/permissions.md, whatever it lists: a
// permission is fine when that page explains it in one of its tables.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brokerHostPatterns } from '../../utils/brokers/hosts';

export interface BuiltManifest {
  manifest_version: number;
  name: string;
  description?: string;
  default_locale?: string;
  version: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> | string; default_popup?: string };
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; js: string[]; all_frames?: boolean }>;
  content_security_policy?: unknown;
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
}

/** Never asked for (docs/permissions.md, "What is not requested"). */
export const FORBIDDEN_PERMISSIONS = [
  'cookies',
  'webRequest',
  'webRequestBlocking',
  'tabs',
  'history',
  'downloads',
  '<all_urls>',
  'debugger',
  'nativeMessaging',
  'clipboardRead',
];

/** Permissions docs/permissions.md explains: the first column of its tables (`| \`name\` | why |`). */
export function documentedPermissions(doc: string): Set<string> {
  const out = new Set<string>();
  for (const m of doc.matchAll(/^\| `([^`]+)`(?: … `[^`]+`)? \|/gm)) out.add(m[1]!);
  return out;
}

export function loadManifest(dir: string): BuiltManifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BuiltManifest;
}

function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.subarray(1, 4).toString('latin1') !== 'PNG') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

/** Permission and host checks shared by every build. */
export function permissionProblems(m: BuiltManifest, doc: string): string[] {
  const problems: string[] = [];
  const documented = documentedPermissions(doc);
  const brokerHosts = new Set(brokerHostPatterns());
  const all = [...(m.permissions ?? []), ...(m.optional_permissions ?? [])];
  for (const p of all.filter((p) => !p.includes('://'))) {
    if (!documented.has(p)) problems.push(`permission ${p} is not explained in docs/permissions.md`);
    if (FORBIDDEN_PERMISSIONS.includes(p)) problems.push(`permission ${p} must not be asked for`);
  }
  const hosts = [
    ...(m.host_permissions ?? []),
    ...(m.optional_host_permissions ?? []),
    ...all.filter((p) => p.includes('://')),
  ];
  if (!hosts.length) problems.push('no broker host at all');
  for (const h of hosts) if (!brokerHosts.has(h)) problems.push(`host ${h} is not a broker host of an adapter`);
  for (const cs of m.content_scripts ?? [])
    for (const match of cs.matches) if (!brokerHosts.has(match)) problems.push(`content script on ${match}`);
  return problems;
}

/** No code from anywhere but the package: no remote script, no loosened CSP, nothing exposed to web pages. */
export function remoteCodeProblems(dir: string, m: BuiltManifest): string[] {
  const problems: string[] = [];
  const csp = JSON.stringify(m.content_security_policy ?? '');
  if (/https?:|\*|unsafe-eval|unsafe-inline|wasm-unsafe-eval/.test(csp)) problems.push(`loosened CSP: ${csp}`);
  if (m.externally_connectable) problems.push('externally_connectable is set');
  if (m.web_accessible_resources) problems.push('web_accessible_resources is set');
  for (const f of files(dir)) {
    const rel = relative(dir, f);
    if (rel.endsWith('.html')) {
      const html = readFileSync(f, 'utf8');
      for (const s of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"' >]+)/gi))
        if (/^(https?:)?\/\//i.test(s[1]!)) problems.push(`${rel}: remote script ${s[1]}`);
      if (/<link\b[^>]*\bhref\s*=\s*["']?(https?:)?\/\//i.test(html)) problems.push(`${rel}: remote stylesheet`);
    }
    if (rel.endsWith('.js')) {
      const js = readFileSync(f, 'utf8');
      if (/importScripts\(\s*["'`]https?:/.test(js)) problems.push(`${rel}: importScripts from the network`);
      if (/\bimport\(\s*["'`]https?:/.test(js)) problems.push(`${rel}: import() from the network`);
    }
  }
  return problems;
}

/** Icons: the declared files exist and are PNGs of the declared size. */
export function iconProblems(dir: string, m: BuiltManifest, required: number[]): string[] {
  const problems: string[] = [];
  const declared: Array<[string, string]> = [
    ...Object.entries(m.icons ?? {}),
    ...(typeof m.action?.default_icon === 'object' ? Object.entries(m.action.default_icon) : []),
  ];
  for (const size of required)
    if (!m.icons?.[String(size)]) problems.push(`no ${size} px icon declared (the stores need it)`);
  for (const [size, path] of declared) {
    const p = join(dir, path);
    if (!existsSync(p)) {
      problems.push(`icon ${path} is missing`);
      continue;
    }
    const got = pngSize(readFileSync(p));
    if (!got || got.width !== Number(size) || got.height !== Number(size))
      problems.push(`icon ${path} is ${got ? `${got.width}x${got.height}` : 'not a PNG'}, declared ${size}`);
  }
  return problems;
}

/** The listing's name and description as the stores read them (__MSG_…__ through the default locale). */
export function localeProblems(dir: string, m: BuiltManifest): string[] {
  const problems: string[] = [];
  const locales = readdirSync(join(dir, '_locales'));
  for (const l of ['ja', 'en']) if (!locales.includes(l)) problems.push(`no _locales/${l}`);
  if (!m.default_locale || !locales.includes(m.default_locale)) problems.push('default_locale has no messages');
  for (const l of locales) {
    const msgs = JSON.parse(readFileSync(join(dir, '_locales', l, 'messages.json'), 'utf8')) as Record<
      string,
      { message: string }
    >;
    const text = (v: string | undefined) => v?.replace(/^__MSG_(\w+)__$/, (_, k: string) => msgs[k]?.message ?? '');
    const name = text(m.name) ?? '';
    const description = text(m.description) ?? '';
    // Chrome Web Store limits: name 75, description 132 characters
    if (!name || name.length > 75) problems.push(`${l}: name "${name}" (${name.length} characters, 1–75)`);
    if (!description || description.length > 132)
      problems.push(`${l}: description ${description.length} characters (1–132)`);
  }
  return problems;
}

/** The Chrome Web Store's view of an MV3 package. */
export function chromeStoreProblems(dir: string, doc: string): string[] {
  const m = loadManifest(dir);
  const problems: string[] = [];
  if (m.manifest_version !== 3) problems.push(`manifest_version ${m.manifest_version}`);
  if (!/^\d+(\.\d+){0,3}$/.test(m.version)) problems.push(`version ${m.version}`);
  if (!m.background?.service_worker) problems.push('no background.service_worker');
  else if (!existsSync(join(dir, m.background.service_worker))) problems.push('service worker file missing');
  if (m.background?.scripts) problems.push('background.scripts is not MV3 for Chrome');
  if (!m.action?.default_popup || !existsSync(join(dir, m.action.default_popup))) problems.push('no action popup');
  if (m.browser_specific_settings) problems.push('browser_specific_settings in the Chrome package');
  problems.push(...permissionProblems(m, doc));
  problems.push(...remoteCodeProblems(dir, m));
  problems.push(...iconProblems(dir, m, [16, 32, 48, 128]));
  problems.push(...localeProblems(dir, m));
  const size = files(dir).reduce((n, f) => n + statSync(f).size, 0);
  if (size > 2 ** 31) problems.push('package over 2 GB');
  return problems;
}

/** AMO's view of the Firefox MV3 package, beyond what `web-ext lint` says. */
export function firefoxStoreProblems(dir: string, doc: string): string[] {
  const m = loadManifest(dir);
  const problems: string[] = [];
  if (m.manifest_version !== 3) problems.push(`manifest_version ${m.manifest_version}`);
  if (!m.browser_specific_settings?.gecko?.id) problems.push('no gecko id');
  if (JSON.stringify(m.browser_specific_settings?.gecko?.data_collection_permissions) !== '{"required":["none"]}')
    problems.push('data_collection_permissions must say required: none');
  problems.push(...permissionProblems(m, doc));
  problems.push(...remoteCodeProblems(dir, m));
  problems.push(...iconProblems(dir, m, [48, 96]));
  problems.push(...localeProblems(dir, m));
  return problems;
}
