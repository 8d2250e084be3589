import type { IncidentRow } from '../utils/alerts/incident-view';
import { t } from '../utils/i18n';

const STANDING_KEYS = { 'not-mine': 'incidentNotMine', suspect: 'incidentSuspect', mine: 'incidentMine' } as const;

/**
 * One incident as the case tells it: the one sentence (what, when, from where,
 * what it cost), then a compact table of its logins, trades and account
 * changes. Built from the case (utils/evidence/case.ts), so the card, the
 * evidence page and the report say the same. Everything is rendered as text.
 * With `onRow` (the incident card), each row can be told otherwise than the
 * incident: 「これは自分です」, or back to 「自分ではない」.
 */
export function IncidentSummary({
  story,
  rows,
  onRow,
  busy,
}: {
  story: string;
  rows: IncidentRow[];
  onRow?(row: IncidentRow, verdict: 'mine' | 'not-mine'): void;
  busy?: boolean;
}) {
  const amounts = rows.some((r) => r.amount);
  return (
    <div class="incident-summary" data-field="incident-summary">
      <p class="incident-summary__story" data-field="story">
        {story}
      </p>
      {rows.length ? (
        <table class="incident-summary__rows">
          <thead>
            <tr>
              <th scope="col">{t('incidentColWhen')}</th>
              <th scope="col">{t('incidentColWhat')}</th>
              {amounts ? <th scope="col">{t('incidentColAmount')}</th> : null}
              <th scope="col">{t('incidentColStanding')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}-${r.at}-${r.what}`} data-kind={r.kind} data-standing={r.standing}>
                <td class="nowrap">{r.when}</td>
                <td>{r.what}</td>
                {amounts ? <td class="num">{r.amount ?? ''}</td> : null}
                <td class="nowrap">
                  <span data-field="standing">{t(STANDING_KEYS[r.standing])}</span>
                  {onRow && r.ids.length ? (
                    <button
                      type="button"
                      class="row-answer"
                      data-row-answer={r.standing === 'mine' ? 'not-mine' : 'mine'}
                      disabled={busy}
                      aria-label={t(r.standing === 'mine' ? 'incidentRowNotMineLabel' : 'incidentRowMineLabel', [
                        r.when,
                        r.what,
                      ])}
                      onClick={() => onRow(r, r.standing === 'mine' ? 'not-mine' : 'mine')}
                    >
                      {t(r.standing === 'mine' ? 'incidentRowNotMine' : 'alertAnswerMine')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
