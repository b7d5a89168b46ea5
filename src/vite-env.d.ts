/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_SIMULATOR?: 'on' | 'off';
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
