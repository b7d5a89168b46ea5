/** The tabs of a Run's view. Kept apart from RunDetails so a route can validate them cheaply. */
export const RUN_TABS = ['results', 'logs', 'details', 'lifecycle'] as const;
export type RunTab = (typeof RUN_TABS)[number];
