/**
 * The watch feature's code as one chunk, loaded on demand (src/routes/-components/chunks.tsx):
 * the toggles and the watcher share almost everything, and one chunk keeps the shared code the
 * entry needs in the chunks it already had (separate chunks split them, and the entry grew).
 */
export { FailureWatchToggle } from './FailureWatchToggle';
export { WatchCenter } from './WatchCenter';
export { WatchRowToggle } from './WatchRowToggle';
export { WatchRunToggle } from './WatchRunToggle';
