import { useState } from 'react';
import type { Theme } from '../lib/theme';
import { THEMES, applyTheme, readTheme } from '../lib/theme';

const LABELS: Record<Theme, string> = { system: 'System theme', light: 'Light', dark: 'Dark' };

export function ThemeSelect() {
  const [theme, setTheme] = useState<Theme>(readTheme);
  return (
    <label className="theme-select">
      <span className="visually-hidden">Theme</span>
      <select
        value={theme}
        onChange={(event) => {
          const next = THEMES.find((t) => t === event.target.value) ?? 'system';
          setTheme(next);
          applyTheme(next);
        }}
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </label>
  );
}
