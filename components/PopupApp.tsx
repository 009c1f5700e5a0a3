import { useEffect, useLayoutEffect, useState, useCallback } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StateMessage } from './StateMessage';
import { KeyPointList } from './KeyPointList';
import { EntityGroups, groupEntities } from './EntityGroups';
import { StatusLine } from './StatusLine';
import { applyTheme } from './theme';
import { getSettings, watchSettings, DEFAULT_SETTINGS, type Settings } from '../utils/settings';
import { updateSettings } from '../utils/settings-store';
import { translator, type Translate } from '../utils/i18n';
import { resolveUiLang } from '../utils/i18n-core';
import { CLEANUP_FILE, loadAnalysis, targetTabId, type PopupResult } from '../utils/popup-data';
import { sendMessage } from '../utils/messages';
import { formatAnalysis } from '../utils/format';
import type { Entity } from '../utils/entities';
import type { KeyPoint } from '../utils/keypoints';
import type { CleanupStatus } from '../utils/cleanup/controller';

type View = { kind: 'loading' } | { kind: 'no-tab' } | PopupResult;

export interface PopupLoad {
  settings: Settings;
  view: View;
}

/** Settings, target tab and its analysis, all requested at once. */
export async function loadPopup(search: string): Promise<PopupLoad> {
  const settingsRead = getSettings();
  const tabId = await targetTabId(search);
  if (tabId === null) return { settings: await settingsRead, view: { kind: 'no-tab' } };
  const view = await loadAnalysis(
    tabId,
    settingsRead.then((s) => s.keyPointCount),
  );
  return { settings: await settingsRead, view };
}

