import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  DEFAULT_SETTINGS,
  ENTITY_TYPES,
  exportSettings,
  getSettings,
  importSettings,
  selectorError,
  watchSettings,
  type Settings,
} from '../utils/settings';
import { saveSettings } from '../utils/settings-store';
import { translator, type MessageKey } from '../utils/i18n';
import { resolveUiLang } from '../utils/i18n-core';
import { FEED_KINDS, type FeedKind } from '../utils/sites/types';
import { applyTheme } from './theme';
import type { UserRule } from '../utils/feed/detect';

const HIDE_LABEL: Record<FeedKind, MessageKey> = {
  recommended: 'hideRecommended',
  trending: 'hideTrending',
  sponsored: 'hideSponsored',
  related: 'hideRelated',
};
const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
/** Imports larger than this are not settings files. */
const MAX_IMPORT_BYTES = 256 * 1024;

export function OptionsApp() {
  const [s, setS] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const [siteInput, setSiteInput] = useState('');
  const [rule, setRule] = useState<UserRule>({ host: '', kind: 'phrase', value: '' });
  const t = translator(resolveUiLang(s.language, navigator.language));

  useEffect(() => {
    void getSettings().then((v) => {
      setS(v);
      setLoaded(true);
      applyTheme(v.theme);
    });
    return watchSettings((v) => {
      setS(v);
      applyTheme(v.theme);
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = resolveUiLang(s.language, navigator.language);
    document.title = t('optionsTitle');
  }, [s.language]);

  const save = async (next: Settings) => {
    setS(next);
    applyTheme(next.theme);
    await saveSettings(next);
  };

  const ruleError = (() => {
    if (!rule.host && !rule.value) return null;
    if (!HOST.test(rule.host)) return t('invalidHost');
    if (rule.kind === 'selector') {
      const err = selectorError(rule.value);
      return err ? t('invalidSelector', { error: err }) : null;
    }
    return rule.value.trim() ? null : null;
  })();

  const addRule = async () => {
    if (ruleError || !rule.value.trim() || !rule.host) return;
    await save({ ...s, userRules: [...s.userRules, { ...rule, host: rule.host.toLowerCase(), value: rule.value.trim() }] });
    setRule({ host: rule.host, kind: rule.kind, value: '' });
  };

  const removeAdded = async (origin: string) => {
    await browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
    await save({ ...s, addedSites: s.addedSites.filter((o) => o !== origin) });
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setNotice({ text: t('importFailed', { why: t('import.too-large') }), tone: 'error' });
    const result = importSettings(await file.text(), document);
    if (!result.ok) {
      const why = result.error.startsWith('invalid:') ? t('import.invalid', { keys: result.error.slice(8) }) : t(`import.${result.error}` as MessageKey);
      return setNotice({ text: t('importFailed', { why }), tone: 'error' });
    }
    await save(result.settings);
    setNotice({ text: t('imported'), tone: 'ok' });
  };

  const onExport = () => {
    const blob = new Blob([exportSettings(s)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'yahoo-news-declutter-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  if (!loaded) return <main class="options" aria-busy="true" />;
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {notice && (
        <p class={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} id="notice">
          {notice.text}
        </p>
      )}

      <section aria-labelledby="sec-cleanup">
        <h2 id="sec-cleanup">{t('secCleanup')}</h2>
        <label class="switch">
          <input type="checkbox" name="enabled" checked={s.enabled} onChange={(e) => void save({ ...s, enabled: e.currentTarget.checked })} />
          {t('enabled')}
        </label>
        <p class="help">{t('enabledHelp')}</p>
        <fieldset>
          <legend>{t('hideWhat')}</legend>
          {FEED_KINDS.map((k) => (
            <label class="switch" key={k}>
              <input type="checkbox" name={`hide-${k}`} checked={s.hide[k]} onChange={(e) => void save({ ...s, hide: { ...s.hide, [k]: e.currentTarget.checked } })} />
              {t(HIDE_LABEL[k])}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('mode')}</legend>
          {(['hide', 'collapse'] as const).map((m) => (
            <label class="switch" key={m}>
              <input type="radio" name="mode" value={m} checked={s.mode === m} onChange={() => void save({ ...s, mode: m })} />
              {t(m === 'hide' ? 'modeHide' : 'modeCollapse')}
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="sec-sites">
        <h2 id="sec-sites">{t('secSites')}</h2>
        <h3>{t('disabledSites')}</h3>
        <ul class="list">
          {s.disabledSites.length === 0 && <li class="muted">{t('none')}</li>}
          {s.disabledSites.map((h) => (
            <li key={h}>
              <span>{h}</span>
              <button type="button" aria-label={`${t('remove')} ${h}`} onClick={() => void save({ ...s, disabledSites: s.disabledSites.filter((x) => x !== h) })}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            const h = siteInput.trim().toLowerCase();
            if (!HOST.test(h)) return setNotice({ text: t('invalidHost'), tone: 'error' });
            setSiteInput('');
            void save({ ...s, disabledSites: [...new Set([...s.disabledSites, h])] });
          }}
        >
          <label for="site-input" class="sr-only">
            {t('ruleHost')}
          </label>
          <input id="site-input" name="site-input" value={siteInput} placeholder="tw.news.yahoo.com" onInput={(e) => setSiteInput(e.currentTarget.value)} />
          <button type="submit">{t('addSite')}</button>
        </form>
        <h3>{t('addedSites')}</h3>
        <p class="help">{t('addedSitesHelp')}</p>
        <ul class="list">
          {s.addedSites.length === 0 && <li class="muted">{t('none')}</li>}
          {s.addedSites.map((o) => (
            <li key={o}>
              <span>{o}</span>
              <button type="button" onClick={() => void removeAdded(o)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sec-rules">
        <h2 id="sec-rules">{t('secRules')}</h2>
        <p class="help">{t('rulesHelp')}</p>
        <ul class="list">
          {s.userRules.map((r, i) => (
            <li key={`${r.host}-${r.value}-${i}`}>
              <span>
                <code>{r.host}</code> · {t(r.kind === 'phrase' ? 'rulePhrase' : 'ruleSelector')}: <code>{r.value}</code>
              </span>
              <button type="button" onClick={() => void save({ ...s, userRules: s.userRules.filter((_, j) => j !== i) })}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
        <form
          class="rule-form"
          onSubmit={(e) => {
            e.preventDefault();
            void addRule();
          }}
        >
          <label>
            {t('ruleHost')}
            <input name="rule-host" value={rule.host} placeholder="tw.news.yahoo.com" onInput={(e) => setRule({ ...rule, host: e.currentTarget.value.trim() })} />
          </label>
          <label>
            {t('ruleKind')}
            <select name="rule-kind" value={rule.kind} onChange={(e) => setRule({ ...rule, kind: e.currentTarget.value === 'selector' ? 'selector' : 'phrase' })}>
              <option value="phrase">{t('rulePhrase')}</option>
              <option value="selector">{t('ruleSelector')}</option>
            </select>
          </label>
          <label>
            {t('ruleValue')}
            <input name="rule-value" value={rule.value} aria-invalid={ruleError ? 'true' : 'false'} aria-describedby="rule-error" onInput={(e) => setRule({ ...rule, value: e.currentTarget.value })} />
          </label>
          <p id="rule-error" class="error" role="alert">
            {ruleError ?? ''}
          </p>
          <button type="submit" disabled={!!ruleError || !rule.value.trim() || !rule.host}>
            {t('addSite')}
          </button>
        </form>
      </section>

      <section aria-labelledby="sec-analysis">
        <h2 id="sec-analysis">{t('secAnalysis')}</h2>
        <label>
          {t('keyPointCount')}{' '}
          <select
            name="keypoint-count"
            value={String(s.keyPointCount)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              void save({ ...s, keyPointCount: v === 'auto' ? 'auto' : (Number(v) as 3 | 5 | 7) });
            }}
          >
            <option value="auto">{t('auto')}</option>
            <option value="3">3</option>
            <option value="5">5</option>
            <option value="7">7</option>
          </select>
        </label>
        <fieldset>
          <legend>{t('entityTypes')}</legend>
          {ENTITY_TYPES.map((k) => (
            <div class="row" key={k}>
              <label class="switch">
                <input type="checkbox" name={`entity-${k}`} checked={s.entityTypes[k]} onChange={(e) => void save({ ...s, entityTypes: { ...s.entityTypes, [k]: e.currentTarget.checked } })} />
                {t(k)}
              </label>
              <label class="color">
                <span class="sr-only">
                  {t('colors')} — {t(k)}
                </span>
                <input type="color" name={`color-${k}`} value={s.highlightColors[k]} onChange={(e) => void save({ ...s, highlightColors: { ...s.highlightColors, [k]: e.currentTarget.value } })} />
              </label>
            </div>
          ))}
        </fieldset>
        <label class="switch">
          <input type="checkbox" name="auto-highlight" checked={s.autoHighlight} onChange={(e) => void save({ ...s, autoHighlight: e.currentTarget.checked })} />
          {t('autoHighlight')}
        </label>
      </section>

      <section aria-labelledby="sec-ui">
        <h2 id="sec-ui">{t('secInterface')}</h2>
        <label>
          {t('language')}{' '}
          <select name="language" value={s.language} onChange={(e) => void save({ ...s, language: e.currentTarget.value as Settings['language'] })}>
            <option value="auto">{t('langAuto')}</option>
            <option value="zh-TW">繁體中文</option>
            <option value="en">English</option>
          </select>
        </label>{' '}
        <label>
          {t('theme')}{' '}
          <select name="theme" value={s.theme} onChange={(e) => void save({ ...s, theme: e.currentTarget.value as Settings['theme'] })}>
            <option value="system">{t('themeSystem')}</option>
            <option value="light">{t('themeLight')}</option>
            <option value="dark">{t('themeDark')}</option>
          </select>
        </label>
      </section>

      <section aria-labelledby="sec-backup">
        <h2 id="sec-backup">{t('secBackup')}</h2>
        <div class="row">
          <button type="button" onClick={onExport}>
            {t('exportSettings')}
          </button>
          <label class="file-button">
            {t('importSettings')}
            <input type="file" name="import" accept="application/json,.json" onChange={(e) => void onImport(e.currentTarget.files?.[0])} />
          </label>
          <button type="button" onClick={() => void save(structuredClone(DEFAULT_SETTINGS))}>
            {t('resetSettings')}
          </button>
        </div>
      </section>
    </main>
  );
}
