import { useState } from 'preact/hooks';
import type { Entity, EntityType } from '../utils/entities';
import type { Translate } from '../utils/i18n';

export const ENTITY_ORDER: readonly EntityType[] = ['person', 'organization', 'place', 'date', 'quantity'];
/** Chips shown per type before "more": beyond this the list pushes everything else away. */
const MAX_CHIPS_PER_TYPE = 10;

/** Group by type, most important first: count, then first position, title mentions ahead. */
export function groupEntities(entities: readonly Entity[], shown: Record<EntityType, boolean>): Array<[EntityType, Entity[]]> {
  const groups: Array<[EntityType, Entity[]]> = [];
  for (const type of ENTITY_ORDER) {
    if (!shown[type]) continue;
    const list = entities
      .filter((e) => e.type === type)
      .sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.count - a.count || a.firstPosition - b.firstPosition);
    if (list.length) groups.push([type, list]);
  }
  return groups;
}

export function EntityGroups(props: {
  entities: Entity[];
  shown: Record<EntityType, boolean>;
  colors: Record<EntityType, string>;
  t: Translate;
  onChip: (e: Entity) => void;
}) {
  const groups = groupEntities(props.entities, props.shown);
  const [expanded, setExpanded] = useState<Set<EntityType>>(new Set());
  if (!groups.length) return <p class="muted">{props.t('noEntities')}</p>;
  return (
    <div class="entity-groups">
      {groups.map(([type, list]) => (
        <section key={type} class="entity-group" aria-labelledby={`g-${type}`}>
          <h3 id={`g-${type}`} class="group-title">
            <span class="swatch" style={{ background: props.colors[type] }} aria-hidden="true" />
            {props.t(type)}
          </h3>
          <ul class="chips">
            {(expanded.has(type) ? list : list.slice(0, MAX_CHIPS_PER_TYPE)).map((e) => (
              <li key={e.text}>
                <button
                  type="button"
                  class="chip"
                  data-type={type}
                  title={e.aliases.length ? e.aliases.join(' · ') : undefined}
                  aria-label={`${e.text}, ${props.t('mentionsOf', { n: e.count })}`}
                  onClick={() => props.onChip(e)}
                >
                  <span class="chip-text">{e.text}</span>
                  <span class="count" aria-hidden="true">{e.count}</span>
                </button>
              </li>
            ))}
            {list.length > MAX_CHIPS_PER_TYPE && !expanded.has(type) && (
              <li>
                <button type="button" class="chip more" aria-label={props.t('showMore', { n: list.length - MAX_CHIPS_PER_TYPE })} onClick={() => setExpanded(new Set([...expanded, type]))}>
                  +{list.length - MAX_CHIPS_PER_TYPE}
                </button>
              </li>
            )}
          </ul>
        </section>
      ))}
    </div>
  );
}
