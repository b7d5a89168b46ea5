// Runtime configuration of a deployed dashboard (no rebuild needed). Uncomment and edit:
// window.__RUNS_DASHBOARD_CONFIG__ = { apiBaseUrl: 'https://dq.example.com/api', apiToken: '…' };
