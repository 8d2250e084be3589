// Files in, records out, for the command line: saved broker pages (HTML,
// MHTML), broker CSV exports and scenario files (shared/scenarios/FORMAT.md)
// go through the same ingest path as captures in the extension, into
// whatever store it is given (a fresh in-memory one for `npm run bundle`),
// and detection runs after each capture as it does in the background, so a
// bundle made here carries the same alerts the extension would have raised.

import { analyzeSavedFile } from '../analyze';
import { pageRefusal } from '../analyze/limits';
import { isMhtml, readMhtml } from '../analyze/mhtml';
import { brokerById, brokerForUrl } from '../brokers';
import { marketRegion, currencyCode } from '../brokers/shared/markets';
import type { AccountEventRow, BrokerId, LoginRow, OrderRow } from '../brokers/types';
import { decodeBytes } from '../capture/decode';
import { ingestCapture, type ParseHtml } from '../capture/ingest';
import { importFile } from '../import/import-file';
import { appendLog } from '../store/capture-log';
import type { KabuGuardDB } from '../store/db';
import { answerEnvironment, applyFeedback, installedAt, runDetection } from '../detect/engine';
import { loginFacts } from '../detect/facts';
import { ScenarioSchema, scenarioAccountRow as evalAccountRow } from '../detect/scenario';
import { upsertAccountEvents } from '../store/account-events';
import { markInstalled } from '../store/install';
import { allLogins, earliestPerBroker, loginsOf, upsertLogins } from '../store/logins';
import { orderEventIds, upsertOrders } from '../store/orders';
import { recordVisit } from '../store/visits';
import type { LoginEvent } from '../records';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface InputOptions {
  /** For saved pages that do not say where they came from. */
  url?: string;
  broker?: BrokerId;
}

export interface InputReport {
  name: string;
  kind: 'scenario' | 'page' | 'csv';
  ok: boolean;
  note: string;
}

type Row = Record<string, unknown>;
const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
const n = (v: unknown) => (typeof v === 'number' ? v : undefined);

function rawOf(row: Row): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}

export function scenarioLoginRow(r: Row): LoginRow {
  const row: LoginRow = { at: String(r.at), result: r.result === 'failure' ? 'failure' : 'success', raw: rawOf(r) };
  for (const f of ['channel', 'ip', 'os', 'browser', 'device', 'userAgent', 'location'] as const)
    if (s(r[f])) row[f] = s(r[f])!;
  return row;
}

/** An order row as the evaluation reads it (a date alone, 注文日時, fees), keeping what the file said as raw. */
export function scenarioOrderRow(r: Row): OrderRow {
  const status = r.status === 'open' || r.status === 'cancelled' ? r.status : 'executed';
  const row: OrderRow = { at: String(r.at), side: r.side === 'sell' ? 'sell' : 'buy', status, raw: rawOf(r) };
  for (const f of ['symbol', 'name', 'market', 'currency', 'account', 'orderedAt'] as const)
    if (s(r[f])) row[f] = s(r[f])!;
  for (const f of ['quantity', 'price', 'amount', 'fees'] as const) if (n(r[f]) !== undefined) row[f] = n(r[f])!;
  if (row.at.length === 10) Object.assign(row, { at: `${row.at}T00:00:00+09:00`, dateOnly: true });
  row.marketRegion = marketRegion({ market: row.market, currency: row.currency, symbol: row.symbol });
  const code = currencyCode(row.currency);
  if (code) row.currencyCode = code;
  return row;
}

/** An account-change row (お客様情報変更履歴) as the evaluation reads it. */
export function scenarioAccountChangeRow(r: Row): AccountEventRow {
  return { ...evalAccountRow(r as never), raw: rawOf(r) };
}

/**
 * Each capture step's rows are kept as a snapshot of their own (the step's
 * JSON, how: 'import'), so every record points at the bytes it came from.
 */
