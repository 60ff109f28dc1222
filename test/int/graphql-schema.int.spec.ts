import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

// The server loads graphql as CommonJS; its schema must be printed by that same copy.
const { printSchema } = createRequire(__filename)('graphql') as typeof import('graphql');
const SCHEMA_FILE = path.resolve(__dirname, '../../web/schema.graphql');

/**
 * The dashboard's generated types come from web/schema.graphql; it must be the server's schema.
 * `npm run schema` rewrites it (this test with UPDATE_SCHEMA=1).
 */
describe('the GraphQL schema the dashboard is typed against', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is the schema the server serves', () => {
    const live = `${printSchema(app.syncline.app.get(GraphQLSchemaHost).schema)}\n`;
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, live);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed, 'web/schema.graphql is stale: run `npm run schema` and commit it').toBe(live);
  });
});
