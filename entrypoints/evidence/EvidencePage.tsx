// The evidence page: choose what goes into the bundle, mask or not, one
// "export" button. The download is a Blob URL clicked through <a download>,
// so the extension needs no `downloads` permission. Opened from the popup, an
// alert's "not me" action (?incident=ID) or a broker card (?broker=ID).
// With an incident open and nothing chosen, that incident is what it exports
// (issue 10); after the export it says where the file is and what to do next.

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BundleReceipt } from '../../components/BundleReceipt';
import { urgentSentence } from '../../components/UrgentLine';
import { IncidentSummary } from '../../components/IncidentSummary';
import { WhatToDoCard } from '../../components/WhatToDoCard';
import { caseOf } from '../../utils/evidence/case';
import { caseRows, type CaseRow } from '../../utils/evidence/case-rows';
import { collectEvidence } from '../../utils/evidence/collect';
import { damageStatement } from '../../utils/evidence/damage';
import { storySentence } from '../../utils/evidence/report';
import { currencyName } from '../../utils/evidence/words';
import { BROKER_LABELS, brokerName } from '../../utils/brokers/labels';
import { formatJst } from '../../utils/brokers/shared/dates';
import { mostUrgent, type UrgentIncident } from '../../utils/dashboard/urgent';
import type { Alert } from '../../utils/records/alert';
import type { Incident } from '../../utils/records/incident';
import type { BrokerId } from '../../utils/brokers/types';
import { blobSink, bundleFileName, writeEvidenceBundle } from '../../utils/evidence/bundle';
import type { BundleReceipt as Receipt } from '../../utils/evidence/receipt';
import type { EvidenceOptions, EvidenceScope } from '../../utils/evidence/types';
import { t, uiLang } from '../../utils/i18n';
import { toJstIso } from '../../utils/brokers/shared/dates';
import { shownOpenAlerts } from '../../utils/store/alerts';
import { openDb } from '../../utils/store/db';

type ScopeKind = 'all' | 'broker' | 'range' | 'incident';

interface IncidentChoice {
  id: string;
  label: string;
}

const SEVERITY_KEYS = {
  info: 'severityInfo',
  low: 'severityLow',
  medium: 'severityMedium',
  high: 'severityHigh',
} as const;
const RATE_CURRENCIES = ['HKD', 'USD', 'CNY'] as const;

/** 「楽天証券 2025/11/29 10:17〜10:20（緊急）」: no ids, no codes. */
function incidentLabel(i: Incident, lang: 'ja' | 'en'): string {
  const from = formatJst(i.firstEventAt);
  const to = formatJst(i.lastEventAt);
  return t('evidenceIncidentLabel', [
    brokerName(i.broker, lang),
    from,
    from.slice(0, 10) === to.slice(0, 10) ? to.slice(11) : to,
    t(SEVERITY_KEYS[i.severity]),
  ]);
}

function initialScope(): { kind: ScopeKind; broker: BrokerId; incident: string } {
  const q = new URLSearchParams(location.search);
  const incident = q.get('incident') ?? '';
  const broker = (BROKER_LABELS.find((b) => b.id === q.get('broker'))?.id ?? BROKER_LABELS[0]!.id) as BrokerId;
  return { kind: incident ? 'incident' : q.get('broker') ? 'broker' : 'all', broker, incident };
}

