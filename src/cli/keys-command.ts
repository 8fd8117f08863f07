import type { Command } from 'commander';
import { createKeyRing, type Identity, KeySpecError, parseKeys } from '../auth/keys.js';
import { ADMIN_KEY_FILE, readStoredAdminKey, writeNewAdminKey } from '../auth/stored-admin-key.js';
import { type Env, EnvError, loadEnv } from '../env.js';
import { CliError, EXIT } from './cli-error.js';

function env(): Env {
  try {
    return loadEnv();
  } catch (err) {
    if (err instanceof EnvError) throw new CliError(err.message, EXIT.usage);
    throw err;
  }
}

const line = (k: Identity) => `${k.name.padEnd(24)} ${[...k.roles].join(', ')}`;

/** Names and roles only: a key's secret is never printed, and the generated one cannot be (it is hashed). */
async function list() {
  const e = env();
  if (e.NOF1_API_KEYS) {
    let keys: Identity[];
    try {
      keys = await createKeyRing(parseKeys(e.NOF1_API_KEYS)).list();
    } catch (err) {
      if (err instanceof KeySpecError) throw new CliError(err.message, EXIT.usage);
      throw err;
    }
    process.stdout.write(`keys from NOF1_API_KEYS:\n${keys.map(line).join('\n')}\n`);
    return;
  }
  if (e.NOF1_DATA_DIR === 'memory') {
    process.stdout.write('NOF1_API_KEYS is not set and the store is in memory: each start makes its own admin key\n');
    return;
  }
  const stored = await readStoredAdminKey(e.NOF1_DATA_DIR);
  if (!stored) {
    process.stdout.write(`no keys yet: the first start on ${e.NOF1_DATA_DIR} makes an admin key and shows it once\n`);
    return;
  }
  process.stdout.write(
    `generated key of ${e.NOF1_DATA_DIR} (NOF1_API_KEYS is not set):\n${line({ name: stored.name, roles: new Set(['admin']) })} made ${stored.createdAt}\n`,
  );
}

/** A new generated admin key; a running service accepts it (and refuses the old one) at once. */
async function rotate() {
  const e = env();
  if (e.NOF1_API_KEYS) {
    throw new CliError(
      'the keys are set by NOF1_API_KEYS: add the new key (role:name=key) beside the old one, restart, then remove the old one',
      EXIT.usage,
    );
  }
  if (e.NOF1_DATA_DIR === 'memory') {
    throw new CliError('the store is in memory: each start already makes a new admin key', EXIT.usage);
  }
  // The key file is made by the service's first start, after the store exists; rotation never creates one.
  if (!(await readStoredAdminKey(e.NOF1_DATA_DIR))) {
    throw new CliError(`no generated admin key in ${e.NOF1_DATA_DIR}: start the service once first`, EXIT.usage);
  }
  const key = await writeNewAdminKey(e.NOF1_DATA_DIR);
  process.stdout.write(
    `new admin key for ${e.NOF1_DATA_DIR} (shown once; the old one no longer works):\n\n  ${key}\n\n`,
  );
}

export function registerKeysCommand(program: Command) {
  const keys = program
    .command('keys')
    .description(`API keys: their names and roles; rotate the generated admin key (${ADMIN_KEY_FILE}).`);
  keys.command('list', { isDefault: true }).description('List key names and roles (never the keys).').action(list);
  keys
    .command('rotate')
    .description('Replace the generated admin key of the data folder and print the new one once.')
    .action(rotate);
}
