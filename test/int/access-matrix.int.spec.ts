import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessRegistry } from '../../server/src/auth/access-registry';
import { ROLE_PERMISSIONS } from '../../server/src/domain/permissions';
import { ROLES, type Role } from '../../server/src/domain/roles';
import { graphql, startTestApp, TEST_ADMIN_PASSWORD, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { createApiKey, postRecords } from '../support/ingest';
import { personWithSession, signIn } from '../support/people';
import { queryRows } from '../support/clickhouse';

/**
 * One harmless call per GraphQL operation. The matrix test below runs every operation the server
 * registers for every role: an operation without a row here fails the test, so nobody adds a
 * resolver without saying who may call it.
 */
const LAST_HOUR = `{ from: "${new Date(Date.now() - 3_600_000).toISOString()}", to: "${new Date().toISOString()}" }`;
const SAMPLES: Record<string, (role: string) => string> = {
  'Query.version': () => '{ version }',
  'Query.me': () => '{ me { username role } }',
  'Query.users': () => '{ users { username } }',
  'Query.apiKeys': () => '{ apiKeys { id } }',
  'Query.auditLog': () => '{ auditLog(first: 1) { totalCount } }',
  'Query.syncLagByLine': () => '{ syncLagByLine(minutes: 5) { plant } }',
  'Query.syncLagOfLine': () => '{ syncLagOfLine(plant: "P1", line: "L1", minutes: 5) { plant } }',
  'Query.syncLagTotals': () => '{ syncLagTotals(minutes: 5) { events } }',
  'Query.syncLagKpis': () => `{ syncLagKpis(range: ${LAST_HOUR}) { current { messages } } }`,
  'Query.syncLagSeries': () => `{ syncLagSeries(range: ${LAST_HOUR}) { flow } }`,
  'Query.syncLagGrid': () => `{ syncLagGrid(range: ${LAST_HOUR}) { plant } }`,
  'Query.syncLagStages': () => `{ syncLagStages(range: ${LAST_HOUR}) { share } }`,
  'Mutation.refreshSyncLagRollups': () => 'mutation { refreshSyncLagRollups { minutes } }',
  'Query.alertChannels': () => '{ alertChannels { channelId } }',
  'Mutation.saveAlertChannel': () =>
    'mutation { saveAlertChannel(input: { name: "m", kind: "email", recipients: ["a@b.example"] }) { channelId } }',
  'Mutation.deleteAlertChannel': () => 'mutation { deleteAlertChannel(channelId: "nope") }',
  'Mutation.testAlertChannel': () => 'mutation { testAlertChannel(channelId: "nope") }',
  'Query.alertRules': () => '{ alertRules { ruleId } }',
  'Mutation.saveAlertRule': () =>
    'mutation { saveAlertRule(input: { name: "r", kind: "finding", minSeverity: "high", channelIds: ["nope"] }) { ruleId } }',
  'Mutation.deleteAlertRule': () => 'mutation { deleteAlertRule(ruleId: "nope") }',
  'Mutation.acknowledgeAlert': () => 'mutation { acknowledgeAlert(ruleId: "nope") { firing } }',
  'Query.alertSilences': () => '{ alertSilences { silenceId } }',
  'Mutation.silenceAlerts': () =>
    `mutation { silenceAlerts(input: { endsAt: "${new Date(Date.now() + 3_600_000).toISOString()}", reason: "matrix" }) { silenceId } }`,
  'Mutation.endAlertSilence': () => 'mutation { endAlertSilence(silenceId: "nope") }',
  'Query.alertNotifications': () => '{ alertNotifications(first: 1) { notificationId } }',
  'Mutation.evaluateAlertsNow': () => 'mutation { evaluateAlertsNow { rules } }',
  'Mutation.createPlantFromTemplate': () => 'mutation { createPlantFromTemplate(plant: "PX", fromPlant: "P-NONE") { plant } }',
  'Query.roi': () => `{ roi(range: ${LAST_HOUR}) { figures { key } } }`,
  'Query.roiAssumptions': () => '{ roiAssumptions { hourlyCost } }',
  'Mutation.saveRoiAssumptions': () =>
    'mutation { saveRoiAssumptions(input: { minutesPerManualReconciliation: 20, secondsPerPostingCheck: 2, hourlyCost: 55, baselineMode: "none" }) { hourlyCost } }',
  'Mutation.login': () => `mutation { login(username: "admin", password: ${JSON.stringify(TEST_ADMIN_PASSWORD)}) { expiresAt } }`,
  'Mutation.logout': () => 'mutation { logout }',
  'Mutation.changePassword': () => 'mutation { changePassword(currentPassword: "not the current one", newPassword: "x") }',
  'Mutation.createUser': (role) =>
    `mutation { createUser(input: { username: "made-by-${role.replace('_', '-')}", password: "a long enough password", role: viewer, plants: ["P1"] }) { username } }`,
  'Mutation.updateUser': () => 'mutation { updateUser(input: { username: "nobody-here", displayName: "x" }) { username } }',
  'Mutation.disableUser': () => 'mutation { disableUser(username: "nobody-here") { username } }',
  'Mutation.enableUser': () => 'mutation { enableUser(username: "nobody-here") { username } }',
  'Mutation.resetPassword': () =>
    'mutation { resetPassword(username: "nobody-here", newPassword: "a long enough password") { username } }',
  'Mutation.createApiKey': (role) =>
    `mutation { createApiKey(input: { name: "key of ${role}", plants: ["P1"], kinds: ["hops"] }) { token } }`,
  'Mutation.revokeApiKey': () => 'mutation { revokeApiKey(id: "000000000000") }',
  'Mutation.queueEcho': () => 'mutation { queueEcho(message: "matrix") { message } }',
  'Query.findings': () => '{ findings(first: 1) { totalCount } }',
  'Query.finding': () => '{ finding(id: "mi_00000000000000000000000000000000") { meaning } }',
  'Query.findingCounts': () => '{ findingCounts { count } }',
  'Query.findingGroups': () => '{ findingGroups(first: 1) { count } }',
  'Query.traceSearch': () => '{ traceSearch(query: "ORD-1", first: 1) { nodes { correlationId } } }',
  'Query.trace': () => '{ trace(correlationId: "no-such-message") { hopCount } }',
  'Query.traceHop': () => '{ traceHop(correlationId: "no-such-message", hopId: "h") { hopId } }',
  'Mutation.acknowledgeFindings': () => 'mutation { acknowledgeFindings(target: { ids: ["nothing"] }) { changed } }',
  'Mutation.assignFindings': () =>
    'mutation { assignFindings(target: { ids: ["nothing"] }, assignee: "team:night shift") { changed } }',
  'Mutation.commentOnFinding': () => 'mutation { commentOnFinding(id: "nothing", comment: "looked at it") { changed } }',
  'Mutation.resolveFindings': () =>
    'mutation { resolveFindings(target: { ids: ["nothing"] }, reason: "fixed by hand") { changed } }',
  'Mutation.ignoreFindings': () => 'mutation { ignoreFindings(target: { ids: ["nothing"] }, reason: "test data") { changed } }',
  'Query.replayTargets': () => '{ replayTargets { flow } }',
  'Mutation.saveReplayTarget': () =>
    'mutation { saveReplayTarget(input: { flow: "no_such_flow", url: "http://127.0.0.1:9/replay" }) { flow } }',
  'Mutation.replay': () => 'mutation { replay(findingIds: ["nothing"], dryRun: true) { toSend } }',
  'Mutation.replayMessages': () => 'mutation { replayMessages(correlationIds: ["nothing"], dryRun: true) { toSend } }',
  'Query.replayBatches': () => '{ replayBatches(first: 1) { id } }',
  'Query.replayBatch': () => '{ replayBatch(id: "00000000-0000-0000-0000-000000000000") { id } }',
  'Query.replayItems': () => '{ replayItems(batchId: "00000000-0000-0000-0000-000000000000") { id } }',
  'Query.deadReplays': () => '{ deadReplays(first: 1) { id } }',
  'Mutation.pauseReplay': () => 'mutation { pauseReplay(id: "00000000-0000-0000-0000-000000000000") { id } }',
  'Mutation.resumeReplay': () => 'mutation { resumeReplay(id: "00000000-0000-0000-0000-000000000000") { id } }',
  'Mutation.cancelReplay': () => 'mutation { cancelReplay(id: "00000000-0000-0000-0000-000000000000") { id } }',
  'Mutation.setReplayRate': () =>
    'mutation { setReplayRate(id: "00000000-0000-0000-0000-000000000000", ratePerSecond: 1) { id } }',
  'Query.deadLetters': () => '{ deadLetters(first: 1) { totalCount } }',
  'Query.deadLetterCounts': () => '{ deadLetterCounts { count } }',
  'Mutation.redeliverDeadLetters': () =>
    'mutation { redeliverDeadLetters(target: { ids: ["nothing"] }) { redelivered failed { id reason } } }',
  'Mutation.discardDeadLetters': () =>
    'mutation { discardDeadLetters(target: { ids: ["nothing"] }, reason: "test data") { changed } }',
  'Query.flowRules': () => '{ flowRules { flow } }',
  'Query.flowRulesHistory': () => '{ flowRulesHistory(flow: "production_confirmation") { version } }',
  'Mutation.updateFlowRules': () =>
    'mutation { updateFlowRules(input: { flow: "matrix_flow", eventTypes: ["quality_hold"] }) { version } }',
  'Query.unitConversions': () => '{ unitConversions { factor } }',
  'Mutation.setUnitConversion': () =>
    'mutation { setUnitConversion(input: { material: "M-X", fromUnit: "CS", toUnit: "EA", factor: 12 }) { factor } }',
  'Query.materialCosts': () => '{ materialCosts { cost } }',
  'Mutation.setMaterialCost': () => 'mutation { setMaterialCost(input: { material: "M-X", cost: 2.5, unit: "EA" }) { cost } }',
  'Query.plantCalendars': () => '{ plantCalendars { plant } }',
  'Mutation.setPlantCalendar': () =>
    'mutation { setPlantCalendar(input: { plant: "P1", timezone: "UTC", silentMinutes: 30 }) { plant } }',
  'Query.lineSilences': () => '{ lineSilences { id } }',
  'Mutation.silenceLine': () =>
    `mutation { silenceLine(input: { plant: "P1", line: "L1", endsAt: "${new Date(Date.now() + 3_600_000).toISOString()}", reason: "maintenance" }) { id } }`,
  'Mutation.cancelLineSilence': () => 'mutation { cancelLineSilence(id: "nothing") }',
  'Mutation.reconcileNow': () => 'mutation { reconcileNow(flow: "scrap_posting") { runId } }',
};

type Caller = { role: Role | 'api_key' | 'anonymous'; credential?: string };

function codes(errors: { message: string; extensions?: Record<string, unknown> }[] | undefined): string[] {
  return (errors ?? []).map((e) => String(e.extensions?.code));
}

describe('the permission matrix, enforced on every operation', () => {
  let app: TestApp;
  const callers: Caller[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of ROLES) {
      const plants = role === 'executive' || role === 'admin' ? [] : ['P1'];
      const { token } = await personWithSession(app.url, { username: `matrix-${role.replace('_', '-')}`, role, plants });
      callers.push({ role, credential: token });
    }
    callers.push({ role: 'api_key', credential: (await createApiKey(app.url, { plants: ['*'], kinds: ['hops'] })).token });
    callers.push({ role: 'anonymous' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has a sample call for every GraphQL operation the server registers', () => {
    const ops = app.syncline.app.get(AccessRegistry).operations();
    const graphqlOps = ops.filter((o) => o.kind !== 'route').map((o) => o.operation);
    expect(graphqlOps.length).toBeGreaterThan(10);
    expect(
      graphqlOps.filter((op) => !SAMPLES[op]),
      'operations with no row in SAMPLES',
    ).toEqual([]);
  });

  it('allows exactly what ROLE_PERMISSIONS allows each role, and denies the rest with FORBIDDEN', async () => {
    const ops = app.syncline.app
      .get(AccessRegistry)
      .operations()
      .filter((o) => o.kind !== 'route');
    // logout ends the caller's session: run it last.
    const ordered = [...ops].sort((a, b) => Number(a.name === 'logout') - Number(b.name === 'logout'));
    const mismatches: string[] = [];
    for (const caller of callers) {
      for (const op of ordered) {
        const { body } = await graphql(app.url, SAMPLES[op.operation](caller.role), undefined, caller.credential);
        const got = codes(body.errors);
        let expected: 'allowed' | 'forbidden' | 'unauthenticated';
        if (op.permission === 'public') expected = 'allowed';
        else if (caller.role === 'anonymous') expected = 'unauthenticated';
        else if (caller.role === 'api_key') expected = 'forbidden';
        else expected = ROLE_PERMISSIONS[caller.role].includes(op.permission) ? 'allowed' : 'forbidden';
        const denied = got.includes('FORBIDDEN');
        const unauthenticated = (body.errors ?? []).some((e) => /^(Missing|Invalid) credentials/.test(e.message));
        const actual = denied ? 'forbidden' : unauthenticated ? 'unauthenticated' : 'allowed';
        if (actual !== expected)
          mismatches.push(`${caller.role} ${op.operation}: expected ${expected}, got ${actual} ${JSON.stringify(body.errors)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('writes one audit row per mutation call: success or failure when allowed, denied when not', async () => {
    const rows = await queryRows<{ actor_id: string; operation: string; outcome: string; n: number }>(
      app.db.client,
      `SELECT actor_id, operation, toString(outcome) AS outcome, count() AS n FROM audit_log
       WHERE actor_id LIKE 'matrix-%' GROUP BY actor_id, operation, outcome`,
    );
    const mutations = app.syncline.app
      .get(AccessRegistry)
      .operations()
      .filter((o) => o.kind === 'mutation' && o.name !== 'login');
    for (const role of ROLES) {
      const actor = `matrix-${role.replace('_', '-')}`;
      for (const op of mutations) {
        const mine = rows.filter((r) => r.actor_id === actor && r.operation === op.name);
        expect(
          mine.reduce((n, r) => n + Number(r.n), 0),
          `${actor} ${op.name}`,
        ).toBe(1);
        const allowed = op.permission === 'public' || ROLE_PERMISSIONS[role].includes(op.permission);
        expect(mine[0].outcome, `${actor} ${op.name}`).toBe(allowed ? mine[0].outcome : 'denied');
        if (allowed) expect(['success', 'failure'], `${actor} ${op.name}`).toContain(mine[0].outcome);
      }
    }
  });

  it('keeps data routes for API keys and admins: a signed-in viewer cannot post data', async () => {
    const viewer = await signIn(app.url, 'matrix-viewer'); // the matrix test signed the first session out
    const hop = [
      { hop_id: 'm-1', correlation_id: 'c', flow: 'f', stage: 'device', plant: 'P1', start_time: Date.now(), status: 'ok' },
    ];
    expect((await postRecords(app.url, '/api/v1/hops', hop, { token: viewer.token })).status).toBe(403);
    expect((await postRecords(app.url, '/api/v1/hops', hop, { token: TEST_ADMIN_TOKEN })).status).toBe(200);
  });
});
