import { mdiAlert } from '@mdi/js';
import { Icon } from '../../components/ui/Icon';
import { Tooltip } from '../../components/ui/Tooltip';
import type { Run } from '../../domain/run';
import { showsWarning } from '../../domain/run';

const WARNING_LABEL = 'Warning: Completed with logs';

/**
 * The "Completed with logs" indicator (SPEC §1.2): only on a Success Run with warning or error
 * log entries. Focusable so that keyboard users get the tooltip too; the badge stays Success.
 */
export function WarningIndicator({ run }: { run: Pick<Run, 'state' | 'hasLogs'> }) {
  if (!showsWarning(run)) return null;
  return (
    <Tooltip content={WARNING_LABEL}>
      <span className="warning-indicator" role="img" aria-label={WARNING_LABEL} tabIndex={0}>
        <Icon path={mdiAlert} size={16} />
      </span>
    </Tooltip>
  );
}
