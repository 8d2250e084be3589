// Import of broker trade-history CSVs and a plain list of recent orders.
// Files go through the same import code as the CLI and tests
// (utils/import/import-file.ts). Every broker-derived string is rendered as
// text: names, markets and accounts come from hostile input.

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BROKER_LABELS } from '../../utils/brokers/labels';
import { formatJst } from '../../utils/brokers/shared/dates';
import { t, uiLang } from '../../utils/i18n';
import { importFile, type ImportResult } from '../../utils/import/import-file';
import type { OrderEvent } from '../../utils/records';
import { PENDING_MESSAGE } from '../../utils/messaging/page-messages';
import { openDb } from '../../utils/store/db';
import { recentOrders } from '../../utils/store/orders';
import { StorageFullError } from '../../utils/store/storage';

interface Message {
  text: string;
  refused: boolean;
}

function describe(name: string, r: ImportResult, lang: 'ja' | 'en'): Message {
  if (r.status === 'imported')
    return { text: t('ordersImported', [name, String(r.orders), String(r.added)]), refused: false };
  if (r.status === 'already-imported') return { text: t('ordersAlreadyImported', [name]), refused: false };
  return { text: r.message[lang], refused: true };
}

const SIDE_KEYS = { buy: 'orderSideBuy', sell: 'orderSideSell' } as const;
const STATUS_KEYS = {
  executed: 'orderStatusExecuted',
  open: 'orderStatusOpen',
  cancelled: 'orderStatusCancelled',
} as const;

export function OrdersPage() {
  const lang = uiLang();
  const [orders, setOrders] = useState<OrderEvent[] | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const refresh = () => recentOrders(openDb(), 200).then(setOrders, () => setOrders([]));
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('ordersTitle');
    void refresh();
  }, []);

  const importAll = async (files: FileList | null) => {
    if (!files || files.length === 0 || busy) return;
    setBusy(true);
    const out: Message[] = [];
    // one at a time: overlapping files are deduplicated against what the previous one stored
    for (const file of Array.from(files)) {
      try {
        const r = await importFile(openDb(), { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
        out.push(describe(file.name, r, lang));
      } catch (err) {
        // a full disk is said plainly: the file is not stored, or stored and read once there is space
        const text =
          err instanceof StorageFullError
            ? t(err.at === 'snapshot' ? 'storageFullImportNotSaved' : 'storageFullImportKept', [file.name])
            : `${file.name}: ${String(err).slice(0, 200)}`;
        out.push({ text, refused: true });
      }
    }
    setMessages(out);
    setBusy(false);
    // the background runs detection over the imported orders (utils/alerts/pending.ts)
    void browser.runtime.sendMessage(PENDING_MESSAGE).catch(() => undefined);
    await refresh();
  };

  const brokerLabel = (id: string) => BROKER_LABELS.find((b) => b.id === id)?.label[lang] ?? id;

  return (
    <main class="orders">
      <h1>{t('ordersTitle')}</h1>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t('ordersImportHeading')}</h2>
        <div
          class={`drop${over ? ' drop--over' : ''}`}
          data-field="drop"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void importAll(e.dataTransfer?.files ?? null);
          }}
        >
          <p>{t('ordersImportHelp')}</p>
          <label>
            {t('ordersPickFiles')}{' '}
            <input
              type="file"
              accept=".csv,text/csv"
              multiple
              disabled={busy}
              onChange={(e) => void importAll((e.currentTarget as HTMLInputElement).files)}
            />
          </label>
          {busy ? <p>{t('ordersImporting')}</p> : null}
        </div>
        <ul class="messages" data-field="messages">
          {messages.map((m, i) => (
            <li key={i} class={m.refused ? 'refused' : 'imported'}>
              {m.text}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('ordersRecent')}</h2>
        {orders === null ? null : orders.length === 0 ? (
          <p data-field="none">{t('ordersNone')}</p>
        ) : (
          <table data-field="orders">
            <thead>
              <tr>
                <th>{t('ordersColAt')}</th>
                <th>{t('ordersColBroker')}</th>
                <th>{t('ordersColSide')}</th>
                <th>{t('ordersColSymbol')}</th>
                <th>{t('ordersColName')}</th>
                <th>{t('ordersColMarket')}</th>
                <th>{t('ordersColQuantity')}</th>
                <th>{t('ordersColPrice')}</th>
                <th>{t('ordersColAccount')}</th>
                <th>{t('ordersColStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} data-region={o.marketRegion ?? ''}>
                  <td>{o.dateOnly ? formatJst(o.at).slice(0, 10) : `${formatJst(o.at)} JST`}</td>
                  <td>{brokerLabel(o.broker)}</td>
                  <td>{t(SIDE_KEYS[o.side])}</td>
                  <td>{o.symbol ?? ''}</td>
                  <td>{o.name ?? ''}</td>
                  <td>{[o.market, o.marketRegion].filter(Boolean).join(' / ')}</td>
                  <td class="num">{o.quantity === undefined ? '' : o.quantity.toLocaleString('ja-JP')}</td>
                  <td class="num">
                    {o.price === undefined
                      ? ''
                      : `${o.price.toLocaleString('ja-JP')}${o.currencyCode ? ` ${o.currencyCode}` : ''}`}
                  </td>
                  <td>{o.account ?? ''}</td>
                  <td>{t(STATUS_KEYS[o.status])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
