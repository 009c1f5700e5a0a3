import type { KeyPoint } from '../utils/keypoints';
import type { Translate } from '../utils/i18n';

/** The numbered key points; each is a button that jumps to its sentence in the page. */
export function KeyPointList(props: { points: KeyPoint[]; t: Translate; onJump: (p: KeyPoint) => void }) {
  if (!props.points.length) return <p class="muted">{props.t('noKeyPoints')}</p>;
  return (
    <ol class="keypoints">
      {props.points.map((p, i) => (
        <li key={`${p.paragraph}-${p.sentence}`}>
          <button type="button" class="keypoint" data-index={i} onClick={() => props.onJump(p)}>
            {p.text}
          </button>
        </li>
      ))}
    </ol>
  );
}
