import { useEffect, useRef, useState } from 'preact/hooks';
import { BROKER_LABELS } from '../../utils/brokers/labels';
import { formatJst } from '../../utils/brokers/shared/dates';
import type { BrokerId } from '../../utils/brokers/types';
import {
  defaultFilter,
  loadTimelinePage,
  type Attribution,
  type TimelineCursor,
  type TimelineFilter,
  type TimelineItem,
  type TimelineKind,
} from '../../utils/dashboard/timeline';
import { t } from '../../utils/i18n';
import { render as renderMsg, type Lang } from '../../utils/detect/explain';
import type { OrderEvent } from '../../utils/records';
import type { SectionProps } from './types';

const BADGE_KEYS: Record<Attribution, string> = {
  'this-browser': 'tlBadgeThisBrowser',
  known: 'tlBadgeKnown',
  new: 'tlBadgeNew',
  'not-mine': 'tlBadgeNotMine',
  suspect: 'tlBadgeSuspect',
  elsewhere: 'tlBadgeElsewhere',
};
const SEVERITY_KEYS = {
  info: 'severityInfo',
  low: 'severityLow',
  medium: 'severityMedium',
  high: 'severityHigh',
} as const;
const ORDER_STATUS_KEYS = {
  executed: 'orderStatusExecuted',
  open: 'orderStatusOpen',
  cancelled: 'orderStatusCancelled',
} as const;

/** Broker text, shown as text: the result, the address and where it is, the kind of device. */
function loginText(item: Extract<TimelineItem, { kind: 'login' }>, lang: Lang): string {
  const e = item.event;
  const where = [e.ip ?? e.location ?? '', item.place ? `(${renderMsg(item.place, lang)})` : '']
    .filter(Boolean)
    .join(' ');
  return [t(e.result === 'success' ? 'tlLoginSuccess' : 'tlLoginFailure'), where, renderMsg(item.device, lang)]
    .filter(Boolean)
    .join('  ·  ');
}

function orderText(o: OrderEvent): string {
  const what = [o.symbol, o.name].filter(Boolean).join(' ');
  const size =
    o.quantity !== undefined
      ? `${o.quantity.toLocaleString('ja-JP')}${o.price !== undefined ? ` @ ${o.price.toLocaleString('ja-JP')}${o.currency ? ` ${o.currency}` : ''}` : ''}`
      : '';
  return [t(o.side === 'buy' ? 'orderSideBuy' : 'orderSideSell'), what, size, t(ORDER_STATUS_KEYS[o.status])]
    .filter(Boolean)
    .join('  ·  ');
}

function when(item: TimelineItem): string {
  if (item.kind === 'order' && item.event.dateOnly) return `${formatJst(item.at).slice(0, 10)} JST`;
  return `${formatJst(item.at)} JST`;
}

/** Logins and orders, newest first, a page at a time, with filters. */
export function TimelineSection({ db, lang }: SectionProps) {
  const [filter, setFilter] = useState<TimelineFilter>(defaultFilter());
  const [items, setItems] = useState<TimelineItem[] | null>(null);
  const [next, setNext] = useState<TimelineCursor | undefined>();
  const [busy, setBusy] = useState(false);
  // Two filter changes in a row start two reads; the older one may finish last and must not show its rows.
  const latest = useRef(0);
  const load = async (f: TimelineFilter, cursor?: TimelineCursor) => {
    const request = ++latest.current;
    setBusy(true);
    try {
      const page = await loadTimelinePage(db, f, cursor);
      if (request !== latest.current) return;
      setItems((prev) => (cursor ? [...(prev ?? []), ...page.items] : page.items));
      setNext(page.next);
    } finally {
      if (request === latest.current) setBusy(false);
    }
  };
  useEffect(() => void load(filter), [filter]);
  const update = (patch: Partial<TimelineFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const brokerValue = filter.brokers.length === 1 ? filter.brokers[0]! : 'all';
  const kindValue = filter.kinds.length === 1 ? filter.kinds[0]! : 'all';
  return (
    <section aria-labelledby="timeline-title" class="section">
      <h2 id="timeline-title">{t('tlTitle')}</h2>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('tlFilters')}>
        <label>
          {t('tlFilterBroker')}
          <select
            name="broker"
            value={brokerValue}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              update({ brokers: v === 'all' ? BROKER_LABELS.map((b) => b.id) : [v as BrokerId] });
            }}
          >
            <option value="all">{t('tlAll')}</option>
            {BROKER_LABELS.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('tlFilterKind')}
          <select
            name="kind"
            value={kindValue}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              update({ kinds: v === 'all' ? ['login', 'order'] : [v as TimelineKind] });
            }}
          >
            <option value="all">{t('tlAll')}</option>
            <option value="login">{t('tlKindLogin')}</option>
            <option value="order">{t('tlKindOrder')}</option>
          </select>
        </label>
        <label>
          {t('tlFilterFrom')}
          <input
            type="date"
            name="from"
            value={filter.from ?? ''}
            onChange={(e) => {
              const v = (e.target as HTMLInputElement).value;
              update(v ? { from: v } : { from: undefined });
            }}
          />
        </label>
        <label>
          {t('tlFilterTo')}
          <input
            type="date"
            name="to"
            value={filter.to ?? ''}
            onChange={(e) => {
              const v = (e.target as HTMLInputElement).value;
              update(v ? { to: v } : { to: undefined });
            }}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="flagged"
            checked={filter.onlyFlagged}
            onChange={(e) => update({ onlyFlagged: (e.target as HTMLInputElement).checked })}
          />
          {t('tlFilterFlagged')}
        </label>
      </form>
      {items === null ? (
        <p>{t('popupLoading')}</p>
      ) : items.length === 0 ? (
        <p data-field="none">{t('tlNone')}</p>
      ) : (
        <table class="timeline">
          <caption class="visually-hidden">{t('tlTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tlColAt')}</th>
              <th scope="col">{t('ordersColBroker')}</th>
              <th scope="col">{t('tlColKind')}</th>
              <th scope="col">{t('tlColWhat')}</th>
              <th scope="col">{t('tlColWhere')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr
                key={`${item.kind}:${item.id}`}
                data-at={item.at}
                data-kind={item.kind}
                data-event-id={item.id}
                data-attribution={item.attribution ?? ''}
                class={item.flag ? `flagged flagged--${item.flag}` : undefined}
              >
                <td class="nowrap num">{when(item)}</td>
                <td class="nowrap">{BROKER_LABELS.find((b) => b.id === item.broker)!.label[lang]}</td>
                <td class="nowrap">{t(item.kind === 'login' ? 'tlKindLogin' : 'tlKindOrder')}</td>
                <td class="wrap" title={item.kind === 'login' ? (item.event.userAgent ?? item.event.device ?? '') : ''}>
                  {item.kind === 'login' ? loginText(item, lang) : orderText(item.event)}
                </td>
                <td>
                  {item.attribution ? (
                    <span class={`badge badge--${item.attribution}`}>{t(BADGE_KEYS[item.attribution])}</span>
                  ) : null}
                  {item.kind === 'login' && item.envLabel ? <span class="env-label">{item.envLabel}</span> : null}
                  {item.flag ? (
                    <span class={`badge badge--flag-${item.flag}`} data-field="flag">
                      {t('tlFlag', t(SEVERITY_KEYS[item.flag]))}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <p>
          <button type="button" data-action="more" disabled={busy} onClick={() => void load(filter, next)}>
            {t('tlMore')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
