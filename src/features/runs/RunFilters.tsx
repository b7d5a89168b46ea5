/**
 * The filters of the Activity page (SPEC §4): type, status and datastore (several each), has logs,
 * ID search and a date range; and the active ones as chips that can be cleared one by one.
 */
import { mdiClose } from '@mdi/js';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import type { Datastore } from '../../api/client';
import { Icon } from '../../components/ui/Icon';
import { OPERATION_TYPES, operationLabel } from '../../domain/operations';
import { RUN_STATES, stateLabel } from '../../domain/states';
import { formatDay } from '../../lib/time';
import type { ActivitySearch } from './activity-search';
import { hasFilters, withoutFilters } from './activity-search';
import { FilterMenu } from './FilterMenu';

type Update = (update: (prev: ActivitySearch) => ActivitySearch) => void;

const TYPE_OPTIONS = OPERATION_TYPES.map((value) => ({ value, label: operationLabel(value) }));
const STATUS_OPTIONS = RUN_STATES.map((value) => ({ value, label: stateLabel(value) }));

/** A filter change starts again from the first page. */
const filterBy =
  (patch: Partial<ActivitySearch>) =>
  (prev: ActivitySearch): ActivitySearch => ({ ...prev, ...patch, page: 1 });

export function RunFilters({
  search,
  onSearchChange,
  datastores,
}: {
  search: ActivitySearch;
  onSearchChange: Update;
  /** Datastores from the API; null while loading, or when they could not be loaded. */
  datastores: { readonly list: readonly Datastore[] | null; readonly failed: boolean };
}) {
  const id = useId();
  const set = (patch: Partial<ActivitySearch>) => onSearchChange(filterBy(patch));
  const datastoreOptions = (datastores.list ?? []).map((d) => ({ value: d.id, label: d.name }));

  return (
    <div className="run-filters">
      <div className="run-filters__row" role="group" aria-label="Filters">
        <FilterMenu
          label="Type"
          options={TYPE_OPTIONS}
          selected={search.type}
          onChange={(type) => set({ type })}
        />
        <FilterMenu
          label="Status"
          options={STATUS_OPTIONS}
          selected={search.status}
          onChange={(status) => set({ status })}
        />
        <FilterMenu
          label="Datastore"
          options={datastoreOptions}
          selected={search.datastore}
          onChange={(datastore) => set({ datastore })}
          disabledText={
            datastores.list !== null
              ? undefined
              : datastores.failed
                ? 'The datastores could not be loaded'
                : 'Loading datastores…'
          }
        />
        <label className="run-filters__field">
          <span>Has logs</span>
          <select
            value={search.has_logs === undefined ? '' : String(search.has_logs)}
            onChange={(event) =>
              set({
                has_logs: event.target.value === '' ? undefined : event.target.value === 'true',
              })
            }
          >
            <option value="">Any</option>
            <option value="true">Yes</option>
            <option value="false">No</option>
          </select>
        </label>
        <IdSearch key={search.q ?? ''} value={search.q} onSearch={(q) => set({ q })} />
        <label className="run-filters__field">
          <span>From</span>
          <input
            type="date"
            value={search.from ?? ''}
            max={search.to}
            onChange={(event) => set({ from: event.target.value || undefined })}
            aria-describedby={`${id}-utc`}
          />
        </label>
        <label className="run-filters__field">
          <span>To</span>
          <input
            type="date"
            value={search.to ?? ''}
            min={search.from}
            onChange={(event) => set({ to: event.target.value || undefined })}
            aria-describedby={`${id}-utc`}
          />
        </label>
        <span id={`${id}-utc`} className="visually-hidden">
          Days are UTC calendar days.
        </span>
      </div>
      <ActiveFilters search={search} onSearchChange={onSearchChange} datastores={datastores.list} />
    </div>
  );
}