export function PopupApp(props: { first?: Promise<PopupLoad>; initial?: PopupLoad }) {
  const init = props.initial;
  const [settings, setSettings] = useState<Settings>(init?.settings ?? DEFAULT_SETTINGS);
  const [view, setView] = useState<View>(init?.view ?? { kind: 'loading' });
  const [status, setStatus] = useState<CleanupStatus | null>(init?.view.kind === 'ready' ? init.view.status : null);
  const [copied, setCopied] = useState<string | null>(null);
  const [highlightAll, setHighlightAll] = useState(false);
  const [step, setStep] = useState<{ text: string; n: number } | null>(null);
  const lang = resolveUiLang(settings.language, navigator.language);
  const t: Translate = translator(lang);

  /** What follows results on screen: the theme, the bench's mark, the automatic highlight. */
  const shown = useCallback((loaded: PopupLoad) => {
    applyTheme(loaded.settings.theme);
    const result = loaded.view;
    if (result.kind !== 'ready') return;
    // For `npm run bench`: time from the popup's navigation start to results on screen.
    requestAnimationFrame(() => document.documentElement.setAttribute('data-ready-ms', performance.now().toFixed(1)));
    if (loaded.settings.autoHighlight) void highlight(result.tabId, result.analysis.entities, loaded.settings, true);
  }, []);

  const show = useCallback(
    (loaded: PopupLoad) => {
      setSettings(loaded.settings);
      if (loaded.view.kind === 'ready') setStatus(loaded.view.status);
      setView(loaded.view);
      shown(loaded);
    },
    [shown],
  );

  // Rendered with its results at once (main.tsx waited for them): theme before the first paint.
  useLayoutEffect(() => {
    if (init) shown(init);
  }, []);

  const load = useCallback(async () => {
    setView({ kind: 'loading' });
    show(await loadPopup(location.search));
  }, [show]);

  useEffect(() => {
    // The first load was started before the first render (main.tsx); retries start here.
    if (!init) void (props.first ?? loadPopup(location.search)).then(show);
    return watchSettings((s) => {
      setSettings(s);
      applyTheme(s.theme);
    });
  }, [show]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('appName');
  }, [lang]);

  const tabId = view.kind === 'ready' ? view.tabId : null;

  const jump = (p: KeyPoint) => {
    if (tabId !== null) void sendMessage('page/scroll-to', { text: p.text }, tabId).catch(() => undefined);
  };

  const onChip = (e: Entity) => {
    if (tabId === null) return;
    const n = step && step.text === e.text ? step.n + 1 : 0;
    setStep({ text: e.text, n });
    const terms = [e.text, ...e.aliases].filter((x, i, a) => x && a.indexOf(x) === i);
    void sendMessage('page/highlight', { groups: [{ type: e.type, color: settings.highlightColors[e.type], terms }], step: n }, tabId).catch(
      () => undefined,
    );
  };

  const toggleHighlightAll = (on: boolean) => {
    setHighlightAll(on);
    if (view.kind === 'ready') void highlight(view.tabId, on ? view.analysis.entities : [], settings, false);
  };

  const copy = async (format: 'markdown' | 'text') => {
    if (view.kind !== 'ready') return;
    const labels = { person: t('person'), organization: t('organization'), place: t('place'), date: t('date'), quantity: t('quantity') };
    const shown = { ...view.analysis, entities: view.analysis.entities.filter((e) => settings.entityTypes[e.type]) };
    await navigator.clipboard.writeText(formatAnalysis(shown, format, labels));
    setCopied(format);
    setTimeout(() => setCopied(null), 1500);
  };

  const reveal = async (hidden: boolean) => {
    if (tabId === null) return;
    const s = await sendMessage('cleanup/reveal', !hidden, tabId).catch(() => null);
    if (s) setStatus(s);
  };

  const toggleSite = async (on: boolean) => {
    if (!status) return;
    const host = new URL(status.url).hostname;
    await updateSettings((s) => ({
      ...s,
      disabledSites: on ? s.disabledSites.filter((h) => h !== host) : [...s.disabledSites, host],
    }));
    if (tabId !== null) setStatus(await sendMessage('cleanup/status', undefined, tabId).catch(() => null));
  };

  const cleanUpPage = async () => {
    if (view.kind !== 'ready') return;
    await browser.scripting.executeScript({ target: { tabId: view.tabId }, files: [CLEANUP_FILE] });
    setTimeout(() => void load(), 100);
  };

  const alwaysCleanSite = async () => {
    if (view.kind !== 'ready') return;
    const origin = new URL(view.analysis.url).origin;
    // Must run in the click's user gesture: the browser asks the user for this one origin.
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
    if (!granted) return;
    await updateSettings((s) => ({ ...s, addedSites: [...new Set([...s.addedSites, origin])] }));
    await cleanUpPage();
  };

  return (
    <main class="popup" aria-busy={view.kind === 'loading' ? 'true' : 'false'}>
      {view.kind === 'loading' && <StateMessage busy title={t('analysing')} />}
      {view.kind === 'no-tab' && <StateMessage title={t('noAccess')} detail={t('noAccessWhy')} />}
      {view.kind === 'restricted' && <StateMessage title={t('restricted')} detail={t('restrictedWhy')} />}
      {view.kind === 'error' && (
        <StateMessage tone="error" title={t('error')} detail={view.message}>
          <button type="button" class="primary" onClick={() => void load()}>
            {t('retry')}
          </button>
        </StateMessage>
      )}
      {view.kind === 'ready' && !view.analysis.article && (
        <StateMessage title={t('notArticle')} detail={t('notArticleWhy', { reason: view.analysis.page.reasons.join(', ') || '—' })}>
          {view.analysis.feed.blocks.length > 0 && !status?.active && (
            <>
              <p class="muted">{t('feedFoundOffer')}</p>
              <button type="button" class="primary" onClick={() => void cleanUpPage()}>
                {t('cleanUpPage')}
              </button>
            </>
          )}
        </StateMessage>
      )}
      {view.kind === 'ready' && view.analysis.article && (
        <>
          <header class="article-head">
            <h1 class="title">{view.analysis.article.title}</h1>
            <p class="meta muted">
              {[view.analysis.article.siteName, view.analysis.article.byline, formatDate(view.analysis.article.published, lang)]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <StatusLine
              status={status}
              t={t}
              onRevealToggle={(hidden) => void reveal(hidden)}
              onSiteToggle={(on) => void toggleSite(on)}
              onCleanUp={!status && view.analysis.feed.blocks.length ? () => void cleanUpPage() : undefined}
              onAlways={!status && view.analysis.feed.blocks.length ? () => void alwaysCleanSite() : undefined}
            />
          </header>
          <section class="section" aria-labelledby="kp-title">
            <h2 id="kp-title">{t('keyPoints')}</h2>
            <KeyPointList points={view.analysis.keyPoints} t={t} onJump={jump} />
          </section>
          <section class="section" aria-labelledby="ent-title">
            <div class="section-head">
              <h2 id="ent-title">{t('entities')}</h2>
              {groupEntities(view.analysis.entities, settings.entityTypes).length > 0 && (
                <label class="switch">
                  <input type="checkbox" checked={highlightAll} onChange={(e) => toggleHighlightAll(e.currentTarget.checked)} />
                  {t('highlightAll')}
                </label>
              )}
            </div>
            <EntityGroups entities={view.analysis.entities} shown={settings.entityTypes} colors={settings.highlightColors} t={t} onChip={onChip} />
          </section>
          <footer class="actions">
            <button type="button" onClick={() => void copy('markdown')}>
              {copied === 'markdown' ? t('copied') : t('copyMarkdown')}
            </button>
            <button type="button" onClick={() => void copy('text')}>
              {copied === 'text' ? t('copied') : t('copyText')}
            </button>
            <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('options')}
            </button>
          </footer>
        </>
      )}
      {view.kind !== 'ready' && view.kind !== 'loading' && (
        <footer class="actions">
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('options')}
          </button>
        </footer>
      )}
    </main>
  );
}

function formatDate(iso: string | null, lang: string): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return d.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
}

async function highlight(tabId: number, entities: Entity[], s: Settings, _auto: boolean): Promise<void> {
  const groups = entities
    .filter((e) => s.entityTypes[e.type])
    .map((e) => ({ type: e.type, color: s.highlightColors[e.type], terms: [e.text, ...e.aliases].slice(0, 20) }));
  await sendMessage('page/highlight', { groups }, tabId).catch(() => undefined);
}
