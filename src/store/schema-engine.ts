// Prisma's schema engine (the code behind `prisma migrate`), compiled to WebAssembly and driven through the
// better-sqlite3 driver adapter. Prisma's CLI would download a native engine from Prisma's own server; this
// needs nothing beyond the npm packages, so migrations work on closed networks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import * as engineJs from '@prisma/schema-engine-wasm/schema_engine_bg';

type Engine = Awaited<ReturnType<typeof engineJs.SchemaEngine.new>>;

export interface SchemaEngineSession {
  readonly engine: Engine;
  /** Frees the engine and closes its connections, which hold SQLite's exclusive lock until then. */
  close(): Promise<void>;
}

// Node has WebAssembly, but @types/node does not declare it (the DOM lib does); this is the part used here.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let wasmReady = false;

function loadWasm(): void {
  if (wasmReady) return;
  // The package's main entry imports the .wasm file as an ES module, which Node 20 refuses; instantiate by hand.
  const entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm');
  const wasmPath = entry.replace(/schema_engine\.js$/, 'schema_engine_bg.wasm');
  const module = new wasm.Module(readFileSync(wasmPath));
  const instance = new wasm.Instance(module, { './schema_engine_bg.js': engineJs });
  const exports = instance.exports as unknown as { __wbindgen_start: () => void };
  engineJs.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  wasmReady = true;
}

/**
 * Opens the schema engine on a SQLite file (`file:` URL), or a PostgreSQL database (`postgres://`), with the given
 * schema. On SQLite the engine puts its connection in `locking_mode=EXCLUSIVE`, so no other connection can use the
 * file until the session is closed.
 */
export async function openSchemaEngine(schema: string, databaseUrl: string): Promise<SchemaEngineSession> {
  loadWasm();
  const postgres = /^postgres(ql)?:/.test(databaseUrl);
  const factory = postgres
    ? new (await import('@prisma/adapter-pg')).PrismaPg({ connectionString: databaseUrl })
    : new PrismaBetterSqlite3({ url: databaseUrl });
  const connections: SqlDriverAdapter[] = [];
  const tracking = {
    provider: postgres ? ('postgres' as const) : ('sqlite' as const),
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      connections.push(connection);
      return connection;
    },
    connectToShadowDb: async () => {
      const connection = await factory.connectToShadowDb();
      connections.push(connection);
      return connection;
    },
  };
  // The engine calls the adapter's methods unbound; the wrapper binds them.
  const engine = await engineJs.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(connections.map((connection) => connection.dispose()));
    },
  };
}
