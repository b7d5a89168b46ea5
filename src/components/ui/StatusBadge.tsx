import {
  mdiAlertCircle,
  mdiCheckCircle,
  mdiClockOutline,
  mdiCloseCircle,
  mdiHelpCircleOutline,
  mdiLoading,
} from '@mdi/js';
import { assertNever } from '../../domain/assert-never';
import type { RunState, StateIconName } from '../../domain/states';
import { stateIcon, stateLabel, stateTone } from '../../domain/states';
import { Icon } from './Icon';

function iconPath(name: StateIconName): string {
  switch (name) {
    case 'mdiClockOutline':
      return mdiClockOutline;
    case 'mdiLoading':
      return mdiLoading;
    case 'mdiCheckCircle':
      return mdiCheckCircle;
    case 'mdiCloseCircle':
      return mdiCloseCircle;
    case 'mdiAlertCircle':
      return mdiAlertCircle;
    default:
      return assertNever(name, 'icon');
  }
}

/**
 * The one status badge, for Runs and containers alike: icon + visible text + colour (SPEC §1.1).
 * Status is never colour alone.
 */
export function StatusBadge({ state, size = 'md' }: { state: RunState; size?: 'sm' | 'md' }) {
  const icon = stateIcon(state);
  return (
    <span className={`badge badge--${stateTone(state)} badge--${size}`} data-state={state}>
      <Icon
        path={iconPath(icon)}
        className={icon === 'mdiLoading' ? 'spin' : undefined}
        size={size === 'sm' ? 14 : 16}
      />
      <span>{stateLabel(state)}</span>
    </span>
  );
}

/**
 * A state this dashboard does not know (a newer server's "cancelling"): shown as the server sent
 * it, neutral, with a question mark — never mapped to a known state.
 */
export function UnknownStateBadge({ text, size = 'md' }: { text: string; size?: 'sm' | 'md' }) {
  return (
    <span className={`badge badge--neutral badge--${size}`} data-state="unknown">
      <Icon path={mdiHelpCircleOutline} size={size === 'sm' ? 14 : 16} />
      <bdi>{text}</bdi>
      <span className="visually-hidden"> (a state this dashboard does not know)</span>
    </span>
  );
}
