import * as RadixTabs from '@radix-ui/react-tabs';
import type { ReactNode } from 'react';
import './tabs.css';

export interface TabItem {
  readonly id: string;
  readonly label: ReactNode;
  /** Rendered only while the tab is selected. */
  readonly content: ReactNode;
}

/**
 * Accessible tabs (Radix): a labelled tablist, arrow keys between tabs, each panel labelled by its
 * tab. Uncontrolled unless `value` is given.
 */
export function Tabs({
  label,
  tabs,
  defaultValue,
  value,
  onValueChange,
}: {
  /** Accessible name of the tab list, e.g. "Run #12". */
  label: string;
  tabs: readonly TabItem[];
  defaultValue?: string;
  value?: string;
  onValueChange?: (value: string) => void;
}) {
  const controlled = value === undefined ? {} : { value };
  return (
    <RadixTabs.Root
      className="tabs"
      defaultValue={defaultValue ?? tabs[0]?.id}
      onValueChange={onValueChange}
      {...controlled}
    >
      <RadixTabs.List className="tabs__list" aria-label={label}>
        {tabs.map((tab) => (
          <RadixTabs.Trigger key={tab.id} value={tab.id} className="tabs__tab">
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content key={tab.id} value={tab.id} className="tabs__panel">
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
