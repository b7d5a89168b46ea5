/**
 * The simulator panel (SPEC §6): pause, step and speed up the virtual clock, switch the acting
 * user, launch a Run of any type, reset to a named scenario. Only in builds with the simulator.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { SCENARIOS } from '../../api/contract';
import type { LaunchBody, Scenario, SimUserBody } from '../../api/contract';
import { describeError } from '../../components/ui/ErrorState';
import { OPERATION_TYPES, operationLabel } from '../../domain/operations';
import type { OperationType } from '../../domain/operations';
import { config } from '../../config/env';
import { followClock, useNow } from '../../lib/now';
import { formatAbsolute } from '../../lib/time';
import { datastoresQuery, meQuery } from '../../queries/platform';
import {
  launchRunMutation,
  simClockMutation,
  simClockQuery,
  simResetMutation,
  simUserMutation,
} from '../../queries/sim';
import { FaultsControl, faultsNote, useFaultMode } from './FaultsControl';
import './sim-panel.css';

const SPEEDS = [1, 10, 60, 600] as const;
const STEPS = [
  { label: '+10 s', ms: 10_000 },
  { label: '+1 min', ms: 60_000 },
  { label: '+10 min', ms: 600_000 },
  { label: '+1 h', ms: 3_600_000 },
] as const;
const USERS = [
  { id: 'admin', label: 'Admin', body: { role: 'Admin', permission: 'Editor' } },
  { id: 'editor', label: 'Member with Editor', body: { role: 'Member', permission: 'Editor' } },
  { id: 'viewer', label: 'Member with Viewer', body: { role: 'Member', permission: 'Viewer' } },
] as const;
const OPEN_KEY = 'runs-dashboard.sim-panel.open';

/** The panel starts folded (it covers content); whether it is open survives reloads. */
function readOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === 'true';
  } catch {
    return false;
  }
}

