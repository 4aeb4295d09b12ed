import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@workpoints/config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.api.port, config.api.host);
  const url = `http://${config.api.host}:${config.api.port}`;
  new Logger('api').log(`api listening on ${url}/api (OpenAPI: ${url}/api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
