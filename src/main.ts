import fs from 'node:fs';
import { startPlatform } from './boot.ts';
import { loadConfig } from './config.ts';

const started = performance.now();
try {
  // Settings in .env apply unless the environment already sets them.
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const platform = await startPlatform(config);
  const where = config.databaseUrl ? 'PostgreSQL' : `den indbyggede database i ${config.dataDir}`;
  console.log(`Tilbudsvifte kører på ${platform.url} (${where}, klar efter ${Math.round(performance.now() - started)} ms).`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
