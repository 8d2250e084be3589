// Device classes: browser family + OS family + channel, versions stripped.
// A browser update (Chrome 131 → 134) must never look like a new device, and
// an aggregator (他社サービスからログイン) is its own class that never alerts
// as a new device (brokers.md §1.4).

import { normalizeText } from '../brokers/shared/text';

export type ChannelClass = 'pc' | 'mobile' | 'app' | 'aggregator' | 'unknown';

export interface DeviceClass {
  /** `pc|Chrome|Windows`, `app:iSPEED|-|iOS`, `aggregator|-|-` */
  key: string;
  channel: ChannelClass;
  /** Whether the broker showed a channel (Rakuten) or we inferred it from the OS (SBI). */
  channelShown: boolean;
  app?: string;
  browser?: string;
  os?: string;
}

export interface DeviceFields {
  channel?: string | undefined;
  os?: string | undefined;
  browser?: string | undefined;
  device?: string | undefined;
  userAgent?: string | undefined;
}

const AGGREGATOR =
  /他社サービス|外部サービス|外部アプリ|連携サービス|アグリゲ|API連携|マネーフォワード|Moneytree|マネーツリー|Zaim|カビュウ/i;
/** Broker apps by name; `ｉＳＰＥＥＤ` is `iSPEED` after NFKC. */
const APPS: Array<[RegExp, string]> = [
  [/ispeed/i, 'iSPEED'],
  [/hyper\s*sbi/i, 'HYPER SBI'],
  [/株アプリ|sbi証券\s*株/i, 'SBI証券 株アプリ'],
  [/marketspeed|マーケットスピード/i, 'MARKETSPEED'],
  [/楽天証券アプリ/i, '楽天証券アプリ'],
];
const GENERIC_APP = /アプリ|\bapp\b|application/i;
const MOBILE = /スマートフォン|スマホ|モバイル|携帯|タブレット|mobile|smartphone|tablet|iphone|ipad|android/i;
const PC = /^(pc|パソコン|web|ウェブ|ブラウザ|browser|pcサイト|パソコンサイト|desktop)$|パソコン|pc/i;

export function osFamily(text: string): string | undefined {
  const t = normalizeText(text);
  if (!t) return undefined;
  if (/iphone|ipad|ipod|\bios\b|ipados/i.test(t)) return 'iOS';
  if (/android/i.test(t)) return 'Android';
  if (/windows|win(32|64|nt|10|11)?\b/i.test(t)) return 'Windows';
  if (/cros|chrome\s*os|chromeos/i.test(t)) return 'ChromeOS';
  if (/mac\s*os|macos|os\s*x|macintosh|\bmac\b/i.test(t)) return 'macOS';
  if (/linux|ubuntu|debian|fedora|x11/i.test(t)) return 'Linux';
  return undefined;
}

export function browserFamily(text: string): string | undefined {
  const t = normalizeText(text);
  if (!t) return undefined;
  // order matters: Edge, Opera, Samsung and in-app browsers all say "Chrome" too
  if (/edg(e|a|ios)?\b|edg\//i.test(t)) return 'Edge';
  if (/opr\/|opera/i.test(t)) return 'Opera';
  if (/samsungbrowser|samsung internet/i.test(t)) return 'Samsung Internet';
  if (/vivaldi/i.test(t)) return 'Vivaldi';
  if (/yabrowser|yandex/i.test(t)) return 'Yandex';
  if (/firefox|fxios/i.test(t)) return 'Firefox';
  if (/msie|trident|internet explorer/i.test(t)) return 'Internet Explorer';
  if (/chrome|crios|chromium/i.test(t)) return 'Chrome';
  if (/safari/i.test(t)) return 'Safari';
  return undefined;
}

function appName(t: string): string | undefined {
  for (const [re, name] of APPS) if (re.test(t)) return name;
  return undefined;
}

/** The device class of one login row. */
export function deviceClassOf(f: DeviceFields): DeviceClass {
  const channelText = normalizeText(f.channel);
  const ua = normalizeText(f.userAgent);
  const device = normalizeText(f.device);
  const all = [channelText, device, ua].join(' ');
  const os = osFamily(f.os ?? '') ?? osFamily(ua) ?? osFamily(device);
  let browser = browserFamily(f.browser ?? '') ?? browserFamily(ua);
  let channel: ChannelClass = 'unknown';
  let app: string | undefined;
  if (AGGREGATOR.test(all)) {
    channel = 'aggregator';
  } else if ((app = appName(all))) {
    channel = 'app';
  } else if (channelText && GENERIC_APP.test(channelText)) {
    channel = 'app';
    app = channelText;
  } else if (channelText && MOBILE.test(channelText)) {
    channel = 'mobile';
  } else if (channelText && PC.test(channelText)) {
    channel = 'pc';
  } else if (os === 'iOS' || os === 'Android' || MOBILE.test(device)) {
    channel = 'mobile';
  } else if (os || browser || PC.test(device)) {
    channel = 'pc';
  }
  if (channel === 'app' || channel === 'aggregator') browser = undefined;
  const key = `${channel}${app ? `:${app}` : ''}|${browser ?? '-'}|${channel === 'aggregator' ? '-' : (os ?? '-')}`;
  const out: DeviceClass = { key, channel, channelShown: channelText !== '' };
  if (app) out.app = app;
  if (browser) out.browser = browser;
  if (os && channel !== 'aggregator') out.os = os;
  return out;
}

/** The channel part alone (what "new channel" compares). */
export function channelKey(d: DeviceClass): string {
  return d.app ? `app:${d.app}` : d.channel;
}