function IdSearch({
  value,
  onSearch,
}: {
  value: number | undefined;
  onSearch: (q: number | undefined) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [invalid, setInvalid] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim().replace(/^#/, '');
    if (trimmed === '') {
      setInvalid(null);
      onSearch(undefined);
    } else if (/^\d+$/.test(trimmed) && trimmed.length > 15) {
      setInvalid(`“${trimmed.slice(0, 20)}…” is too long to be a Run ID (at most 15 digits).`);
    } else if (/^\d+$/.test(trimmed) && Number(trimmed) > 0) {
      setInvalid(null);
      onSearch(Number(trimmed));
    } else {
      setInvalid('A Run ID is a whole number, like 56.');
    }
  };
  return (
    <form
      role="search"
      aria-label="Find a Run by ID"
      className="run-filters__search"
      onSubmit={submit}
    >
      <label className="run-filters__field">
        <span>Run ID</span>
        <input
          id="run-id-search"
          type="search"
          inputMode="numeric"
          size={8}
          placeholder="e.g. 56"
          value={text}
          aria-invalid={invalid !== null || undefined}
          aria-describedby={invalid !== null ? `${id}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button type="submit" className="button">
        Find
      </button>
      {invalid !== null ? (
        <span id={`${id}-error`} className="run-filters__error" role="alert">
          {invalid}
        </span>
      ) : null}
    </form>
  );
}

interface Chip {
  readonly key: string;
  readonly label: string;
  readonly clear: (prev: ActivitySearch) => ActivitySearch;
}

function chipsOf(search: ActivitySearch, datastores: readonly Datastore[] | null): Chip[] {
  const chips: Chip[] = [];
  for (const type of search.type) {
    chips.push({
      key: `type-${type}`,
      label: `Type: ${operationLabel(type)}`,
      clear: filterBy({ type: search.type.filter((t) => t !== type) }),
    });
  }
  for (const status of search.status) {
    chips.push({
      key: `status-${status}`,
      label: `Status: ${stateLabel(status)}`,
      clear: filterBy({ status: search.status.filter((s) => s !== status) }),
    });
  }
  for (const ds of search.datastore) {
    const name = datastores?.find((d) => d.id === ds)?.name ?? `#${ds}`;
    chips.push({
      key: `datastore-${ds}`,
      label: `Datastore: ${name}`,
      clear: filterBy({ datastore: search.datastore.filter((d) => d !== ds) }),
    });
  }
  if (search.has_logs !== undefined) {
    chips.push({
      key: 'has_logs',
      label: search.has_logs ? 'Has logs' : 'No logs',
      clear: filterBy({ has_logs: undefined }),
    });
  }
  if (search.q !== undefined) {
    chips.push({ key: 'q', label: `Run ID: ${search.q}`, clear: filterBy({ q: undefined }) });
  }
  if (search.from !== undefined && search.from === search.to) {
    chips.push({
      key: 'day',
      label: `Day: ${formatDay(search.from)}`,
      clear: filterBy({ from: undefined, to: undefined }),
    });
  } else {
    if (search.from !== undefined) {
      chips.push({
        key: 'from',
        label: `From: ${formatDay(search.from)}`,
        clear: filterBy({ from: undefined }),
      });
    }
    if (search.to !== undefined) {
      chips.push({
        key: 'to',
        label: `To: ${formatDay(search.to)}`,
        clear: filterBy({ to: undefined }),
      });
    }
  }
  return chips;
}

function ActiveFilters({
  search,
  onSearchChange,
  datastores,
}: {
  search: ActivitySearch;
  onSearchChange: Update;
  datastores: readonly Datastore[] | null;
}) {
  if (!hasFilters(search)) return null;
  const chips = chipsOf(search, datastores);
  return (
    <div className="active-filters">
      <ul className="active-filters__list" aria-label="Active filters">
        {chips.map((chip) => (
          <li key={chip.key} className="chip">
            <span>{chip.label}</span>
            <button
              type="button"
              className="chip__remove"
              aria-label={`Remove filter ${chip.label}`}
              onClick={() => onSearchChange(chip.clear)}
            >
              <Icon path={mdiClose} size={14} />
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--small button--ghost"
        onClick={() => onSearchChange(withoutFilters)}
      >
        Clear all filters
      </button>
    </div>
  );
}
