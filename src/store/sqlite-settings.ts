/** How long a connection waits for another writer before giving up with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;
