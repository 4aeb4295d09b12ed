import { Inject, Injectable, type OnModuleInit, Optional, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApplicationConfig, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_POLICY, type AccessEntry, accessEntry, routeKey } from '@workpoints/domain';
import { IS_PUBLIC } from '../auth/auth.decorators';

/**
 * Provided (true) where only some of the API's modules run — the medium test tier: each route
 * served must still have its entry, but entries of modules not loaded name no route there.
 */
export const PARTIAL_API = Symbol('partialApi');

/** A route Nest serves, with the handler that serves it. */
export interface NestRoute {
  route: string;
  handler: (...args: unknown[]) => unknown;
  isPublic: boolean;
}

/**
 * The API's routes matched with the access policy (`ACCESS_POLICY` of libs/domain) once, at
 * start-up: every route Nest serves must have an entry, every entry (other than the mounts
 * outside Nest's router) must name a route, and a route is `@Public()` exactly when its entry
 * says public. Otherwise the API refuses to start, naming each mismatch. The access guard then
 * finds a request's entry by its handler.
 */
@Injectable()
export class RouteTable implements OnModuleInit {
  private readonly byHandler = new Map<unknown, AccessEntry>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly config: ApplicationConfig,
    @Optional() @Inject(PARTIAL_API) private readonly partial: boolean | null = null,
  ) {}

  onModuleInit(): void {
    const routes = this.routes();
    const problems = policyProblems(routes, ACCESS_POLICY, { partial: this.partial === true });
    if (problems.length > 0)
      throw new Error(
        `The access policy (libs/domain/src/access-policy.ts) does not match the API's routes; ` +
          `the API does not start until it does:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      );
    for (const r of routes) this.byHandler.set(r.handler, accessEntry(r.route) as AccessEntry);
  }

  /** The entry of the route a handler serves (every handler has one once the API started). */
  entryOf(handler: unknown): AccessEntry | undefined {
    return this.byHandler.get(handler);
  }

  /** Every route of every controller, as `METHOD /prefix/controller/path`. */
  routes(): NestRoute[] {
    // A partial API compiled without HTTP (the medium tier's service specs) has no prefix set:
    // its routes are the API's all the same.
    const prefix = this.config.getGlobalPrefix() || (this.partial === true ? 'api' : '');
    const out: NestRoute[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!instance || !type) continue;
      const base = onePath(this.reflector.get<string | string[]>(PATH_METADATA, type), type.name);
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = instance[name] as NestRoute['handler'];
        const method = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
        if (method === undefined) continue;
        const path = onePath(
          this.reflector.get<string | string[]>(PATH_METADATA, handler),
          `${type.name}.${name}`,
        );
        out.push({
          route: routeKey(RequestMethod[method], joinPath(prefix, base, path)),
          handler,
          isPublic:
            this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [handler, type]) ===
            true,
        });
      }
    }
    return out;
  }
}

/** What keeps the routes and the policy from matching, one line each (none: they match). */
export function policyProblems(
  routes: readonly Pick<NestRoute, 'route' | 'isPublic'>[],
  policy: readonly AccessEntry[],
  options: { partial?: boolean } = {},
): string[] {
  const problems: string[] = [];
  const served = new Set(routes.map((r) => r.route));
  const seen = new Set<string>();
  for (const e of policy) {
    if (seen.has(e.route)) problems.push(`${e.route} has two entries: keep one`);
    seen.add(e.route);
    if (!e.mount && !options.partial && !served.has(e.route))
      problems.push(`the entry ${e.route} names no route: remove it, or correct its path`);
  }
  for (const r of routes) {
    const entry = policy.find((e) => e.route === r.route);
    if (!entry)
      problems.push(
        `${r.route} has no entry: add one (who may call it, its scope, read or write) to ACCESS_POLICY`,
      );
    else if (entry.mount)
      problems.push(`${r.route} is a Nest route, but its entry says it is mounted outside Nest`);
    else if (r.isPublic !== (entry.who === 'public'))
      problems.push(
        r.isPublic
          ? `${r.route} is @Public() but its entry is not: mark one or the other`
          : `${r.route} has a public entry but needs a token (no @Public()): mark one or the other`,
      );
  }
  return problems;
}

function onePath(path: string | string[] | undefined, where: string): string {
  if (Array.isArray(path)) {
    if (path.length !== 1)
      throw new Error(`${where} serves several paths: give it one, so the access policy names it`);
    return path[0] ?? '';
  }
  return path ?? '';
}

/** `api` + `plans/:planId` + `/` → `/api/plans/:planId`. */
function joinPath(...parts: string[]): string {
  const segments = parts.flatMap((p) => p.split('/')).filter((s) => s.length > 0);
  return `/${segments.join('/')}`;
}
