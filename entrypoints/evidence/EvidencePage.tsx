// The evidence page: choose what goes into the bundle, mask or not, one
// "export" button. The download is a Blob URL clicked through <a download>,
// so the extension needs no `downloads` permission. Opened from the popup, an
// alert's "not me" action (?incident=ID) or a broker card (?broker=ID).

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BundleReceipt } from '../../components/BundleReceipt';
import { BROKER_LABELS } from '../../utils/brokers/labels';
import type { BrokerId } from '../../utils/brokers/types';
import { blobSink, bundleFileName, writeEvidenceBundle } from '../../utils/evidence/bundle';
import type { BundleReceipt as Receipt } from '../../utils/evidence/receipt';
import type { EvidenceOptions, EvidenceScope } from '../../utils/evidence/types';
import { t, uiLang } from '../../utils/i18n';
import { toJstIso } from '../../utils/brokers/shared/dates';
import { openDb } from '../../utils/store/db';

type ScopeKind = 'all' | 'broker' | 'range' | 'incident';

interface IncidentChoice {
  id: string;
  label: string;
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
  const [maskAccounts, setMaskAccounts] = useState(false);
  const [maskNames, setMaskNames] = useState(false);
  const [extraNames, setExtraNames] = useState('');
  const [state, setState] = useState<{ busy: boolean; done?: Receipt; failed?: string }>({ busy: false });

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('evidenceTitle');
    const db = openDb();
    const table = db.tables.find((x) => x.name === 'incidents');
    table
      ?.toArray()
      .then((rows) =>
        setIncidents(
          (rows as Array<{ id: string; broker?: string; firstEventAt?: string; severity?: string }>).map((r) => ({
            id: r.id,
            label: [
              BROKER_LABELS.find((b) => b.id === r.broker)?.label[lang],
              r.firstEventAt?.slice(0, 16).replace('T', ' '),
              r.severity,
            ]
              .filter(Boolean)
              .join(' · '),
          })),
        ),
      )
      .catch(() => setIncidents([]));
  }, []);

  const scope = (): EvidenceScope => {
    if (kind === 'broker') return { broker };
    if (kind === 'range')
      return { ...(from ? { from: `${from}T00:00:00+09:00` } : {}), ...(to ? { to: `${to}T23:59:59+09:00` } : {}) };
    if (kind === 'incident' && incident) return { incidentId: incident };
    return {};
  };

  // the popup's one-click export opens this page with ?export=now: everything, unmasked
  useEffect(() => {
    if (new URLSearchParams(location.search).get('export') === 'now') void exportNow();
  }, []);

  const exportNow = async () => {
    setState({ busy: true });
    try {
      const exportedAt = toJstIso(Date.now());
      const options: EvidenceOptions = {
        scope: scope(),
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
    } catch (err) {
      setState({ busy: false, failed: String(err instanceof Error ? err.message : err) });
    }
  };

  return (
    <main class="evidence">
      <h1>{t('evidenceTitle')}</h1>
      <p>{t('evidenceIntro')}</p>
      <fieldset>
        <legend>{t('evidenceScope')}</legend>
        <label>
          <input type="radio" name="scope" checked={kind === 'all'} onChange={() => setKind('all')} />{' '}
          {t('evidenceScopeAll')}
        </label>
        <label>
          <input type="radio" name="scope" checked={kind === 'broker'} onChange={() => setKind('broker')} />{' '}
          {t('evidenceScopeBroker')}
          <select
            class="inline"
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
        </label>
        <label>
          <input type="radio" name="scope" checked={kind === 'range'} onChange={() => setKind('range')} />{' '}
          {t('evidenceScopeRange')}
        </label>
        <span class="inline">
          {t('evidenceFrom')}{' '}
          <input
            type="date"
            value={from}
            disabled={kind !== 'range'}
            onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)}
          />{' '}
          {t('evidenceTo')}{' '}
          <input
            type="date"
            value={to}
            disabled={kind !== 'range'}
            onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)}
          />
        </span>
        <label>
          <input
            type="radio"
            name="scope"
            checked={kind === 'incident'}
            disabled={!incidents.length && !incident}
            onChange={() => setKind('incident')}
          />{' '}
          {t('evidenceScopeIncident')}
          <select
            class="inline"
            value={incident}
            disabled={kind !== 'incident'}
            onChange={(e) => setIncident((e.currentTarget as HTMLSelectElement).value)}
          >
            {!incidents.some((i) => i.id === incident) && (
              <option value={incident}>{incident || t('evidenceIncidentNone')}</option>
            )}
            {incidents.map((i) => (
              <option key={i.id} value={i.id}>
                {i.label || i.id}
              </option>
            ))}
          </select>
        </label>
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
      <button type="button" data-field="export" disabled={state.busy} onClick={() => void exportNow()}>
        {state.busy ? t('evidenceExporting') : t('evidenceExport')}
      </button>
      {state.done && (
        <p class="done" data-field="done">
          {t('evidenceDone', state.done.file)}
        </p>
      )}
      {state.done && <BundleReceipt receipt={state.done} />}
      {state.failed && (
        <p class="failed" data-field="failed">
          {t('evidenceFailed')} {state.failed}
        </p>
      )}
      <p class="note">{t('evidenceWhatInside')}</p>
      <p class="note">
        <a data-field="verify-link" href="/verify.html" target="_blank" rel="noopener">
          {t('receiptVerifyPage')}
        </a>
      </p>
    </main>
  );
}
