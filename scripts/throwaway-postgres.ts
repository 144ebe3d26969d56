// A PostgreSQL server for tests, the bench and `npm run db:migration`: a new cluster in a temporary folder, on a free
// port of 127.0.0.1, stopped and removed afterwards. It uses the server binaries of the machine (Debian's
// `postgresql` package: /usr/lib/postgresql/<version>/bin, or pg_ctl on PATH); `.ci/run` installs them. initdb
// refuses to run as root, so as root the cluster runs as the `postgres` user the package creates.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayPostgres {
  /** postgres://kam@127.0.0.1:<port>/<database> */
  url: string;
  /** A URL for another database of the same server. */
  urlOf(database: string): string;
  stop(): void;
}

const USER = 'kam';

/** The folder with pg_ctl and initdb, newest version first; null when the machine has no PostgreSQL server. */
export function postgresBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => existsSync(join(root, name, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  return found ? found.replace(/\/pg_ctl$/, '') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts a throwaway server with one database, `database`; null when no server binaries are installed. */
export async function startThrowawayPostgres(database = 'kam'): Promise<ThrowawayPostgres | null> {
  const bin = postgresBinaries();
  if (!bin) return null;
  const dataDir = mkdtempSync(join(tmpdir(), 'kam-postgres-'));
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]]
      : [join(bin, command), args];
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  if (asRoot) {
    chmodSync(dataDir, 0o700);
    const { uid, gid } = postgresUser();
    chownSync(dataDir, uid, gid);
  }
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', USER, '--no-sync', '-E', 'UTF8', '--locale=C']);
  // fsync off: a test server loses nothing that matters in a crash, and tests run several times faster.
  const options = `-p ${port} -k ${dataDir} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(dataDir, 'server.log'), '-w', 'start']);
  const urlOf = (name: string) => `postgres://${USER}@127.0.0.1:${port}/${name}`;
  execFileSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', USER, database], { stdio: 'pipe' });
  return {
    url: urlOf(database),
    urlOf,
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
