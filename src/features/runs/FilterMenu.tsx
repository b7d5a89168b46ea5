import { mdiChevronDown } from '@mdi/js';
import * as Popover from '@radix-ui/react-popover';
import { Icon } from '../../components/ui/Icon';

export interface FilterOption<T> {
  readonly value: T;
  readonly label: string;
}

/**
 * A multi-choice filter: a button that opens a group of checkboxes (Radix Popover: focus moves in
 * on open, Escape or a click outside closes it and focus returns to the button). Each change
 * applies at once.
 */
export function FilterMenu<T extends string | number>({
  label,
  options,
  selected,
  onChange,
  disabledText,
}: {
  label: string;
  options: readonly FilterOption<T>[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  /** When set, the menu cannot open and says why (e.g. "Loading datastores…"). */
  disabledText?: string | undefined;
}) {
  const toggle = (value: T, checked: boolean) => {
    const next = checked ? [...selected, value] : selected.filter((v) => v !== value);
    // Keep the options' order, so the URL is the same whatever order they were picked in.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };

  return (
    <Popover.Root>
      <Popover.Trigger
        className={
          selected.length ? 'button filter-menu__button is-active' : 'button filter-menu__button'
        }
        disabled={disabledText !== undefined}
        title={disabledText}
      >
        {selected.length ? `${label} (${selected.length})` : label}
        <Icon path={mdiChevronDown} size={16} />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          role="group"
          aria-label={label}
          className="filter-menu__panel"
          align="start"
          sideOffset={4}
          collisionPadding={8}
        >
          {options.map((option) => (
            <label key={option.value} className="filter-menu__option">
              <input
                type="checkbox"
                checked={selected.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              {option.label}
            </label>
          ))}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
