/** The sections of a comparison: header facts, settings, counters, containers, log levels. */
import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { StatusBadge } from '../../components/ui/StatusBadge';
import { lineageOf } from '../../domain/lineage';
import { operationInfo, operationLabel } from '../../domain/operations';
import type { Run } from '../../domain/run';
import { isActive } from '../../domain/states';
import { useNow } from '../../lib/now';
import { formatAbsolute } from '../../lib/time';
import { compareCounters, compareSettings, deltaText, runDurationText } from './compare';
import { CompareTable } from './CompareTable';
import type { CompareRow } from './CompareTable';
import { ContainersCompared } from './ContainersCompared';
import { LogLevelsCompared } from './LogLevelsCompared';

export function CompareSections({ a, b, sameType }: { a: Run; b: Run; sameType: boolean }) {
  const now = useNow(isActive(a.state) || isActive(b.state));
  const settings = compareSettings(a, b);
  const counters = compareCounters(a, b);
  const hasContainers = sameType && operationInfo(a.type).hasContainerProgress;
  return (
    <div className="compare__sections">
      <Section title="Header" id="compare-header">
        <CompareTable caption="Header facts" a={a.id} b={b.id} rows={headerRows(a, b, now)} />
      </Section>
      {sameType ? (
        <>
          <Section title="Settings" id="compare-settings">
            {settings.length === 0 ? (
              <p className="muted">{operationLabel(a.type)} Runs have no settings of their own.</p>
            ) : (
              <CompareTable
                caption="Settings"
                a={a.id}
                b={b.id}
                rows={settings.map((row) => ({
                  key: row.key,
                  label: row.label,
                  a: row.a ?? <span className="muted">Not set</span>,
                  b: row.b ?? <span className="muted">Not set</span>,
                  differs: row.differs,
                }))}
              />
            )}
          </Section>
          <Section title="Counters" id="compare-counters">
            <CompareTable
              caption="Counters"
              a={a.id}
              b={b.id}
              withChange
              rows={counters.map((row) => ({
                key: row.key,
                label:
                  row.key === 'processed' ? `${operationInfo(a.type).unit} processed` : row.label,
                a: count(row.a),
                b: count(row.b),
                change: deltaText(row.delta),
                differs: row.delta !== 0,
              }))}
            />
          </Section>
          {hasContainers ? (
            <Section title="Results per container" id="compare-containers">
              <ContainersCompared a={a} b={b} now={now} />
            </Section>
          ) : null}
        </>
      ) : null}
      <Section title="Log lines by level" id="compare-levels">
        <LogLevelsCompared a={a} b={b} />
      </Section>
    </div>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="compare__section" aria-labelledby={id}>
      <h2 id={id} className="compare__section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

const count = (n: number | null): ReactNode =>
  n === null ? <span className="muted">—</span> : n.toLocaleString();

const when = (ms: number | null): ReactNode =>
  ms === null ? <span className="muted">—</span> : formatAbsolute(ms);

function lineageText(run: Run): ReactNode {
  const { parent } = lineageOf(run);
  if (parent === null) return <span className="muted">None</span>;
  return (
    <>
      {parent.text}{' '}
      <Link to="/runs/$runId" params={{ runId: parent.id }}>
        #{parent.id}
      </Link>
    </>
  );
}

function headerRows(a: Run, b: Run, now: number): CompareRow[] {
  const text = (run: Run, pick: (run: Run) => string) => pick(run);
  const row = (key: string, label: string, pick: (run: Run) => string): CompareRow => ({
    key,
    label,
    a: text(a, pick),
    b: text(b, pick),
    differs: pick(a) !== pick(b),
  });
  return [
    {
      key: 'run',
      label: 'Run',
      a: <RunName run={a} />,
      b: <RunName run={b} />,
      differs: false,
    },
    row('type', 'Type', (run) => operationLabel(run.type)),
    {
      key: 'state',
      label: 'State',
      a: <StatusBadge state={a.state} size="sm" />,
      b: <StatusBadge state={b.state} size="sm" />,
      differs: a.state !== b.state,
    },
    row('datastore', 'Datastore', (run) => run.datastore.name),
    {
      key: 'created',
      label: 'Created',
      a: when(a.createdAt),
      b: when(b.createdAt),
      differs: false,
    },
    {
      key: 'started',
      label: 'Started',
      a: when(a.startedAt),
      b: when(b.startedAt),
      differs: false,
    },
    { key: 'ended', label: 'Ended', a: when(a.endedAt), b: when(b.endedAt), differs: false },
    {
      key: 'duration',
      label: 'Duration',
      a: runDurationText(a, now),
      b: runDurationText(b, now),
      differs: false,
    },
    row('triggered', 'Triggered by', (run) => run.triggeredBy),
    row('schedule', 'Schedule', (run) => run.schedule?.name ?? 'None (run on demand)'),
    {
      key: 'lineage',
      label: 'Created from',
      a: lineageText(a),
      b: lineageText(b),
      differs: false,
    },
    row('message', 'Message', (run) => run.message ?? '—'),
  ];
}

function RunName({ run }: { run: Run }) {
  return (
    <Link to="/runs/$runId" params={{ runId: run.id }}>
      {operationLabel(run.type)} Run #{run.id}
    </Link>
  );
}
