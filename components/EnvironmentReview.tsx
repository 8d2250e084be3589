import { BROKER_LABELS } from '../utils/brokers/labels';
import { render as renderMsg, type Lang } from '../utils/detect/explain';
import { reviewEnvironments } from '../utils/detect/review';
import type { Environment } from '../utils/records/environment';
import { t } from '../utils/i18n';

export interface EnvironmentReviewProps {
  environments: Environment[];
  lang: Lang;
  onAnswer(env: Environment, verdict: 'mine' | 'not-mine'): void;
  onDone(): void;
}

/**
 * The one-time review after the first capture: the history on the page is
 * judged, not trusted, so the user sees once where it came from, what the
 * review raised first (and anything abroad or on a hosting/VPN network), and
 * can say what is not theirs.
 */
export function EnvironmentReview({ environments, lang, onAnswer, onDone }: EnvironmentReviewProps) {
  const byBroker = BROKER_LABELS.map((b) => ({
    broker: b,
    review: reviewEnvironments(environments.filter((e) => e.broker === b.id)),
  })).filter((x) => x.review.items.length);
  return (
    <section class="review" id="review" aria-labelledby="review-title">
      <h2 id="review-title">{t('reviewTitle')}</h2>
      <p>{t('reviewIntro')}</p>
      {byBroker.map(({ broker, review }) => (
        <div key={broker.id} class="review__broker" data-broker={broker.id}>
          <h3>{`${broker.label[lang]}: ${renderMsg(review.summary, lang)}`}</h3>
          <ul>
            {review.items.map((item) => (
              <li
                key={item.env.id}
                class={item.worthALook ? 'review__item review__item--look' : 'review__item'}
                data-env-id={item.env.id}
              >
                <span class="review__device">{renderMsg(item.device, lang)}</span>
                <span class="review__network">{renderMsg(item.network, lang)}</span>
                <span class="review__period">{renderMsg(item.period, lang)}</span>
                {item.worthALook ? <strong class="review__flag">{t('reviewWorthALook')}</strong> : null}
                {item.env.status === 'baseline' || item.env.status === 'alerted' ? (
                  <span class="review__answers">
                    <button type="button" data-answer="mine" onClick={() => onAnswer(item.env, 'mine')}>
                      {t('reviewMine')}
                    </button>
                    <button
                      type="button"
                      data-answer="not-mine"
                      class="danger"
                      onClick={() => onAnswer(item.env, 'not-mine')}
                    >
                      {t('reviewNotMine')}
                    </button>
                  </span>
                ) : (
                  <span class="review__answered">
                    {t(item.env.status === 'rejected' ? 'reviewAnsweredNotMine' : 'reviewAnsweredMine')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <button type="button" data-action="review-done" onClick={onDone}>
        {t('reviewDone')}
      </button>
    </section>
  );
}
