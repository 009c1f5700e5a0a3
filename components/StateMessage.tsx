import type { ComponentChildren } from 'preact';

/** One of the popup's non-result states: a clear sentence, an optional reason, actions. */
export function StateMessage(props: { title: string; detail?: string; tone?: 'info' | 'error'; busy?: boolean; children?: ComponentChildren }) {
  return (
    <section class={`state ${props.tone === 'error' ? 'error' : ''}`} role={props.tone === 'error' ? 'alert' : 'status'} aria-busy={props.busy ? 'true' : undefined}>
      {props.busy && <span class="spinner" aria-hidden="true" />}
      <p class="state-title">{props.title}</p>
      {props.detail && <p class="muted">{props.detail}</p>}
      {props.children && <div class="actions">{props.children}</div>}
    </section>
  );
}
