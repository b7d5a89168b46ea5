import { mdiChevronDown } from '@mdi/js';
import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from '../../components/ui/Icon';

export interface FilterOption<T> {
  readonly value: T;
  readonly label: string;
}

/**
 * A multi-choice filter: a button that opens a group of checkboxes. Each change applies at once.
 * Escape or a click outside closes it; focus returns to the button on Escape.
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
  const id = useId();
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !wrapper.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const toggle = (value: T, checked: boolean) => {
    const next = checked ? [...selected, value] : selected.filter((v) => v !== value);
    // Keep the options' order, so the URL is the same whatever order they were picked in.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };

  return (
    <div
      ref={wrapper}
      className="filter-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={
          selected.length ? 'button filter-menu__button is-active' : 'button filter-menu__button'
        }
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        disabled={disabledText !== undefined}
        title={disabledText}
        onClick={() => setOpen((o) => !o)}
      >
        {selected.length ? `${label} (${selected.length})` : label}
        <Icon path={mdiChevronDown} size={16} />
      </button>
      {open ? (
        <div id={`${id}-panel`} role="group" aria-label={label} className="filter-menu__panel">
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
        </div>
      ) : null}
    </div>
  );
}
