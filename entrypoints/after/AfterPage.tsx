// "Something already happened" (issue 10 item 3): many victims install only
// after the attack. A guided page: the login environments and the orders in
// plain words (utils/after/plain-words.ts), marked by the user as theirs or
// not; then the case that follows (the case function, as the report builds
// it); then the export. Answers go to the same answers store as everywhere.

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { IncidentSummary } from '../../components/IncidentSummary';
import { answerEvents, REFRESH_BADGE_MESSAGE } from '../../utils/alerts/inbox';
import type { IncidentRow } from '../../utils/alerts/incident-view';
import { environmentLine, orderLine } from '../../utils/after/plain-words';
import { BROKER_LABELS, brokerName } from '../../utils/brokers/labels';
import type { BrokerId } from '../../utils/brokers/types';
import { loadCase } from '../../utils/case/load';
import { listEnvironments, reviewEnvironment } from '../../utils/dashboard/environments';
import { caseOf } from '../../utils/evidence/case';
import { caseRows } from '../../utils/evidence/case-rows';
import { collectEvidence } from '../../utils/evidence/collect';
import { damageStatement } from '../../utils/evidence/damage';
import { storySentence } from '../../utils/evidence/report';
import { t, uiLang } from '../../utils/i18n';
import type { OrderEvent } from '../../utils/records';
import type { Environment } from '../../utils/records/environment';
import { openDb, type KabuGuardDB } from '../../utils/store/db';

type Mark = 'mine' | 'not-mine' | 'suspect' | 'none';
const MARK_KEYS = {
  mine: 'afterMarkMine',
  'not-mine': 'afterMarkNotMine',
  suspect: 'afterMarkSuspect',
  none: 'afterMarkNone',
} as const;
/** Orders listed: the newest this many days of each broker's history, at most ORDER_LIMIT. */
const ORDER_DAYS = 120;
const ORDER_LIMIT = 60;

interface Loaded {
  envs: Environment[];
  envMarks: Record<string, Mark>;
  orders: OrderEvent[];
  orderMarks: Record<string, Mark>;
  story?: string;
  rows: IncidentRow[];
  brokers: BrokerId[];
}

async function load(db: KabuGuardDB, lang: 'ja' | 'en'): Promise<Loaded> {
  const [envs, all, c] = await Promise.all([listEnvironments(db), db.orders.toArray(), loadCase(db)]);
  const marks = new Map<string, Mark>();
  for (const e of c.suspect) marks.set(e.id, 'suspect');
  for (const e of c.mine) marks.set(e.id, 'mine');
  for (const e of c.notMine) marks.set(e.id, 'not-mine');
  const envMarks: Record<string, Mark> = {};
  for (const e of envs)
    envMarks[e.id] = c.environments.notMine.includes(e.id)
      ? 'not-mine'
      : e.status === 'confirmed'
        ? 'mine'
        : c.environments.suspect.includes(e.id)
          ? 'suspect'
          : 'none';
  const newest = new Map<string, number>();
  for (const o of all) newest.set(o.broker, Math.max(newest.get(o.broker) ?? 0, Date.parse(o.at)));
  const orders = all
    .filter((o) => Date.parse(o.at) >= (newest.get(o.broker) ?? 0) - ORDER_DAYS * 86_400_000)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.id.localeCompare(b.id))
    .slice(0, ORDER_LIMIT);
  const orderMarks: Record<string, Mark> = {};
  for (const o of orders) orderMarks[o.id] = marks.get(o.id) ?? 'none';
  // the case as the report builds it: the same sentence and rows
  const d = await collectEvidence(db);
  const cf = caseOf(d);
  const story = storySentence(
    cf,
    damageStatement({ case: cf, orders: d.lotOrders ?? d.orders, holdings: d.holdings }),
    lang,
  );
  const brokers = [
    ...new Set([
      ...cf.logins.map((x) => x.login.broker),
      ...cf.orders.map((x) => x.trade.order.broker),
      ...cf.accountChanges.map((x) => x.change.broker as BrokerId),
    ]),
  ].filter((b): b is BrokerId => BROKER_LABELS.some((x) => x.id === b));
  return {
    envs: envs.filter((e) => e.count > 0),
    envMarks,
    orders,
    orderMarks,
    ...(story ? { story } : {}),
    rows: caseRows(cf, lang),
    brokers,
  };
}