async function ingestScenario(
  db: KabuGuardDB,
  file: InputFile,
  given: unknown,
  parseHtml: ParseHtml,
): Promise<InputReport> {
  // formats 1 and 2 as the evaluation reads them (cli/eval.ts); a file to rebuild a case need not say what to expect
  const checked = ScenarioSchema.partial({ expect: true, kind: true, title: true }).safeParse(given);
  if (!checked.success)
    return {
      name: file.name,
      kind: 'scenario',
      ok: false,
      note: `not a scenario file: ${checked.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    };
  // checked, but read as written: zod drops keys it does not name, and a row's other columns (為替レート, 手数料 …)
  // are what the page or CSV showed, kept as the row's raw
  const scenario = given as typeof checked.data;
  const broker = brokerById(String(scenario.broker))?.id;
  if (!broker)
    return { name: file.name, kind: 'scenario', ok: false, note: `unknown broker ${String(scenario.broker)}` };
  // version 2: rows before this are history the user already had (the cold start)
  if (scenario.installedAt) await markInstalled(db, scenario.installedAt);
  let logins = 0,
    orders = 0,
    changes = 0,
    visits = 0,
    answers = 0;
  for (const [i, step] of scenario.steps.entries()) {
    const at = String(step.at);
    if (step.type === 'visit') {
      await recordVisit(db, broker, `https://${brokerById(broker)!.hosts[0]}/`, Date.parse(at));
      visits++;
    } else if (step.type === 'logins' || step.type === 'orders' || step.type === 'account-changes') {
      const rows = (step.rows as Row[] | undefined) ?? [];
      const { snapshot } = await ingestCapture(
        db,
        {
          broker,
          url: `import:${file.name}#step-${i + 1}`,
          how: 'import',
          charset: 'utf-8',
          mediaType: 'application/json',
          bytes: new TextEncoder().encode(JSON.stringify(step, null, 1)),
          capturedAt: at,
          fileName: `${scenario.id ?? 'scenario'}-step-${i + 1}.json`,
        },
        parseHtml,
      );
      let ids: string[];
      let loginsFrom: string | undefined;
      if (step.type === 'logins') {
        const r = await upsertLogins(db, broker, rows.map(scenarioLoginRow), snapshot.id, at);
        logins += r.added;
        ids = r.addedIds;
        loginsFrom = r.addedFrom;
      } else if (step.type === 'orders') {
        const parsed = rows.map(scenarioOrderRow);
        ids = orderEventIds(broker, parsed);
        const existing = await db.orders.bulkGet(ids);
        orders += (await upsertOrders(db, broker, parsed, snapshot.id, at)).added;
        ids = ids.filter((_, j) => !existing[j]);
      } else {
        const r = await upsertAccountEvents(db, broker, rows.map(scenarioAccountChangeRow), snapshot.id, at);
        changes += r.added;
        ids = r.addedIds;
      }
      await runDetection(db, {
        newEventIds: ids,
        ...(loginsFrom ? { loginsFrom: { [broker]: loginsFrom } } : {}),
        now: at,
      });
      // no page adapter reads a scenario step: say what read it
      await db.snapshots.update(snapshot.id, {
        pageKind:
          step.type === 'logins' ? 'login-history' : step.type === 'orders' ? 'trade-history' : 'account-changes',
        parse: {
          status: rows.length ? 'ok' : 'empty',
          parserVersion: scenario.format,
          warnings: [],
          records: rows.length,
          at,
        },
      });
    } else if (step.type === 'feedback' && step.environmentOf) {
      // version 2: an answer about the environment of a login as a whole (the review, the environments list)
      const target = Date.parse(step.environmentOf);
      const day1 = await installedAt(db);
      const login = (await loginsOf(db, broker)).find((e) => e.result === 'success' && Date.parse(e.at) === target);
      if (login)
        await answerEnvironment(
          db,
          loginFacts(login, day1 ? Date.parse(day1) : undefined).envId,
          step.verdict,
          'import',
          at,
        );
      await appendLog(db, {
        type: 'feedback',
        at,
        detail: { broker, environmentOf: step.environmentOf, verdict: step.verdict, source: file.name },
      });
      answers++;
    } else if (step.type === 'feedback' && step.event) {
      // the answer as the extension takes it: on the alerts about that event, and in the log
      const target = Date.parse(step.event);
      const verdict = step.verdict;
      const about = (await db.alerts.toArray()).filter(
        (a) => a.broker === broker && a.eventTimes.some((t) => Date.parse(t) === target),
      );
      for (const a of about) await applyFeedback(db, a.id, verdict, at);
      await appendLog(db, {
        type: 'feedback',
        at,
        detail: { broker, event: step.event, verdict, alertIds: about.map((a) => a.id), source: file.name },
      });
      answers++;
    }
  }
  await appendLog(db, {
    type: 'import',
    detail: { file: file.name, scenario: scenario.id ?? null, logins, orders, changes, visits, answers },
  });
  return {
    name: file.name,
    kind: 'scenario',
    ok: true,
    note: `${logins} logins, ${orders} orders, ${changes} account changes, ${visits} visits, ${answers} answers`,
  };
}

