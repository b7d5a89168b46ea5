// Applies the remembered theme before the first paint (src/lib/theme.ts does the same at run time).
// An external file rather than an inline script, so a `script-src 'self'` policy allows it.
try {
  const stored = localStorage.getItem('runs-dashboard.theme');
  const theme =
    stored === 'light' || stored === 'dark'
      ? stored
      : matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light';
  document.documentElement.setAttribute('data-theme', theme);
} catch {
  document.documentElement.setAttribute('data-theme', 'light');
}
