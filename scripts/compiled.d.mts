// Types for scripts/compiled.mjs, which stays plain JavaScript because bin/kam.js loads it before tsx.
export declare const ROOT: string;
export declare const DIST_DIR: string;
export declare const BUILD_INFO: string;
export declare function sourceStamp(root?: string): string;
export declare function freshDistEntry(root?: string): string | null;
