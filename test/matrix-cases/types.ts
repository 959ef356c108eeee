import type { Rule } from '../../src/platform/actor.js';
import type { TestApp } from '../support/app.js';
import type { FormClient } from '../support/http-client.js';
import type { OrgFixture } from '../support/matrix-fixtures.js';

/** One request of a cell: a path, and a form (pages) or JSON body (API). */
export interface CellRequest {
  path: string;
  form?: Record<string, string | string[]>;
  json?: unknown;
  /** For participant routes: the participant client to use instead of the fixture's. */
  participant?: FormClient;
}

/**
 * Who a route is for: `anyone` (public), `participant` (the participant cookie of the organization
 * in the path), or the staff roles allowed (the route's policy rule).
 */
export type Audience = 'anyone' | 'participant' | Rule;

/** A route of the matrix: its audience and how to make a valid request against an organization. */
export interface RouteCase {
  audience: Audience;
  request: (t: TestApp, f: OrgFixture) => Promise<CellRequest> | CellRequest;
}
