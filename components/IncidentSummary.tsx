import type { CaseRow } from '../utils/evidence/case-rows';
import { t } from '../utils/i18n';

/**
 * One incident as the case tells it: the one sentence (what, when, from where,
 * what it cost), then a compact table of its logins, trades and account
 * changes. Built from the case (utils/evidence/case.ts), so the card, the
 * evidence page and the report say the same. Everything is rendered as text.
 */
export function IncidentSummary({ story, rows }: { story: string; rows: CaseRow[] }) {
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
                <td class="nowrap">{t(r.standing === 'not-mine' ? 'incidentNotMine' : 'incidentSuspect')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
