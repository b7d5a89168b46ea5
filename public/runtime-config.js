// Runtime configuration of a deployed dashboard: edit it after the build, no rebuild needed.
// It holds the API's address and options only — never a token (every visitor can read this file;
// the reverse proxy adds the token, see deploy/). Uncomment and edit:
// window.__RUNS_DASHBOARD_CONFIG__ = {
//   apiBaseUrl: 'https://dq.example.com/api', // default: /api on this origin
//   readTimeoutMs: 15000, // a read that takes longer is given up and retried
//   writeTimeoutMs: 30000, // an action that takes longer is "outcome unknown" until re-read
// };
