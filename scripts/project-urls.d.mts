// Types of project-urls.mjs for the TypeScript that imports it (first100 doctor, first100 project set-url).
export declare const APP_FILE: string;
export declare const WEBHOOKS_FILE: string;
export declare const BACKEND_FILE: string;
export declare const PAGE_BACKEND_FILES: string[];
export declare const ACTIONS_DIR: string;
export declare const CLI_CONFIG_FILE: string;
export declare const BACKEND_URL_PATTERN: RegExp;

export interface ProjectUrls {
  fetch: string[];
  support: { supportEmail?: string; documentationUrl?: string; supportUrl?: string; supportPhone?: string };
  targetUrl: string | undefined;
  backend: string | undefined;
  /** The app pages' and the settings page's copies of BACKEND_URL (those present). */
  pageBackends: { file: string; url: string | undefined }[];
  actions: { file: string; slug: string; url: string }[];
  /** hubspot.config.yml's portalId, as written (0 until first100 init sets it). */
  portalId: string | undefined;
}

export declare function readProjectUrls(projectDir: string): ProjectUrls;
export declare function normaliseBaseUrl(input: string): string;
export declare function urlDisagreements(urls: ProjectUrls, base: string): string[];