export function AfterPage({ db = openDb() }: { db?: KabuGuardDB }) {
  const lang = uiLang();
  const [state, setState] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = () => load(db, lang).then(setState);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('afterTitle');
    void reload();
  }, []);
  const act = async (f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
      await browser.runtime.sendMessage(REFRESH_BADGE_MESSAGE).catch(() => undefined);
      await reload();
    } finally {
      setBusy(false);
    }
  };
  const onEnv = (e: Environment, verdict: 'mine' | 'not-mine') => act(() => reviewEnvironment(db, e.id, verdict));
  const onOrder = (o: OrderEvent, verdict: 'mine' | 'not-mine') =>
    act(() => answerEvents(db, o.broker, [{ id: o.id, at: o.at }], verdict));
  const answerButtons = (line: string, mark: Mark, on: (v: 'mine' | 'not-mine') => void) => (
    <span class="after__answers">
      <button
        type="button"
        data-answer="mine"
        aria-pressed={mark === 'mine'}
        aria-label={t('afterAnswerMineLabel', line)}
        disabled={busy}
        onClick={() => on('mine')}
      >
        {t('afterAnswerMine')}
      </button>
      <button
        type="button"
        data-answer="not-mine"
        class="danger"
        aria-pressed={mark === 'not-mine'}
        aria-label={t('afterAnswerNotMineLabel', line)}
        disabled={busy}
        onClick={() => on('not-mine')}
      >
        {t('afterAnswerNotMine')}
      </button>
    </span>
  );
  const brokersOf = (ids: BrokerId[]) => BROKER_LABELS.filter((b) => ids.includes(b.id as BrokerId));
  return (
    <main class="after" aria-busy={busy}>
      <h1>{t('afterTitle')}</h1>
      <p class="lead">{t('afterLead')}</p>
      {state === null ? (
        <p>{t('popupLoading')}</p>
      ) : !state.envs.length && !state.orders.length ? (
        <p class="after__empty" data-field="empty">
          {t('afterEmpty')}
        </p>
      ) : null}

      <section aria-labelledby="after-envs" data-step="environments">
        <h2 id="after-envs">{t('afterEnvsTitle')}</h2>
        <p>{t('afterEnvsHelp')}</p>
        {brokersOf([...new Set((state?.envs ?? []).map((e) => e.broker))]).map((b) => (
          <div key={b.id} data-broker={b.id}>
            <h3>{b.label[lang]}</h3>
            <ul class="after__list">
              {state!.envs
                .filter((e) => e.broker === b.id)
                .map((e) => {
                  const line = environmentLine(e, lang);
                  const mark = state!.envMarks[e.id] ?? 'none';
                  return (
                    <li key={e.id} data-env-id={e.id} data-mark={mark}>
                      <span class="after__line" data-field="line">
                        {e.label ? `${e.label}：${line}` : line}
                      </span>
                      <span class={`after__mark after__mark--${mark}`} data-field="mark">
                        {t(MARK_KEYS[mark])}
                      </span>
                      {answerButtons(line, mark, (v) => void onEnv(e, v))}
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="after-orders" data-step="orders">
        <h2 id="after-orders">{t('afterOrdersTitle')}</h2>
        <p>{t('afterOrdersHelp')}</p>
        {state && !state.orders.length ? <p>{t('afterOrdersNone')}</p> : null}
        {brokersOf([...new Set((state?.orders ?? []).map((o) => o.broker))]).map((b) => (
          <div key={b.id} data-broker={b.id}>
            <h3>{b.label[lang]}</h3>
            <ul class="after__list">
              {state!.orders
                .filter((o) => o.broker === b.id)
                .map((o) => {
                  const line = orderLine(o, lang);
                  const mark = state!.orderMarks[o.id] ?? 'none';
                  return (
                    <li key={o.id} data-order-id={o.id} data-mark={mark}>
                      <span class="after__line" data-field="line">
                        {line}
                      </span>
                      <span class={`after__mark after__mark--${mark}`} data-field="mark">
                        {t(MARK_KEYS[mark])}
                      </span>
                      {answerButtons(line, mark, (v) => void onOrder(o, v))}
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="after-case" data-step="case" class="after__case">
        <h2 id="after-case">{t('afterCaseTitle')}</h2>
        {state?.story ? (
          <>
            <p>{t('afterCaseHelp')}</p>
            <IncidentSummary story={state.story} rows={state.rows} />
            <p class="after__export">
              {brokersOf(state.brokers).map((b) => (
                <a
                  key={b.id}
                  class="button-link"
                  data-action="export-evidence"
                  href={`evidence.html?broker=${encodeURIComponent(b.id)}&export=now`}
                >
                  {state.brokers.length > 1 ? t('afterExportFor', brokerName(b.id, lang)) : t('afterExport')}
                </a>
              ))}
            </p>
            <p class="note">{t('afterExportNote')}</p>
          </>
        ) : (
          <p data-field="case-empty">{t('afterCaseNone')}</p>
        )}
      </section>
    </main>
  );
}