export function EvidencePage() {
  const lang = uiLang();
  const init = initialScope();
  const [kind, setKind] = useState<ScopeKind>(init.kind);
  const [broker, setBroker] = useState<BrokerId>(init.broker);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [incident, setIncident] = useState(init.incident);
  const [incidents, setIncidents] = useState<IncidentChoice[]>([]);
  const [openIncident, setOpenIncident] = useState<UrgentIncident | undefined>();
  const [summary, setSummary] = useState<{ story: string; rows: CaseRow[] } | undefined>();
  const [rates, setRates] = useState<Record<string, string>>({});
  const [maskAccounts, setMaskAccounts] = useState(false);
  const [maskNames, setMaskNames] = useState(false);
  const [extraNames, setExtraNames] = useState('');
  const [state, setState] = useState<{ busy: boolean; done?: Receipt; failed?: string }>({ busy: false });
  const explicit = new URLSearchParams(location.search);
  const chosen = explicit.has('incident') || explicit.has('broker');

  // the incidents first; then, opened with ?export=now, the export of the default scope
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('evidenceTitle');
    const db = openDb();
    Promise.all([db.incidents.toArray(), shownOpenAlerts(db)])
      .then(([rows, open]: [Incident[], Alert[]]) => {
        setIncidents(
          [...rows]
            .sort((a, b) => b.lastEventAt.localeCompare(a.lastEventAt))
            .map((r) => ({ id: r.id, label: incidentLabel(r, lang) })),
        );
        const top = mostUrgent(rows, open);
        setOpenIncident(top);
        // the incident as the case tells it: the same sentence and rows as the report's 要点
        if (top)
          void collectEvidence(db, { incidentId: top.id })
            .then((d) => {
              const c = caseOf(d);
              const story = storySentence(
                c,
                damageStatement({ case: c, orders: d.lotOrders ?? d.orders, holdings: d.holdings }),
                lang,
              );
              if (story) setSummary({ story, rows: caseRows(c, lang) });
            })
            .catch(() => undefined);
        let scopeNow: EvidenceScope | undefined;
        if (top && !chosen) {
          setKind('incident');
          setIncident(top.id);
          scopeNow = { incidentId: top.id };
        }
        return scopeNow;
      })
      .catch(() => undefined)
      .then((scopeNow) => {
        if (explicit.get('export') === 'now') void exportNow(scopeNow);
      });
  }, []);

  const scope = (): EvidenceScope => {
    if (kind === 'broker') return { broker };
    if (kind === 'range')
      return { ...(from ? { from: `${from}T00:00:00+09:00` } : {}), ...(to ? { to: `${to}T23:59:59+09:00` } : {}) };
    if (kind === 'incident' && incident) return { incidentId: incident };
    return {};
  };

  const exportNow = async (scopeOverride?: EvidenceScope) => {
    setState({ busy: true });
    try {
      const exportedAt = toJstIso(Date.now());
      const typedRates = Object.fromEntries(
        Object.entries(rates)
          .map(([c, v]) => [c, Number(v.replace(/,/g, ''))] as const)
          .filter(([, v]) => Number.isFinite(v) && v > 0),
      );
      const options: EvidenceOptions = {
        scope: scopeOverride ?? scope(),
        ...(Object.keys(typedRates).length ? { rates: typedRates } : {}),
        exportedAt,
        mask: {
          accountNumbers: maskAccounts,
          names: maskNames,
          extraNames: extraNames
            .split(/[,、\n]/)
            .map((s) => s.trim())
            .filter(Boolean),
        },
        environment: {
          extensionName: t('extName'),
          extensionVersion: browser.runtime.getManifest().version,
          userAgent: navigator.userAgent,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        },
      };
      const out = blobSink();
      const summary = await writeEvidenceBundle(openDb(), options, out.sink);
      const file = bundleFileName(exportedAt, options.scope?.broker);
      const url = URL.createObjectURL(out.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = file;
      a.dataset.field = 'download';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({
        busy: false,
        done: {
          file,
          exportedAt,
          zipSha256: summary.zipSha256,
          fingerprint: summary.fingerprint,
          chainHead: summary.chainHead,
        },
      });
      setTimeout(() => (document.querySelector('[data-field="done"]') as HTMLElement | null)?.focus(), 0);
    } catch (err) {
      setState({ busy: false, failed: String(err instanceof Error ? err.message : err) });
    }
  };

  return (
    <main class="evidence">
      <h1>{t('evidenceTitle')}</h1>
      <p>{t('evidenceIntro')}</p>
      {openIncident ? (
        <section class="incident-box" data-field="open-incident" aria-labelledby="open-incident-title">
          <h2 id="open-incident-title">{t('evidenceOpenIncident')}</h2>
          {summary ? (
            <IncidentSummary story={summary.story} rows={summary.rows} />
          ) : (
            <p>{urgentSentence(openIncident, lang)}</p>
          )}
          <p class="note">{t('evidenceOpenIncidentNote')}</p>
          <WhatToDoCard broker={openIncident.broker as BrokerId} incidentId={openIncident.id} folded />
        </section>
      ) : null}
      <button type="button" data-field="export" disabled={state.busy} onClick={() => void exportNow()}>
        {state.busy ? t('evidenceExporting') : t('evidenceExport')}
      </button>
      {state.done && (
        <section class="done" data-field="done" aria-labelledby="done-title" tabIndex={-1}>
          <h2 id="done-title">{t('evidenceDoneTitle')}</h2>
          <p data-field="where">{t('evidenceDoneWhere', state.done.file)}</p>
          <h3>{t('evidenceDoneNext')}</h3>
          <ol data-field="next">
            <li>{t('evidenceDonePrint')}</li>
            <li>{t('evidenceDoneUsb')}</li>
            <li>{t('evidenceDoneKeep')}</li>
          </ol>
          {/* issue 11 (verifier): the fingerprint, the chain head and the mailto: receipt */}
          <BundleReceipt receipt={state.done} />
        </section>
      )}
      {state.failed && (
        <p class="failed" data-field="failed" role="alert">
          {t('evidenceFailed')} {state.failed}
        </p>
      )}
      <fieldset>
        <legend>{t('evidenceScope')}</legend>
        <label>
          <input
            type="radio"
            name="scope"
            checked={kind === 'incident'}
            disabled={!incidents.length && !incident}
            onChange={() => setKind('incident')}
          />{' '}
          {t('evidenceScopeIncident')}
        </label>
        <select
          class="inline"
          aria-label={t('evidenceIncidentChoice')}
          value={incident}
          disabled={kind !== 'incident'}
          onChange={(e) => setIncident((e.currentTarget as HTMLSelectElement).value)}
        >
          {!incidents.some((i) => i.id === incident) && (
            <option value={incident}>{incident ? incident : t('evidenceIncidentNone')}</option>
          )}
          {incidents.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
        <label>
          <input type="radio" name="scope" checked={kind === 'all'} onChange={() => setKind('all')} />{' '}
          {t('evidenceScopeAll')}
        </label>
        <label>
          <input type="radio" name="scope" checked={kind === 'broker'} onChange={() => setKind('broker')} />{' '}
          {t('evidenceScopeBroker')}
        </label>
        <select
          class="inline"
          aria-label={t('evidenceBrokerChoice')}
          value={broker}
          disabled={kind !== 'broker'}
          onChange={(e) => setBroker((e.currentTarget as HTMLSelectElement).value as BrokerId)}
        >
          {BROKER_LABELS.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label[lang]}
            </option>
          ))}
        </select>
        <label>
          <input type="radio" name="scope" checked={kind === 'range'} onChange={() => setKind('range')} />{' '}
          {t('evidenceScopeRange')}
        </label>
        <span class="inline">
          <label class="date">
            {t('evidenceFrom')}{' '}
            <input
              type="date"
              data-field="from"
              value={from}
              disabled={kind !== 'range'}
              onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)}
            />
          </label>{' '}
          <label class="date">
            {t('evidenceTo')}{' '}
            <input
              type="date"
              data-field="to"
              value={to}
              disabled={kind !== 'range'}
              onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
        </span>
      </fieldset>
      <fieldset>
        <legend>{t('evidenceMask')}</legend>
        <label>
          <input
            type="checkbox"
            data-field="mask-accounts"
            checked={maskAccounts}
            onChange={(e) => setMaskAccounts((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('evidenceMaskAccounts')}
        </label>
        <label>
          <input
            type="checkbox"
            data-field="mask-names"
            checked={maskNames}
            onChange={(e) => setMaskNames((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('evidenceMaskNames')}
        </label>
        <label>
          {t('evidenceMaskExtraNames')}{' '}
          <input
            type="text"
            value={extraNames}
            disabled={!maskNames}
            onInput={(e) => setExtraNames((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <p class="note">{t('evidenceMaskNote')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('evidenceRates')}</legend>
        <p class="note">{t('evidenceRatesNote')}</p>
        {RATE_CURRENCIES.map((c) => (
          <label key={c} class="rate">
            {t('evidenceRateFor', currencyName(c, lang))}{' '}
            <input
              type="text"
              inputMode="decimal"
              data-field={`rate-${c}`}
              value={rates[c] ?? ''}
              onInput={(e) => setRates({ ...rates, [c]: (e.currentTarget as HTMLInputElement).value })}
            />
          </label>
        ))}
      </fieldset>
      <p class="note">{t('evidenceWhatInside')}</p>
      <p class="note">
        <a data-field="verify-link" href="/verify.html" target="_blank" rel="noopener">
          {t('receiptVerifyPage')}
        </a>
      </p>
    </main>
  );
}
