import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { queryRows } from '../support/clickhouse';
import { personWithSession } from '../support/people';
import { allFindings, deviceEvent, posting, reconcileNow, seed, summary } from '../support/reconcile';

const ACT = {
  acknowledge: 'mutation($t: FindingTargetInput!) { acknowledgeFindings(target: $t) { changed } }',
  resolve: 'mutation($t: FindingTargetInput!, $r: String!) { resolveFindings(target: $t, reason: $r) { changed } }',
  ignore: 'mutation($t: FindingTargetInput!, $r: String!) { ignoreFindings(target: $t, reason: $r) { changed } }',
  assign: 'mutation($t: FindingTargetInput!, $a: String!) { assignFindings(target: $t, assignee: $a) { changed } }',
};

describe('the finding lifecycle and the exception queue', () => {
  let app: TestApp;
  let support: string;
  beforeAll(async () => {
    app = await startTestApp();
    support = (await personWithSession(app.url, { username: 'it-1', role: 'it_support', plants: ['*'] })).token;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a "resolve all matching" changes exactly the matching findings, says how many, and leaves every other one alone', async () => {
    await seed(app.url, {
      events: ['a', 'b', 'c'].map((x) => deviceEvent(`bulk-${x}`, 40, { order_id: 'O-bulk' })),
      postings: [posting('bulk-orphan', '', 40, { order_id: 'O-bulk' })],
    });
    await reconcileNow(app.url);
    expect(summary(await allFindings(app.url, { orderId: 'O-bulk' }))).toEqual([
      'missing_posting:bulk-a:open',
      'missing_posting:bulk-b:open',
      'missing_posting:bulk-c:open',
      'orphan_posting:bulk-orphan:open',
    ]);
    const res = await graphql<{ resolveFindings: { changed: number } }>(
      app.url,
      ACT.resolve,
      { t: { filter: { orderId: 'O-bulk', types: ['missing_posting'] } }, r: 'booked by hand in the ERP' },
      support,
    );
    expect(res.body.data).toEqual({ resolveFindings: { changed: 3 } });
    const after = await allFindings(app.url, { orderId: 'O-bulk' });
    expect(summary(after)).toEqual([
      'missing_posting:bulk-a:resolved_manual',
      'missing_posting:bulk-b:resolved_manual',
      'missing_posting:bulk-c:resolved_manual',
      'orphan_posting:bulk-orphan:open',
    ]);
    expect(after.find((f) => f.type === 'missing_posting')!.resolution).toBe('booked by hand in the ERP');
    // Resolved by hand stays resolved: reconciliation does not touch it (the posting is still missing).
    await reconcileNow(app.url);
    expect(summary(await allFindings(app.url, { orderId: 'O-bulk', types: ['missing_posting'] }))).toEqual([
      'missing_posting:bulk-a:resolved_manual',
      'missing_posting:bulk-b:resolved_manual',
      'missing_posting:bulk-c:resolved_manual',
    ]);
  });

  it('an action by filter touches the findings counted when the person confirmed, not those found since', async () => {
    await seed(app.url, { events: ['a', 'b'].map((x) => deviceEvent(`fz-${x}`, 40, { order_id: 'O-fz' })) });
    await reconcileNow(app.url);
    const { body } = await graphql<{ findings: { totalCount: number; readAt: string } }>(
      app.url,
      '{ findings(filter: { orderId: "O-fz" }) { totalCount readAt } }',
      undefined,
      support,
    );
    expect(body.data!.findings.totalCount).toBe(2);
    // Between the count and the confirmation, late edge data brings a third finding into the filter.
    await seed(app.url, { events: [deviceEvent('fz-c', 40, { order_id: 'O-fz' })] });
    await reconcileNow(app.url);
    const res = await graphql<{ acknowledgeFindings: { changed: number } }>(
      app.url,
      ACT.acknowledge,
      { t: { filter: { orderId: 'O-fz', firstSeenUntil: body.data!.findings.readAt } } },
      support,
    );
    expect(res.body.data).toEqual({ acknowledgeFindings: { changed: 2 } });
    expect(summary(await allFindings(app.url, { orderId: 'O-fz' }))).toEqual([
      'missing_posting:fz-a:acknowledged',
      'missing_posting:fz-b:acknowledged',
      'missing_posting:fz-c:open',
    ]);
  });

  it('acknowledges and assigns by id, keeps the history, and audits each action', async () => {
    await seed(app.url, { events: [deviceEvent('life-1', 40, { order_id: 'O-life' })] });
    await reconcileNow(app.url);
    const [f] = await allFindings(app.url, { orderId: 'O-life' });
    expect((await graphql(app.url, ACT.acknowledge, { t: { ids: [f.id] } }, support)).body.data).toEqual({
      acknowledgeFindings: { changed: 1 },
    });
    expect((await graphql(app.url, ACT.acknowledge, { t: { ids: [f.id] } }, support)).body.data).toEqual({
      acknowledgeFindings: { changed: 0 },
    });
    const bad = await graphql(app.url, ACT.assign, { t: { ids: [f.id] }, a: 'nobody-by-that-name' }, support);
    expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignee' });
    expect((await graphql(app.url, ACT.assign, { t: { ids: [f.id] }, a: 'team:ERP support' }, support)).body.data).toEqual({
      assignFindings: { changed: 1 },
    });
    await graphql(
      app.url,
      'mutation($id: ID!) { commentOnFinding(id: $id, comment: "called the ERP team") { changed } }',
      { id: f.id },
      support,
    );
    const { body } = await graphql<{
      finding: {
        finding: { status: string; assignee: string };
        meaning: string;
        history: Record<string, string | null>[];
        deviceEvents: { eventId: string }[];
      };
    }>(
      app.url,
      'query($id: ID!) { finding(id: $id) { meaning finding { status assignee } history { kind status assignee comment actor } deviceEvents { eventId } postings { documentId } } }',
      { id: f.id },
      support,
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(body.data!.finding.finding).toEqual({ status: 'assigned', assignee: 'team:ERP support' });
    expect(body.data!.finding.meaning).toMatch(/no ERP posting references it/);
    expect(body.data!.finding.deviceEvents.map((e) => e.eventId)).toEqual(['life-1']);
    expect(body.data!.finding.history.map((h) => `${h.kind}:${h.status ?? ''}:${h.actor}`)).toEqual([
      'status:acknowledged:it-1',
      'assign:assigned:it-1',
      'comment::it-1',
    ]);
    const audit = await queryRows<{ operation: string; outcome: string; target_id: string }>(
      app.db.client,
      "SELECT operation, toString(outcome) AS outcome, target_id FROM audit_log WHERE actor_id = 'it-1' AND target_type = 'findings' ORDER BY at",
    );
    expect(audit.filter((a) => a.target_id === f.id).map((a) => `${a.operation}:${a.outcome}`)).toEqual([
      'acknowledgeFindings:success',
      'acknowledgeFindings:success',
      'assignFindings:failure',
      'assignFindings:success',
      'commentOnFinding:success',
    ]);
  });

  it('people acting on one finding at the same moment on two instances: one of them changed it, and its history says so once', async () => {
    const other = await startTestApp({}, { shareWith: app });
    try {
      await seed(app.url, { events: [deviceEvent('race-1', 40, { order_id: 'O-race' })] });
      await reconcileNow(app.url);
      const [f] = await allFindings(app.url, { orderId: 'O-race' });
      const answers = await Promise.all(
        [app, other, app, other, app, other].map((instance) =>
          graphql<{ acknowledgeFindings: { changed: number } }>(instance.url, ACT.acknowledge, { t: { ids: [f.id] } }, support),
        ),
      );
      expect(answers.map((a) => a.body.errors)).toEqual(answers.map(() => undefined));
      expect(answers.reduce((n, a) => n + a.body.data!.acknowledgeFindings.changed, 0)).toBe(1);
      // Assigning twice to the same team changes it once; to another, once more.
      const assign = async (to: string) =>
        (await graphql<{ assignFindings: { changed: number } }>(other.url, ACT.assign, { t: { ids: [f.id] }, a: to }, support))
          .body.data!.assignFindings.changed;
      expect([await assign('team:ERP support'), await assign('team:ERP support'), await assign('team:MES')]).toEqual([1, 0, 1]);
      const history = await queryRows<{ kind: string; n: string }>(
        app.db.client,
        'SELECT toString(kind) AS kind, count() AS n FROM finding_events FINAL WHERE finding_id = {id:String} GROUP BY kind ORDER BY kind',
        { id: f.id },
      );
      expect(history.map((h) => `${h.kind}:${h.n}`)).toEqual(['assign:2', 'status:1']);
    } finally {
      await other.close();
    }
  });

  it('two runs at once and a person acting meanwhile: no duplicate findings, no lost status change', async () => {
    await seed(app.url, { events: Array.from({ length: 20 }, (_, i) => deviceEvent(`conc-${i}`, 40, { order_id: 'O-conc' })) });
    await reconcileNow(app.url);
    const ids = (await allFindings(app.url, { orderId: 'O-conc' })).map((f) => f.id);
    expect(ids).toHaveLength(20);
    const [, , ack] = await Promise.all([
      reconcileNow(app.url),
      reconcileNow(app.url),
      graphql<{ acknowledgeFindings: { changed: number } }>(app.url, ACT.acknowledge, { t: { ids: ids.slice(0, 5) } }, support),
      reconcileNow(app.url, 'production_confirmation'),
    ]);
    expect(ack.body.data).toEqual({ acknowledgeFindings: { changed: 5 } });
    const after = await allFindings(app.url, { orderId: 'O-conc' });
    expect(after).toHaveLength(20);
    expect(
      after
        .filter((f) => f.status === 'acknowledged')
        .map((f) => f.id)
        .sort(),
    ).toEqual(ids.slice(0, 5).sort());
    const [counted] = await queryRows<{ n: number; ids: number }>(
      app.db.client,
      "SELECT count() AS n, uniqExact(finding_id) AS ids FROM findings FINAL WHERE order_id = 'O-conc'",
    );
    expect(Number(counted.n)).toBe(20);
  });

  it('applies a rules change from the next run, records the rules version, and refuses rules that cannot be right', async () => {
    await graphql(
      app.url,
      'mutation { updateFlowRules(input: { flow: "scrap_posting", slaSeconds: 1800 }) { version } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    await seed(app.url, { events: [deviceEvent('rule-1', 20, { order_id: 'O-rule', event_type: 'scrap' })] });
    await reconcileNow(app.url);
    expect(await allFindings(app.url, { orderId: 'O-rule' })).toEqual([]); // 20 min < 30 min SLA
    const changed = await graphql<{ updateFlowRules: { version: string; slaSeconds: number } }>(
      app.url,
      'mutation { updateFlowRules(input: { flow: "scrap_posting", slaSeconds: 600 }) { version slaSeconds } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(changed.body.data!.updateFlowRules.slaSeconds).toBe(600);
    await reconcileNow(app.url);
    const [found] = await allFindings(app.url, { orderId: 'O-rule' });
    expect(found).toMatchObject({
      type: 'missing_posting',
      flow: 'scrap_posting',
      rulesVersion: changed.body.data!.updateFlowRules.version,
    });

    const refuse = async (input: string, field: string, message: RegExp) => {
      const { body } = await graphql(
        app.url,
        `mutation { updateFlowRules(input: ${input}) { version } }`,
        undefined,
        TEST_ADMIN_TOKEN,
      );
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.errors![0].message).toMatch(message);
    };
    await refuse(
      '{ flow: "scrap_posting", slaSeconds: -5 }',
      'slaSeconds',
      /slaSeconds must be a whole number of seconds from 1/,
    );
    await refuse(
      '{ flow: "scrap_posting", tolerancePct: 150 }',
      'tolerancePct',
      /tolerancePct must be a percentage from 0 to 100; got 150/,
    );
    await refuse(
      '{ flow: "scrap_posting", bucketMinutes: 7 }',
      'bucketMinutes',
      /bucketMinutes must be a whole number of minutes that divides a day \(1440\).*got 7/,
    );
    await refuse('{ flow: "scrap_posting", eventTypes: ["scrapp"] }', 'eventTypes', /unknown: scrapp/);
    await refuse('{ flow: "new_flow", eventTypes: ["scrap"] }', 'eventTypes', /scrap already posts to flow scrap_posting/);
    const conversion = await graphql(
      app.url,
      'mutation { setUnitConversion(input: { material: "M-Z", fromUnit: "CS", toUnit: "EA", factor: 0 }) { factor } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(conversion.body.errors![0]).toMatchObject({
      message: 'factor must be a number above 0; got 0',
      extensions: { field: 'factor' },
    });
    const unit = await graphql(
      app.url,
      'mutation { setUnitConversion(input: { material: "M-Z", fromUnit: "crates", toUnit: "EA", factor: 3 }) { factor } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(unit.body.errors![0].message).toMatch(/^fromUnit "crates" is not a known unit; known: /);
    const rules = await graphql<{ flowRules: { flow: string; slaSeconds: number; tolerancePct: number }[] }>(
      app.url,
      '{ flowRules { flow slaSeconds tolerancePct } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(rules.body.data!.flowRules.find((r) => r.flow === 'scrap_posting')).toEqual({
      flow: 'scrap_posting',
      slaSeconds: 600,
      tolerancePct: 2,
    });
    expect(rules.body.data!.flowRules.map((r) => r.flow)).not.toContain('new_flow');
  });

  it('refuses a filter value it cannot use, naming the field, in queries as in actions', async () => {
    const bad = await graphql(app.url, '{ findings(filter: { from: "yesterday-ish" }) { totalCount } }', undefined, support);
    expect(bad.body.errors![0]).toMatchObject({
      message: 'from must be an ISO 8601 time',
      extensions: { code: 'BAD_USER_INPUT', field: 'filter.from' },
    });
    const type = await graphql(app.url, '{ findingCounts(filter: { types: ["lost_posting"] }) { count } }', undefined, support);
    expect(type.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.types' });
    expect(type.body.errors![0].message).toMatch(/^types must be among missing_posting, /);
  });

  it('sorts by severity worst first', async () => {
    await seed(app.url, {
      events: [
        deviceEvent('sev-scrap', 90, { order_id: 'O-sev', event_type: 'scrap' }), // low-priority flow
        deviceEvent('sev-gr', 90, { order_id: 'O-sev', event_type: 'goods_receipt' }), // critical flow
        deviceEvent('sev-pc', 90, { order_id: 'O-sev' }), // standard flow
      ],
    });
    await reconcileNow(app.url);
    const { body } = await graphql<{ findings: { nodes: { severity: string; eventIds: string[] }[] } }>(
      app.url,
      '{ findings(filter: { orderId: "O-sev" }, orderBy: SEVERITY) { nodes { severity eventIds } } }',
      undefined,
      support,
    );
    expect(body.data!.findings.nodes.map((n) => `${n.severity}:${n.eventIds[0]}`)).toEqual([
      'high:sev-gr',
      'medium:sev-pc',
      'low:sev-scrap',
    ]);
  });

  it('pages by age and by last seen without skipping or repeating a finding while time passes and runs go on', async () => {
    // Six missing postings whose SLA ran out at different times (events 40 to 90 minutes ago).
    await seed(app.url, {
      events: [40, 50, 60, 70, 80, 90].map((m) => deviceEvent(`pg-${m}`, m, { order_id: 'O-pg' })),
    });
    await reconcileNow(app.url);
    const pageOf = async (orderBy: string, after: string | null) => {
      const { body } = await graphql<{
        findings: { nodes: { eventIds: string[] }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      }>(
        app.url,
        `query($after: String) { findings(filter: { orderId: "O-pg" }, orderBy: ${orderBy}, first: 2, after: $after) {
           nodes { eventIds } pageInfo { endCursor hasNextPage } } }`,
        { after },
        support,
      );
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return body.data!.findings;
    };
    for (const orderBy of ['AGE', 'LAST_SEEN']) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 3; i++) {
        const page = await pageOf(orderBy, after);
        seen.push(...page.nodes.map((n) => n.eventIds[0]));
        after = page.pageInfo.endCursor;
        // Between two pages: a second passes (every age grows) and a run marks every finding seen again.
        await new Promise((r) => setTimeout(r, 1100));
        await reconcileNow(app.url);
      }
      expect([...seen].sort(), orderBy).toEqual(['pg-40', 'pg-50', 'pg-60', 'pg-70', 'pg-80', 'pg-90']);
      if (orderBy === 'AGE') expect(seen).toEqual(['pg-90', 'pg-80', 'pg-70', 'pg-60', 'pg-50', 'pg-40']);
    }
  });

  it('fails, and writes nothing, when ClickHouse refuses a query: a failed run is never "no findings"', async () => {
    const other = await startTestApp();
    try {
      await other.db.commandOnShards('RENAME TABLE finding_events TO finding_events_away');
      const { body } = await graphql(other.url, 'mutation { reconcileNow { runId } }', undefined, TEST_ADMIN_TOKEN);
      expect(body.errors![0]).toMatchObject({
        message: expect.stringMatching(/^ClickHouse could not run reconcile\.\w+; the details are in Syncline's log$/) as unknown,
        extensions: { code: 'DATABASE_ERROR' },
      });
      expect(JSON.stringify(body.errors)).not.toMatch(/SELECT|INSERT/);
      const [runs] = await queryRows<{ n: number; failed: number }>(
        other.db.client,
        "SELECT count() AS n, countIf(error != '') AS failed FROM reconcile_runs",
      );
      expect(Number(runs.failed)).toBe(Number(runs.n));
    } finally {
      await other.db.commandOnShards('RENAME TABLE finding_events_away TO finding_events').catch(() => undefined);
      await other.close();
    }
  });
});

describe('findings stay within the plant scope', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await seed(app.url, {
      events: [
        deviceEvent('scope-p1', 40, { plant: 'P1', order_id: 'O-scope' }),
        deviceEvent('scope-p2a', 40, { plant: 'P2', order_id: 'O-scope' }),
        deviceEvent('scope-p2b', 40, { plant: 'P2', order_id: 'O-scope' }),
      ],
    });
    await reconcileNow(app.url);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows a P1 manager only P1, by list, by id, by counts and by export', async () => {
    const { token, cookie } = await personWithSession(app.url, { username: 'pm-1', role: 'plant_manager', plants: ['P1'] });
    const mine = { orderId: 'O-scope' };
    expect(summary(await allFindings(app.url, mine, token))).toEqual(['missing_posting:scope-p1:open']);
    expect(summary(await allFindings(app.url, { ...mine, plants: ['P2'] }, token))).toEqual([]);
    const p2 = (await allFindings(app.url, { ...mine, plants: ['P2'] }))[0];
    const byId = await graphql(app.url, 'query($id: ID!) { finding(id: $id) { meaning } }', { id: p2.id }, token);
    const none = await graphql(
      app.url,
      'query($id: ID!) { finding(id: $id) { meaning } }',
      { id: 'mi_ffffffffffffffffffffffffffffffff' },
      token,
    );
    expect(byId.body.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(byId.body.errors![0].message.replace(p2.id, 'X')).toBe(
      none.body.errors![0].message.replace('mi_ffffffffffffffffffffffffffffffff', 'X'),
    );
    const counts = await graphql<{ findingCounts: { type: string; count: number }[] }>(
      app.url,
      '{ findingCounts { type status count } }',
      undefined,
      token,
    );
    // P1's line L1 has been silent for 40 min as well; P2's silent line is not counted for this manager.
    expect(counts.body.data!.findingCounts).toEqual([
      { type: 'missing_posting', status: 'open', count: 1 },
      { type: 'silent_line', status: 'open', count: 1 },
    ]);
    const exported = await fetch(`${app.url}/api/v1/findings/export?format=csv&plants=P1,P2&types=missing_posting`, {
      headers: { cookie },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe(
      'attachment; filename="findings_types-missing_posting_plants-P1+P2.csv"',
    );
    const lines = (await exported.text()).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^"id","type","status","severity","plant"/);
    expect(lines[1]).toContain('"scope-p1"');
    // Acting on P2 by id changes nothing.
    const act = await graphql(app.url, ACT.ignore, { t: { ids: [p2.id] }, r: 'not mine' }, TEST_ADMIN_TOKEN);
    expect(act.body.data).toEqual({ ignoreFindings: { changed: 1 } });
  });

  it('exports NDJSON for scripts, and refuses an unknown format or filter value by name', async () => {
    const nd = await fetch(`${app.url}/api/v1/findings/export?format=ndjson&types=missing_posting`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    expect(nd.headers.get('content-type')).toBe('application/x-ndjson');
    const rows = (await nd.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event_ids: string; plant: string });
    expect(rows.map((r) => r.event_ids).sort()).toEqual(['scope-p1', 'scope-p2a', 'scope-p2b']);
    const badFormat = await fetch(`${app.url}/api/v1/findings/export?format=xlsx`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    expect(badFormat.status).toBe(400);
    expect(await badFormat.json()).toMatchObject({ message: 'format must be csv or ndjson; got "xlsx"' });
    const badType = await fetch(`${app.url}/api/v1/findings/export?types=lost_posting`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    expect(badType.status).toBe(400);
    expect(((await badType.json()) as { message: string }).message).toMatch(/^types must be among missing_posting/);
  });
});
