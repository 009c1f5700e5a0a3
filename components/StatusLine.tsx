import type { CleanupStatus } from '../utils/cleanup/controller';
import type { Translate } from '../utils/i18n';
import { SITE_PROFILES } from '../utils/sites';

/** "Hid 20 recommended stories · kept 1 related block", with the page and site switches. */
export function StatusLine(props: {
  status: CleanupStatus | null;
  t: Translate;
  onRevealToggle: (hidden: boolean) => void;
  onSiteToggle: (on: boolean) => void;
  onCleanUp?: () => void;
  onAlways?: () => void;
}) {
  const { status, t } = props;
  if (!status) {
    if (!props.onCleanUp) return null;
    return (
      <div class="status">
        <button type="button" class="primary" onClick={props.onCleanUp}>
          {t('cleanUpPage')}
        </button>{' '}
        {props.onAlways && (
          <button type="button" onClick={props.onAlways}>
            {t('alwaysCleanSite')}
          </button>
        )}
      </div>
    );
  }
  const host = safeHost(status.url);
  const siteOn = status.active || status.pageRevealed;
  const parts: string[] = [];
  // Hidden blocks with no stories to count: a feed in an iframe or in a closed web component,
  // which the content script cannot read into, or a module still empty. Hidden all the same.
  const uncounted = status.blocks.filter((b) => b.hidden && b.kind !== 'related' && b.items === 0).length;
  if (!status.active) parts.push(t('statusOff'));
  else if (status.hiddenItems > 0) {
    const k = status.hiddenByKind;
    const detail = [
      k.recommended ? t('statusRecommended', { n: k.recommended }) : '',
      k.trending ? t('statusTrending', { n: k.trending }) : '',
      k.sponsored ? t('statusSponsored', { n: k.sponsored }) : '',
    ].filter(Boolean);
    parts.push(t('statusDetail', { total: t('statusHidden', { items: status.hiddenItems }), detail: detail.join(t('listSeparator')) }));
    if (uncounted) parts.push(t('statusUncounted', { n: uncounted }));
  } else if (uncounted) parts.push(t('statusModules', { n: uncounted }));
  else parts.push(t('statusNone'));
  if (status.active && status.keptRelated > 0) parts.push(t('statusKept', { n: status.keptRelated }));
  return (
    <div class="status">
      <p class="status-text" role="status" aria-live="polite">
        {parts.join(' · ')}
      </p>
      {status.profile && <p class="status-profile muted">{t('profile', { name: profileLabel(status.profile) })}</p>}
      <div class="switches">
        <label class="switch">
          <input type="checkbox" name="page-feed" checked={status.active} disabled={!siteOn} onChange={(e) => props.onRevealToggle(e.currentTarget.checked)} />
          {t('showFeedHere')}
        </label>
        <label class="switch">
          <input type="checkbox" name="site" checked={siteOn} onChange={(e) => props.onSiteToggle(e.currentTarget.checked)} />
          {t('cleanThisSite', { site: host })}
        </label>
      </div>
    </div>
  );
}

/** Site profiles' own labels (data in utils/sites), by id. */
function profileLabel(id: string): string {
  return SITE_PROFILES.find((p) => p.id === id)?.label ?? id;
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