function writeOpen(open: boolean): void {
  try {
    localStorage.setItem(OPEN_KEY, String(open));
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

export function SimPanel() {
  const id = useId();
  const queryClient = useQueryClient();
  const [open, setOpenState] = useState(readOpen);
  const setOpen = (next: boolean) => {
    setOpenState(next);
    writeOpen(next);
  };
  const [message, setMessage] = useState<string | null>(null);
  const [launchType, setLaunchType] = useState<OperationType>('scan');
  const [datastoreId, setDatastoreId] = useState<number | null>(null);
  const [scenario, setScenario] = useState<Scenario>('default');
  const now = useNow(true);
  const clock = useQuery(simClockQuery());
  // Served over HTTP, the simulator's clock is read from it: "now" follows each reading.
  useEffect(() => {
    if (config.simulator === 'remote' && clock.data) followClock(clock.data);
  }, [clock.data]);
  const me = useQuery(meQuery());
  const datastores = useQuery(datastoresQuery());
  const faultMode = useFaultMode();

  // The options own the request and what it refreshes; the panel says what happened.
  const onError = (error: unknown) => setMessage(describeError(error).detail);
  const clockMutation = useMutation({ ...simClockMutation(queryClient), onError });
  const userMutation = useMutation({ ...simUserMutation(queryClient), onError });
  const launchMutation = useMutation({ ...launchRunMutation(queryClient), onError });
  const resetMutation = useMutation({ ...simResetMutation(queryClient), onError });
  const actAs = (body: SimUserBody) =>
    userMutation.mutate(body, {
      onSuccess: (user) => setMessage(`Acting as ${user.email} (${user.role})`),
    });
  const launch = (body: LaunchBody) =>
    launchMutation.mutate(body, {
      onSuccess: (run) => setMessage(`Launched ${operationLabel(run.type)} Run #${run.id}`),
    });
  const reset = (next: Scenario) =>
    resetMutation.mutate(
      { scenario: next },
      { onSuccess: () => setMessage(`Reset to the ${next} scenario`) },
    );

  const currentUser = USERS.find(
    (u) =>
      me.data &&
      u.body.role === me.data.role &&
      (me.data.role === 'Admin' ||
        Object.values(me.data.permissions).every((p) => p === u.body.permission)),
  );
  const chosenDatastore = datastoreId ?? datastores.data?.[0]?.id ?? null;
  const paused = clock.data?.paused ?? false;
  const clockLine =
    formatAbsolute(now) +
    (clock.data ? ` · ${paused ? 'paused' : `×${clock.data.speed}`}` : '') +
    faultsNote(faultMode);

  return (
    <aside
      className={open ? 'sim-panel' : 'sim-panel sim-panel--closed'}
      aria-labelledby={`${id}-title`}
    >
      <div className="sim-panel__bar">
        <h2 id={`${id}-title`} className="sim-panel__title">
          Simulator
        </h2>
        <span className="sim-panel__clock" aria-live="off" title={clockLine}>
          {clockLine}
        </span>
        <button
          type="button"
          className="button button--small button--ghost"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide controls' : 'Show controls'}
        </button>
      </div>
      <div id={`${id}-body`} className="sim-panel__body" hidden={!open}>
        {/* Shown only where the controls are a sheet (a phone): it closes from where it is. */}
        <div className="sim-panel__close">
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setOpen(false)}
          >
            Close the simulator controls
          </button>
        </div>
        <fieldset>
          <legend>Clock</legend>
          <button
            type="button"
            className="button button--small"
            onClick={() => clockMutation.mutate({ paused: !paused })}
          >
            {paused ? 'Resume clock' : 'Pause clock'}
          </button>
          <label>
            Speed{' '}
            <select
              value={clock.data?.speed ?? 1}
              onChange={(e) => clockMutation.mutate({ speed: Number(e.target.value) })}
            >
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  ×{s}
                </option>
              ))}
            </select>
          </label>
          {STEPS.map((step) => (
            <button
              key={step.ms}
              type="button"
              className="button button--small"
              aria-label={`Advance the clock ${step.label.slice(1)}`}
              onClick={() => clockMutation.mutate({ advance_ms: step.ms })}
            >
              {step.label}
            </button>
          ))}
        </fieldset>
        <FaultsControl onError={onError} />
        <fieldset>
          <legend>Acting user</legend>
          <select
            aria-label="Acting user"
            value={currentUser?.id ?? ''}
            onChange={(e) => {
              const user = USERS.find((u) => u.id === e.target.value);
              if (user) actAs(user.body);
            }}
          >
            {currentUser ? null : <option value="">Custom</option>}
            {USERS.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        </fieldset>
        <fieldset>
          <legend>Launch a run</legend>
          <select
            aria-label="Operation type"
            value={launchType}
            onChange={(e) =>
              setLaunchType(OPERATION_TYPES.find((t) => t === e.target.value) ?? 'scan')
            }
          >
            {OPERATION_TYPES.map((t) => (
              <option key={t} value={t}>
                {operationLabel(t)}
              </option>
            ))}
          </select>
          <select
            aria-label="Datastore"
            value={chosenDatastore ?? ''}
            onChange={(e) => setDatastoreId(Number(e.target.value))}
          >
            {(datastores.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small button--primary"
            disabled={chosenDatastore === null || launchMutation.isPending}
            onClick={() => {
              if (chosenDatastore !== null)
                launch({ type: launchType, datastore_id: chosenDatastore });
            }}
          >
            Launch
          </button>
        </fieldset>
        <fieldset>
          <legend>Scenario</legend>
          <select
            aria-label="Scenario"
            value={scenario}
            onChange={(e) => setScenario(SCENARIOS.find((s) => s === e.target.value) ?? 'default')}
          >
            {SCENARIOS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={resetMutation.isPending}
            onClick={() => reset(scenario)}
          >
            Reset
          </button>
        </fieldset>
        <p className="sim-panel__message" role="status">
          {message}
        </p>
      </div>
    </aside>
  );
}
