import type { Entity, EntityType } from '../utils/entities';
import type { Translate } from '../utils/i18n';

export const ENTITY_ORDER: readonly EntityType[] = ['person', 'organization', 'place', 'date', 'quantity'];
/** Chips shown per type before the list would push key points off the popup. */
const MAX_CHIPS_PER_TYPE = 12;

/** Group by type, most important first: count, then first position, title mentions ahead. */
export function groupEntities(entities: readonly Entity[], shown: Record<EntityType, boolean>): Array<[EntityType, Entity[]]> {
  const groups: Array<[EntityType, Entity[]]> = [];
  for (const type of ENTITY_ORDER) {
    if (!shown[type]) continue;
    const list = entities
      .filter((e) => e.type === type)
      .sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.count - a.count || a.firstPosition - b.firstPosition)
      .slice(0, MAX_CHIPS_PER_TYPE);
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
            {list.map((e) => (
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
          </ul>
        </section>
      ))}
    </div>
  );
}
