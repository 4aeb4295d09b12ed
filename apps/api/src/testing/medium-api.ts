import { Global, Module, type INestApplication, type ModuleMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiClient, MediumHarness, type HttpResult } from '@workpoints/testing/medium';
import { PARTIAL_API } from '../access/route-table.service';
import { AuthModule } from '../auth/auth.module';
import { SessionsService } from '../auth/sessions.service';
import { SecurityModule } from '../security/security.module';
import { configureApp } from '../create-app';

/** Only some of the API's modules run here: the access policy's routes are checked one way. */
@Global()
@Module({ providers: [{ provide: PARTIAL_API, useValue: true }], exports: [PARTIAL_API] })
class PartialApiModule {}

/**
 * The API's modules on the medium harness of libs/testing (real PostgreSQL and Redis, Temporal
 * client recorded), optionally served over HTTP as production serves them: the auth guard, the
 * validation pipe and the exception filter in front of the controllers.
 */
export class MediumApi {
  private constructor(
    readonly harness: MediumHarness,
    private readonly http: ApiClient | null,
  ) {}

  static async start(
    name: string,
    imports: NonNullable<ModuleMetadata['imports']>,
    opts: { http?: boolean; env?: Record<string, string> } = {},
  ): Promise<MediumApi> {
    const harness = await MediumHarness.start({
      name,
      // Sign-in and sessions are global in the API: services such as the users' need them.
      imports: [PartialApiModule, AuthModule, SecurityModule, ...imports],
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.http
        ? {
            http: {
              configure: (app: INestApplication) => configureApp(app as NestExpressApplication),
            },
          }
        : {}),
    });
    return new MediumApi(harness, harness.url ? new ApiClient(`${harness.url}/api`) : null);
  }

  /**
   * A bearer token of a seeded user, as signing in would give them now (the test's clock): a
   * real session opened by the sessions service, so the auth guard checks it as in production.
   */
  async token(username: string): Promise<string> {
    return (await this.session(username)).accessToken;
  }

  /** A session of a seeded user: its id and access token. */
  async session(username: string): Promise<{ sessionId: string; accessToken: string }> {
    const user = await this.harness.user(username);
    const request = { ip: '127.0.0.1', headers: { 'user-agent': 'medium-spec' } } as Request;
    const issued = await this.harness.get(SessionsService).open(user, 'password', request);
    return { sessionId: issued.authenticated.sessionId, accessToken: issued.accessToken };
  }

  /** A request to the API as `username` (`null`: without a token). */
  async request<T = unknown>(
    username: string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<HttpResult<T>> {
    if (!this.http) throw new Error('MediumApi: started without http');
    return this.http.request<T>(
      method,
      path,
      username === null ? undefined : await this.token(username),
      body,
    );
  }

  close(): Promise<void> {
    return this.harness.close();
  }
}