async function ingestPage(
  db: KabuGuardDB,
  file: InputFile,
  opts: InputOptions,
  parseHtml: ParseHtml,
): Promise<InputReport> {
  const tooBig = pageRefusal(file.bytes.length);
  if (tooBig) return { name: file.name, kind: 'page', ok: false, note: tooBig };
  const analysed = analyzeSavedFile({ name: file.name, bytes: file.bytes, ...(opts.url ? { url: opts.url } : {}) });
  // what analysis refused (too deep, unreadable) is not ingested either
  const refused = analysed.warnings.find((w) => /^(markup nested|could not be read)/.test(w));
  if (refused) return { name: file.name, kind: 'page', ok: false, note: refused };
  const broker = analysed.broker ?? (opts.url ? brokerForUrl(opts.url)?.id : undefined) ?? opts.broker;
  if (!broker)
    return {
      name: file.name,
      kind: 'page',
      ok: false,
      note: `broker not identified (give --url): ${analysed.warnings.join('; ')}`,
    };
  let bytes = file.bytes;
  let declared: string | undefined;
  if (isMhtml(bytes)) {
    const page = readMhtml(bytes);
    if (!page) return { name: file.name, kind: 'page', ok: false, note: 'MHTML file without an HTML part' };
    bytes = page.bytes;
    declared = page.charset;
  }
  const { charset } = decodeBytes(bytes, declared);
  const r = await ingestCapture(
    db,
    {
      broker,
      url: analysed.url ?? opts.url ?? `import:${file.name}`,
      how: 'import',
      bytes,
      charset,
      fileName: file.name.split(/[\\/]/).pop()!,
    },
    parseHtml,
  );
  return {
    name: file.name,
    kind: 'page',
    ok: r.reading.status === 'ok' || r.reading.status === 'empty',
    note: `${r.reading.pageKind ?? 'page'}: ${r.reading.status}, ${r.added} new records`,
  };
}

/** The stored logins, and the ids of every stored login and order. */
async function storedEvents(db: KabuGuardDB): Promise<{ logins: LoginEvent[]; ids: Set<string> }> {
  const [logins, o] = await Promise.all([allLogins(db), db.orders.toCollection().primaryKeys()]);
  return { logins, ids: new Set([...logins.map((e) => e.id), ...o.map(String)]) };
}

export async function ingestInputs(
  db: KabuGuardDB,
  files: InputFile[],
  opts: InputOptions,
  parseHtml: ParseHtml,
): Promise<InputReport[]> {
  const out: InputReport[] = [];
  for (const file of files) {
    // one file at a time: whatever one file does, the others are still read (issue 11 defect 9)
    try {
      out.push(await ingestInput(db, file, opts, parseHtml));
    } catch (e) {
      out.push({
        name: file.name,
        kind: /\.json$/i.test(file.name) ? 'scenario' : /\.csv$/i.test(file.name) ? 'csv' : 'page',
        ok: false,
        note: `could not be read: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  return out;
}

async function ingestInput(
  db: KabuGuardDB,
  file: InputFile,
  opts: InputOptions,
  parseHtml: ParseHtml,
): Promise<InputReport> {
  if (/\.json$/i.test(file.name)) {
    let parsed: { format?: string } | undefined;
    try {
      parsed = JSON.parse(new TextDecoder().decode(file.bytes));
    } catch {
      parsed = undefined;
    }
    if (parsed?.format === 'scenario/1' || parsed?.format === 'scenario/2')
      return ingestScenario(db, file, parsed, parseHtml);
    return { name: file.name, kind: 'scenario', ok: false, note: 'not a scenario/1 or scenario/2 file' };
  }
  const before = (await storedEvents(db)).ids;
  let report: InputReport;
  if (/\.csv$/i.test(file.name)) {
    const r = await importFile(db, { name: file.name, bytes: file.bytes });
    report = {
      name: file.name,
      kind: 'csv',
      ok: r.status !== 'refused',
      note: r.status === 'refused' ? r.message.en : `${r.status}: ${r.orders} orders`,
    };
  } else report = await ingestPage(db, file, opts, parseHtml);
  const after = await storedEvents(db);
  const fresh = [...after.ids].filter((id) => !before.has(id));
  // new logins are found by their time (utils/store/logins.ts loginsAt): detection is told where they begin
  const loginsFrom = earliestPerBroker(after.logins.filter((e) => !before.has(e.id)));
  if (fresh.length) await runDetection(db, { newEventIds: fresh, loginsFrom });
  return report;
}
