/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AlertChannelInput = {
  /** Omit to add a channel. */
  channelId?: string | number | null | undefined;
  enabled?: boolean;
  format?: string;
  kind: string;
  name: string;
  recipients?: Array<string>;
  url?: string;
};

export type AlertRuleInput = {
  channelIds: Array<string>;
  enabled?: boolean;
  escalateAfterSeconds?: number | null | undefined;
  escalationChannelIds?: Array<string>;
  flows?: Array<string>;
  groupSeconds?: number;
  kind: string;
  minSeverity?: string | null | undefined;
  minValueAtRisk?: number | null | undefined;
  minutes?: number;
  name: string;
  plants?: Array<string>;
  repeatSeconds?: number;
  /** Omit to add a rule. */
  ruleId?: string | number | null | undefined;
  threshold?: number;
};

export type AlertSilenceInput = {
  /** ISO 8601; at most 30 days after the start. */
  endsAt: string;
  reason: string;
  /** The rule; "" for every rule. */
  ruleId?: string;
  /** ISO 8601; now when omitted. */
  startsAt?: string | null | undefined;
};

export type AuditFilterInput = {
  /** Who: a username, "admin-token" or an API key id. */
  actor?: string | null | undefined;
  /** From this time (ISO 8601), inclusive. */
  from?: string | null | undefined;
  /** The operation, e.g. createUser or login. */
  operation?: string | null | undefined;
  /** success, failure or denied. */
  outcome?: string | null | undefined;
  targetId?: string | null | undefined;
  targetType?: string | null | undefined;
  /** Until this time (ISO 8601), exclusive. */
  to?: string | null | undefined;
};

export type CreateApiKeyInput = {
  /** Kinds of data: hops, device_events, erp_postings. */
  kinds: Array<string>;
  /** Who or what uses the key, e.g. "Plant A edge gateway". */
  name: string;
  /** Plant codes this key may write, or ["*"] for every plant. */
  plants: Array<string>;
  /** Requests per minute; default INGEST_RATE_LIMIT_PER_MINUTE. */
  rateLimitPerMinute?: number | null | undefined;
};

export type CreateUserInput = {
  displayName?: string | null | undefined;
  /** At least 12 characters, not the username. */
  password: string;
  /** Plants for plant_manager, viewer, it_support ("*" = all where allowed). */
  plants?: Array<string> | null | undefined;
  role: Role;
  /** 2-64 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit */
  username: string;
};

/** Which dead letters: every field narrows; empty or absent means any. */
export type DeadLetterFilterInput = {
  /** Received from (ISO 8601, inclusive). */
  from?: string | null | undefined;
  /** Plants (from the topic); letters without one match no plant. */
  plants?: Array<string> | null | undefined;
  /** Reason codes, among not_json, not_object, topic_mismatch, validation. */
  reasons?: Array<string> | null | undefined;
  /** Where they came in: mqtt. */
  sources?: Array<string> | null | undefined;
  /** Among open, redelivered, discarded. */
  statuses?: Array<string> | null | undefined;
  /** Received until (ISO 8601, exclusive). */
  to?: string | null | undefined;
};

/** The dead letters an action applies to: ids, or every letter matching a filter (in your plants). */
export type DeadLetterTargetInput = {
  filter?: DeadLetterFilterInput | null | undefined;
  ids?: Array<string> | null | undefined;
};

/** Which findings: every field narrows; empty or absent means any. */
export type FindingFilterInput = {
  /** A username, or team:<name>. */
  assignee?: string | null | undefined;
  /** Findings about any of these messages (correlation ids) or, with eventIds, device events. */
  correlationIds?: Array<string> | null | undefined;
  /** Findings about any of these device events (business keys) or, with correlationIds, messages. */
  eventIds?: Array<string> | null | undefined;
  /** Only findings first seen at or before this time (ISO 8601): an action by filter passes the readAt of the count the person confirmed, so findings found since are left alone. */
  firstSeenUntil?: string | null | undefined;
  flows?: Array<string> | null | undefined;
  /** When it happened, from (ISO 8601, inclusive). */
  from?: string | null | undefined;
  /** These findings only (at most 10,000). */
  ids?: Array<string> | null | undefined;
  lines?: Array<string> | null | undefined;
  material?: string | null | undefined;
  orderId?: string | null | undefined;
  plants?: Array<string> | null | undefined;
  /** critical, high, medium, low. */
  severities?: Array<string> | null | undefined;
  /** Among open, acknowledged, assigned, replay_queued, replay_sent, resolved_auto, resolved_manual, ignored. */
  statuses?: Array<string> | null | undefined;
  /** When it happened, until (ISO 8601, exclusive). */
  to?: string | null | undefined;
  /** Among missing_posting, duplicate_posting, quantity_mismatch, late_posting, orphan_posting, failed_hop, silent_line. */
  types?: Array<string> | null | undefined;
};

/** What the findings list is sorted by. */
export type FindingOrder = 'AGE' | 'LAST_SEEN' | 'SEVERITY' | 'VALUE_AT_RISK';

/** The findings an action applies to: ids, or every finding matching a filter (in your plants). */
export type FindingTargetInput = {
  filter?: FindingFilterInput | null | undefined;
  ids?: Array<string> | null | undefined;
};

/** A flow’s rules; absent fields keep their current value (or the default for a new flow). */
export type FlowRulesInput = {
  bucketMinutes?: number | null | undefined;
  enabled?: boolean | null | undefined;
  eventTypes?: Array<string> | null | undefined;
  flow: string;
  graceSeconds?: number | null | undefined;
  highValue?: number | null | undefined;
  postingTypes?: Array<string> | null | undefined;
  priority?: string | null | undefined;
  requiresReference?: boolean | null | undefined;
  slaSeconds?: number | null | undefined;
  toleranceAbs?: number | null | undefined;
  tolerancePct?: number | null | undefined;
};

export type MaterialCostInput = {
  cost: number;
  material: string;
  unit: string;
};

export type MeasuredBaselineInput = {
  autoResolvedShare?: number | null | undefined;
  incidentsPer30Days?: number | null | undefined;
  inventoryAccuracy?: number | null | undefined;
  latencyP95Seconds?: number | null | undefined;
  maintenanceResponseHours?: number | null | undefined;
  manualHoursPer30Days?: number | null | undefined;
  meanHoursToResolve?: number | null | undefined;
  noTouchShare?: number | null | undefined;
};

export type PlannedStopInput = {
  endsAt: string;
  reason: string;
  startsAt: string;
};

export type PlantCalendarInput = {
  holidays?: Array<string>;
  plant: string;
  shifts?: Array<ShiftInput>;
  silentMinutes?: number;
  stops?: Array<PlannedStopInput>;
  /** IANA time zone, e.g. Europe/Berlin. */
  timezone?: string;
};

export type ReplayHeaderInput = {
  name: string;
  secret: string;
};

export type ReplayTargetInput = {
  autoClasses?: Array<string>;
  autoMax?: number;
  autoReplay?: boolean;
  checkMode?: string;
  concurrency?: number;
  enabled?: boolean;
  flow: string;
  headers?: Array<ReplayHeaderInput>;
  lookupUrl?: string;
  method?: string;
  plant?: string;
  ratePerSecond?: number;
  timeoutMs?: number;
  url: string;
};

export type RoiAssumptionsInput = {
  baselineFrom?: string | null | undefined;
  baselineMode: string;
  baselineTo?: string | null | undefined;
  hourlyCost: number;
  measured?: MeasuredBaselineInput | null | undefined;
  minutesPerManualReconciliation: number;
  secondsPerPostingCheck: number;
};

export type RoiFilterInput = {
  flows?: Array<string> | null | undefined;
  plants?: Array<string> | null | undefined;
};

/** viewer, plant_manager (listed plants), it_support (plants or all), executive (all), admin (all). */
export type Role = 'admin' | 'executive' | 'it_support' | 'plant_manager' | 'viewer';

export type ShiftInput = {
  end: string;
  start: string;
  weekday: number;
};

/** within: p95 at most 75 % of the SLA; at_risk: above that, or nothing posted yet; breached: p95 over the SLA. */
export type SlaState = 'at_risk' | 'breached' | 'no_data' | 'within';

/** Narrows the Sync lag page: plants (within your scope), lines, flows. */
export type SyncLagFilterInput = {
  flows?: Array<string> | null | undefined;
  lines?: Array<string> | null | undefined;
  plants?: Array<string> | null | undefined;
};

/** A time range: from (inclusive) to (exclusive), ISO 8601; at most 90 days, within the last 90. */
export type TimeRangeInput = {
  from: string;
  to: string;
};

/** Narrows a trace search; every field narrows, empty or absent means any. */
export type TraceFilterInput = {
  flows?: Array<string> | null | undefined;
  /** Messages whose first hop is at or after this time (ISO 8601). */
  from?: string | null | undefined;
  lines?: Array<string> | null | undefined;
  plants?: Array<string> | null | undefined;
  /** Messages with a hop at any of these stages. */
  stages?: Array<string> | null | undefined;
  /** Any of: error, not_posted (error: a hop failed or was dropped; not_posted: never reached erp_posting). */
  statuses?: Array<string> | null | undefined;
  /** Messages with a hop in any of these systems. */
  systems?: Array<string> | null | undefined;
  /** Messages whose first hop is before this time (ISO 8601). */
  to?: string | null | undefined;
};

export type UnitConversionInput = {
  factor: number;
  fromUnit: string;
  /** Empty for every material. */
  material: string;
  toUnit: string;
};

export type UpdateUserInput = {
  displayName?: string | null | undefined;
  /** Replaces the plant list. Changing the role without plants clears them. */
  plants?: Array<string> | null | undefined;
  role?: Role | null | undefined;
  username: string;
};

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;

export type ChangePasswordMutation = { changePassword: boolean };

export type AlertsPageQueryVariables = Exact<{
  canManage: boolean;
}>;

export type AlertsPageQuery = {
  alertChannels?: Array<{
    channelId: string;
    name: string;
    kind: string;
    format: string;
    url: string;
    recipients: Array<string>;
    enabled: boolean;
    updatedBy: string;
    updatedAt: string;
    lastStatus: string | null;
    lastError: string | null;
    lastSentAt: string | null;
    failuresSinceSent: number;
  }>;
  alertRules: Array<{
    ruleId: string;
    name: string;
    kind: string;
    minSeverity: string | null;
    minValueAtRisk: number | null;
    minutes: number;
    threshold: number;
    plants: Array<string>;
    flows: Array<string>;
    channelIds: Array<string>;
    escalationChannelIds: Array<string>;
    escalateAfterSeconds: number | null;
    repeatSeconds: number;
    groupSeconds: number;
    enabled: boolean;
    updatedBy: string;
    updatedAt: string;
    state: {
      firing: boolean;
      since: string | null;
      items: Array<string>;
      lastNotifiedAt: string | null;
      acknowledgedBy: string | null;
      acknowledgedAt: string | null;
      escalatedAt: string | null;
      silencedUntil: string | null;
    };
  }>;
  alertSilences: Array<{
    silenceId: string;
    ruleId: string;
    startsAt: string;
    endsAt: string;
    reason: string;
    createdBy: string;
    cancelled: boolean;
  }>;
  alertNotifications: Array<{
    notificationId: string;
    channelId: string;
    ruleName: string;
    kind: string;
    createdAt: string;
    status: string;
    attempts: number;
    lastError: string;
    summary: string;
  }>;
};

export type SaveAlertChannelMutationVariables = Exact<{
  input: AlertChannelInput;
}>;

export type SaveAlertChannelMutation = { saveAlertChannel: { channelId: string; name: string } };

export type DeleteAlertChannelMutationVariables = Exact<{
  id: string | number;
}>;

export type DeleteAlertChannelMutation = { deleteAlertChannel: boolean };

export type TestAlertChannelMutationVariables = Exact<{
  id: string | number;
}>;

export type TestAlertChannelMutation = { testAlertChannel: boolean };

export type SaveAlertRuleMutationVariables = Exact<{
  input: AlertRuleInput;
}>;

export type SaveAlertRuleMutation = { saveAlertRule: { ruleId: string; name: string } };

export type DeleteAlertRuleMutationVariables = Exact<{
  id: string | number;
}>;

export type DeleteAlertRuleMutation = { deleteAlertRule: boolean };

export type AcknowledgeAlertMutationVariables = Exact<{
  id: string | number;
}>;

export type AcknowledgeAlertMutation = { acknowledgeAlert: { acknowledgedBy: string | null } };

export type SilenceAlertsMutationVariables = Exact<{
  input: AlertSilenceInput;
}>;

export type SilenceAlertsMutation = { silenceAlerts: { silenceId: string } };

export type EndAlertSilenceMutationVariables = Exact<{
  id: string | number;
}>;

export type EndAlertSilenceMutation = { endAlertSilence: boolean };

export type AuditLogQueryVariables = Exact<{
  filter?: AuditFilterInput | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;

export type AuditLogQuery = {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      at: string;
      actor: string;
      actorKind: string;
      actorRole: string;
      operation: string;
      targetType: string;
      targetId: string;
      outcome: string;
      before: string | null;
      after: string | null;
      error: string | null;
      clientAddress: string;
      requestId: string;
    }>;
  };
};

export type MeQueryVariables = Exact<{ [key: string]: never }>;

export type MeQuery = {
  me: {
    username: string;
    displayName: string;
    kind: string;
    role: Role;
    plants: Array<string>;
    permissions: Array<string>;
    home: string;
  };
};

export type LoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;

export type LoginMutation = { login: { expiresAt: string; user: { username: string; role: Role } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never }>;

export type LogoutMutation = { logout: boolean };

export type DeadLettersQueryVariables = Exact<{
  filter?: DeadLetterFilterInput | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;

export type DeadLettersQuery = {
  deadLetters: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      receivedAt: string;
      source: string;
      topic: string;
      clientId: string;
      plant: string;
      reasonCode: string;
      reason: string;
      payload: string;
      payloadBytes: number;
      payloadTruncated: boolean;
      status: string;
      statusChangedAt: string | null;
      statusChangedBy: string | null;
      statusReason: string | null;
    }>;
  };
};

export type DeadLetterCountsQueryVariables = Exact<{ [key: string]: never }>;

export type DeadLetterCountsQuery = {
  deadLetterCounts: Array<{ source: string; reason: string; status: string; count: number }>;
};

export type RedeliverDeadLettersMutationVariables = Exact<{
  target: DeadLetterTargetInput;
  payload?: string | null | undefined;
}>;

export type RedeliverDeadLettersMutation = {
  redeliverDeadLetters: { redelivered: number; failed: Array<{ id: string; reason: string }> };
};

export type DiscardDeadLettersMutationVariables = Exact<{
  target: DeadLetterTargetInput;
  reason: string;
}>;

export type DiscardDeadLettersMutation = { discardDeadLetters: { changed: number } };

export type FindingQueryVariables = Exact<{
  id: string | number;
}>;

export type FindingQuery = {
  finding: {
    meaning: string;
    rules: string | null;
    finding: {
      id: string;
      type: string;
      status: string;
      severity: string;
      priority: string;
      plant: string;
      line: string;
      flow: string;
      orderId: string;
      material: string;
      eventIds: Array<string>;
      postingIds: Array<string>;
      correlationIds: Array<string>;
      deviceQuantity: number | null;
      erpQuantity: number | null;
      unit: string;
      valueAtRisk: number;
      currency: string;
      happenedAt: string;
      conditionSince: string;
      firstSeenAt: string;
      lastSeenAt: string;
      resolution: string | null;
      statusChangedAt: string | null;
      statusChangedBy: string | null;
      assignee: string | null;
      details: string;
      rulesVersion: string;
      ageSeconds: number;
    };
    history: Array<{
      at: string;
      kind: string;
      status: string | null;
      assignee: string | null;
      comment: string | null;
      actor: string;
    }>;
    deviceEvents: Array<{
      eventId: string;
      eventTime: string;
      plant: string;
      line: string;
      asset: string;
      orderId: string;
      material: string;
      eventType: string;
      quantity: number;
      unit: string;
      quantityInFindingUnit: number | null;
    }>;
    postings: Array<{
      documentId: string;
      postedAt: string;
      plant: string;
      orderId: string;
      material: string;
      postingType: string;
      quantity: number;
      unit: string;
      deviceEventId: string;
      reversesDocumentId: string | null;
    }>;
  };
};

export type CommentOnFindingMutationVariables = Exact<{
  id: string | number;
  comment: string;
}>;

export type CommentOnFindingMutation = { commentOnFinding: { changed: number } };

export type FindingFieldsFragment = {
  id: string;
  type: string;
  status: string;
  severity: string;
  priority: string;
  plant: string;
  line: string;
  flow: string;
  orderId: string;
  material: string;
  eventIds: Array<string>;
  postingIds: Array<string>;
  correlationIds: Array<string>;
  deviceQuantity: number | null;
  erpQuantity: number | null;
  unit: string;
  valueAtRisk: number;
  currency: string;
  happenedAt: string;
  conditionSince: string;
  firstSeenAt: string;
  lastSeenAt: string;
  resolution: string | null;
  statusChangedAt: string | null;
  statusChangedBy: string | null;
  assignee: string | null;
  details: string;
  rulesVersion: string;
  ageSeconds: number;
};

export type FindingsQueryVariables = Exact<{
  filter?: FindingFilterInput | null | undefined;
  orderBy: FindingOrder;
  descending: boolean;
  first: number;
  after?: string | null | undefined;
}>;

export type FindingsQuery = {
  findings: {
    totalCount: number;
    readAt: string;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      type: string;
      status: string;
      severity: string;
      priority: string;
      plant: string;
      line: string;
      flow: string;
      orderId: string;
      material: string;
      eventIds: Array<string>;
      postingIds: Array<string>;
      correlationIds: Array<string>;
      deviceQuantity: number | null;
      erpQuantity: number | null;
      unit: string;
      valueAtRisk: number;
      currency: string;
      happenedAt: string;
      conditionSince: string;
      firstSeenAt: string;
      lastSeenAt: string;
      resolution: string | null;
      statusChangedAt: string | null;
      statusChangedBy: string | null;
      assignee: string | null;
      details: string;
      rulesVersion: string;
      ageSeconds: number;
    }>;
  };
};

export type FindingCountsQueryVariables = Exact<{
  filter?: FindingFilterInput | null | undefined;
}>;

export type FindingCountsQuery = {
  findingCounts: Array<{ type: string; status: string; count: number; valueAtRisk: number }>;
  currencyOf: { nodes: Array<{ id: string; currency: string }> };
};

export type FindingGroupsQueryVariables = Exact<{
  filter?: FindingFilterInput | null | undefined;
  first: number;
}>;

export type FindingGroupsQuery = {
  findingGroups: Array<{
    type: string;
    plant: string;
    line: string;
    flow: string;
    hour: string;
    count: number;
    activeCount: number;
    valueAtRisk: number;
    currency: string;
    worstSeverity: string;
    statuses: Array<string>;
    readAt: string;
  }>;
};

export type AcknowledgeFindingsMutationVariables = Exact<{
  target: FindingTargetInput;
  comment?: string | null | undefined;
}>;

export type AcknowledgeFindingsMutation = { acknowledgeFindings: { changed: number } };

export type AssignFindingsMutationVariables = Exact<{
  target: FindingTargetInput;
  assignee: string;
  comment?: string | null | undefined;
}>;

export type AssignFindingsMutation = { assignFindings: { changed: number } };

export type ResolveFindingsMutationVariables = Exact<{
  target: FindingTargetInput;
  reason: string;
}>;

export type ResolveFindingsMutation = { resolveFindings: { changed: number } };

export type IgnoreFindingsMutationVariables = Exact<{
  target: FindingTargetInput;
  reason: string;
}>;

export type IgnoreFindingsMutation = { ignoreFindings: { changed: number } };

export type PersonFieldsFragment = {
  username: string;
  displayName: string;
  role: Role;
  plants: Array<string>;
  disabled: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
};

export type UsersQueryVariables = Exact<{ [key: string]: never }>;

export type UsersQuery = {
  users: Array<{
    username: string;
    displayName: string;
    role: Role;
    plants: Array<string>;
    disabled: boolean;
    createdAt: string;
    createdBy: string;
    updatedAt: string;
    updatedBy: string;
  }>;
};

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;

export type CreateUserMutation = {
  createUser: {
    username: string;
    displayName: string;
    role: Role;
    plants: Array<string>;
    disabled: boolean;
    createdAt: string;
    createdBy: string;
    updatedAt: string;
    updatedBy: string;
  };
};

export type UpdateUserMutationVariables = Exact<{
  input: UpdateUserInput;
}>;

export type UpdateUserMutation = {
  updateUser: {
    username: string;
    displayName: string;
    role: Role;
    plants: Array<string>;
    disabled: boolean;
    createdAt: string;
    createdBy: string;
    updatedAt: string;
    updatedBy: string;
  };
};

export type DisableUserMutationVariables = Exact<{
  username: string;
}>;

export type DisableUserMutation = {
  disableUser: {
    username: string;
    displayName: string;
    role: Role;
    plants: Array<string>;
    disabled: boolean;
    createdAt: string;
    createdBy: string;
    updatedAt: string;
    updatedBy: string;
  };
};

export type EnableUserMutationVariables = Exact<{
  username: string;
}>;

export type EnableUserMutation = {
  enableUser: {
    username: string;
    displayName: string;
    role: Role;
    plants: Array<string>;
    disabled: boolean;
    createdAt: string;
    createdBy: string;
    updatedAt: string;
    updatedBy: string;
  };
};

export type ResetPasswordMutationVariables = Exact<{
  username: string;
  newPassword: string;
}>;

export type ResetPasswordMutation = {
  resetPassword: {
    username: string;
    displayName: string;
    role: Role;
    plants: Array<string>;
    disabled: boolean;
    createdAt: string;
    createdBy: string;
    updatedAt: string;
    updatedBy: string;
  };
};

export type ReplayPlanFragment = {
  batchId: string;
  dryRun: boolean;
  toSend: number;
  skipped: number;
  items: Array<{
    findingId: string;
    correlationId: string;
    businessKey: string;
    flow: string;
    plant: string;
    targetUrl: string;
    idempotencyKey: string;
    payload: string;
    send: boolean;
    skip: string;
    reason: string;
  }>;
};

export type ReplayFindingsMutationVariables = Exact<{
  ids?: Array<string> | string | null | undefined;
  filter?: FindingFilterInput | null | undefined;
  dryRun: boolean;
  reason: string;
}>;

export type ReplayFindingsMutation = {
  replay: {
    batchId: string;
    dryRun: boolean;
    toSend: number;
    skipped: number;
    items: Array<{
      findingId: string;
      correlationId: string;
      businessKey: string;
      flow: string;
      plant: string;
      targetUrl: string;
      idempotencyKey: string;
      payload: string;
      send: boolean;
      skip: string;
      reason: string;
    }>;
  };
};

export type ReplayMessagesMutationVariables = Exact<{
  ids: Array<string> | string;
  dryRun: boolean;
  reason: string;
  payload?: string | null | undefined;
}>;

export type ReplayMessagesMutation = {
  replayMessages: {
    batchId: string;
    dryRun: boolean;
    toSend: number;
    skipped: number;
    items: Array<{
      findingId: string;
      correlationId: string;
      businessKey: string;
      flow: string;
      plant: string;
      targetUrl: string;
      idempotencyKey: string;
      payload: string;
      send: boolean;
      skip: string;
      reason: string;
    }>;
  };
};

export type ReplayBatchesQueryVariables = Exact<{
  first: number;
}>;

export type ReplayBatchesQuery = {
  replayBatches: Array<{
    id: string;
    reason: string;
    requestedBy: string;
    requestedAt: string;
    total: number;
    state: string;
    ratePerSecond: number | null;
    queued: number;
    sent: number;
    skipped: number;
    failed: number;
    dead: number;
    cancelled: number;
  }>;
};

export type ReplayItemsQueryVariables = Exact<{
  batchId: string;
}>;

export type ReplayItemsQuery = {
  replayItems: Array<{
    id: string;
    correlationId: string;
    businessKey: string;
    findingId: string;
    plant: string;
    targetUrl: string;
    state: string;
    outcome: string;
    responseCode: number | null;
    documentId: string;
    attempts: number;
    updatedAt: string;
    edited: boolean;
  }>;
};

export type DeadReplaysQueryVariables = Exact<{ [key: string]: never }>;

export type DeadReplaysQuery = {
  deadReplays: Array<{
    id: string;
    batchId: string;
    correlationId: string;
    businessKey: string;
    plant: string;
    targetUrl: string;
    state: string;
    outcome: string;
    attempts: number;
    updatedAt: string;
  }>;
};

export type PauseReplayMutationVariables = Exact<{
  id: string;
}>;

export type PauseReplayMutation = { pauseReplay: { id: string; state: string } };

export type ResumeReplayMutationVariables = Exact<{
  id: string;
}>;

export type ResumeReplayMutation = { resumeReplay: { id: string; state: string } };

export type CancelReplayMutationVariables = Exact<{
  id: string;
}>;

export type CancelReplayMutation = { cancelReplay: { id: string; state: string } };

export type SetReplayRateMutationVariables = Exact<{
  id: string;
  rate: number;
}>;

export type SetReplayRateMutation = { setReplayRate: { id: string; ratePerSecond: number | null } };

export type ReplayTargetsQueryVariables = Exact<{ [key: string]: never }>;

export type ReplayTargetsQuery = {
  replayTargets: Array<{
    flow: string;
    plant: string;
    url: string;
    method: string;
    timeoutMs: number;
    ratePerSecond: number;
    concurrency: number;
    checkMode: string;
    lookupUrl: string;
    enabled: boolean;
    autoReplay: boolean;
    autoClasses: Array<string>;
    autoMax: number;
    updatedBy: string;
    updatedAt: string;
    headers: Array<{ name: string; secret: string }>;
  }>;
};

export type SaveReplayTargetMutationVariables = Exact<{
  input: ReplayTargetInput;
}>;

export type SaveReplayTargetMutation = { saveReplayTarget: { flow: string; plant: string; url: string } };

export type RoiAssumptionFieldsFragment = {
  minutesPerManualReconciliation: number;
  secondsPerPostingCheck: number;
  hourlyCost: number;
  currency: string;
  baselineMode: string;
  baselineFrom: string | null;
  baselineTo: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
  measured: {
    noTouchShare: number | null;
    autoResolvedShare: number | null;
    meanHoursToResolve: number | null;
    manualHoursPer30Days: number | null;
    inventoryAccuracy: number | null;
    maintenanceResponseHours: number | null;
    incidentsPer30Days: number | null;
    latencyP95Seconds: number | null;
  };
};

export type RoiReportQueryVariables = Exact<{
  range: TimeRangeInput;
  filter?: RoiFilterInput | null | undefined;
}>;

export type RoiReportQuery = {
  roi: {
    from: string;
    to: string;
    currency: string;
    baselineFrom: string | null;
    baselineTo: string | null;
    assumptions: {
      minutesPerManualReconciliation: number;
      secondsPerPostingCheck: number;
      hourlyCost: number;
      currency: string;
      baselineMode: string;
      baselineFrom: string | null;
      baselineTo: string | null;
      updatedBy: string | null;
      updatedAt: string | null;
      measured: {
        noTouchShare: number | null;
        autoResolvedShare: number | null;
        meanHoursToResolve: number | null;
        manualHoursPer30Days: number | null;
        inventoryAccuracy: number | null;
        maintenanceResponseHours: number | null;
        incidentsPer30Days: number | null;
        latencyP95Seconds: number | null;
      };
    };
    figures: Array<{
      key: string;
      label: string;
      value: number | null;
      unit: string;
      baseline: number | null;
      higherIsBetter: boolean;
      howComputed: string;
      assumptions: Array<string>;
      breakdown: Array<{ label: string; value: number | null; unit: string }>;
    }>;
    byPlantFlow: Array<{
      plant: string;
      flow: string;
      postings: number;
      noTouchShare: number | null;
      resolvedAuto: number;
      resolvedManual: number;
      valueAtRiskOpen: number;
      valueRecovered: number;
      hoursAvoided: number;
    }>;
    latencyTrend: Array<{ t: string; p50: number | null; p95: number | null }>;
  };
};

export type SaveRoiAssumptionsMutationVariables = Exact<{
  input: RoiAssumptionsInput;
}>;

export type SaveRoiAssumptionsMutation = {
  saveRoiAssumptions: {
    minutesPerManualReconciliation: number;
    secondsPerPostingCheck: number;
    hourlyCost: number;
    currency: string;
    baselineMode: string;
    baselineFrom: string | null;
    baselineTo: string | null;
    updatedBy: string | null;
    updatedAt: string | null;
    measured: {
      noTouchShare: number | null;
      autoResolvedShare: number | null;
      meanHoursToResolve: number | null;
      manualHoursPer30Days: number | null;
      inventoryAccuracy: number | null;
      maintenanceResponseHours: number | null;
      incidentsPer30Days: number | null;
      latencyP95Seconds: number | null;
    };
  };
};

export type ApiKeysQueryVariables = Exact<{ [key: string]: never }>;

export type ApiKeysQuery = {
  apiKeys: Array<{
    id: string;
    name: string;
    plants: Array<string>;
    kinds: Array<string>;
    rateLimitPerMinute: number;
    createdAt: string;
    createdBy: string;
    revoked: boolean;
  }>;
};

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;

export type CreateApiKeyMutation = { createApiKey: { token: string; apiKey: { id: string; name: string } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;

export type RevokeApiKeyMutation = { revokeApiKey: boolean };

export type PlantCalendarsQueryVariables = Exact<{ [key: string]: never }>;

export type PlantCalendarsQuery = {
  plantCalendars: Array<{
    plant: string;
    timezone: string;
    silentMinutes: number;
    holidays: Array<string>;
    shifts: Array<{ weekday: number; start: string; end: string }>;
    stops: Array<{ startsAt: string; endsAt: string; reason: string }>;
  }>;
};

export type SetPlantCalendarMutationVariables = Exact<{
  input: PlantCalendarInput;
}>;

export type SetPlantCalendarMutation = { setPlantCalendar: { plant: string } };

export type CreatePlantFromTemplateMutationVariables = Exact<{
  plant: string;
  fromPlant: string;
}>;

export type CreatePlantFromTemplateMutation = {
  createPlantFromTemplate: { plant: string; fromPlant: string; calendar: boolean; replayTargets: number; alertRules: number };
};

export type FlowRulesQueryVariables = Exact<{ [key: string]: never }>;

export type FlowRulesQuery = {
  flowRules: Array<{
    flow: string;
    slaSeconds: number;
    graceSeconds: number;
    toleranceAbs: number;
    tolerancePct: number;
    eventTypes: Array<string>;
    postingTypes: Array<string>;
    requiresReference: boolean;
    priority: string;
    highValue: number;
    bucketMinutes: number;
    enabled: boolean;
    updatedBy: string;
    updatedAt: string;
  }>;
};

export type UpdateFlowRulesMutationVariables = Exact<{
  input: FlowRulesInput;
}>;

export type UpdateFlowRulesMutation = { updateFlowRules: { flow: string; version: string } };

export type MasterDataQueryVariables = Exact<{ [key: string]: never }>;

export type MasterDataQuery = {
  unitConversions: Array<{ material: string; fromUnit: string; toUnit: string; factor: number }>;
  materialCosts: Array<{ material: string; cost: number; unit: string }>;
};

export type SetUnitConversionMutationVariables = Exact<{
  input: UnitConversionInput;
}>;

export type SetUnitConversionMutation = {
  setUnitConversion: { material: string; fromUnit: string; toUnit: string; factor: number };
};

export type SetMaterialCostMutationVariables = Exact<{
  input: MaterialCostInput;
}>;

export type SetMaterialCostMutation = { setMaterialCost: { material: string; cost: number; unit: string } };

export type RoiAssumptionsSettingsQueryVariables = Exact<{ [key: string]: never }>;

export type RoiAssumptionsSettingsQuery = {
  roiAssumptions: {
    minutesPerManualReconciliation: number;
    secondsPerPostingCheck: number;
    hourlyCost: number;
    currency: string;
    baselineMode: string;
    baselineFrom: string | null;
    baselineTo: string | null;
    updatedBy: string | null;
    updatedAt: string | null;
    measured: {
      noTouchShare: number | null;
      autoResolvedShare: number | null;
      meanHoursToResolve: number | null;
      manualHoursPer30Days: number | null;
      inventoryAccuracy: number | null;
      maintenanceResponseHours: number | null;
      incidentsPer30Days: number | null;
      latencyP95Seconds: number | null;
    };
  };
};

export type SyncLagPeriodFieldsFragment = {
  from: string;
  to: string;
  messages: number;
  posted: number;
  failed: number;
  withinSlaShare: number | null;
  lagP50Seconds: number | null;
  lagP95Seconds: number | null;
  lagP99Seconds: number | null;
  stalestLineAt: string | null;
  stalestLineAgeSeconds: number | null;
  openMissingPostings: number;
  silentLines: number;
};

export type SyncLagDashboardQueryVariables = Exact<{
  range: TimeRangeInput;
  filter?: SyncLagFilterInput | null | undefined;
}>;

export type SyncLagDashboardQuery = {
  syncLagKpis: {
    current: {
      from: string;
      to: string;
      messages: number;
      posted: number;
      failed: number;
      withinSlaShare: number | null;
      lagP50Seconds: number | null;
      lagP95Seconds: number | null;
      lagP99Seconds: number | null;
      stalestLineAt: string | null;
      stalestLineAgeSeconds: number | null;
      openMissingPostings: number;
      silentLines: number;
    };
    previous: {
      from: string;
      to: string;
      messages: number;
      posted: number;
      failed: number;
      withinSlaShare: number | null;
      lagP50Seconds: number | null;
      lagP95Seconds: number | null;
      lagP99Seconds: number | null;
      stalestLineAt: string | null;
      stalestLineAgeSeconds: number | null;
      openMissingPostings: number;
      silentLines: number;
    };
  };
  syncLagSeries: Array<{
    flow: string;
    slaSeconds: number;
    bucketSeconds: number;
    points: Array<{ t: string; messages: number; posted: number; p50: number | null; p95: number | null; p99: number | null }>;
  }>;
  syncLagGrid: Array<{
    plant: string;
    line: string;
    flow: string;
    messages: number;
    posted: number;
    failed: number;
    withinSlaShare: number | null;
    lagP95Seconds: number | null;
    slaSeconds: number;
    state: SlaState;
    lastMessageAt: string | null;
  }>;
  syncLagStages: Array<{
    fromStage: string;
    toStage: string;
    seconds: number;
    messages: number;
    meanSeconds: number;
    share: number;
  }>;
};

export type TraceMessageFieldsFragment = {
  correlationId: string;
  plant: string;
  line: string;
  flow: string;
  businessKey: string;
  orderId: string;
  batch: string;
  asset: string;
  material: string;
  firstHopAt: string;
  lastHopAt: string;
  durationMs: number;
  stages: Array<string>;
  firstStage: string;
  lastStage: string;
  missingStages: Array<string>;
  hasError: boolean;
  outcome: string;
  findingCount: number;
};

export type TraceSearchQueryVariables = Exact<{
  query?: string | null | undefined;
  filter?: TraceFilterInput | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;

export type TraceSearchQuery = {
  traceSearch: {
    matchedAs: Array<string>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      correlationId: string;
      plant: string;
      line: string;
      flow: string;
      businessKey: string;
      orderId: string;
      batch: string;
      asset: string;
      material: string;
      firstHopAt: string;
      lastHopAt: string;
      durationMs: number;
      stages: Array<string>;
      firstStage: string;
      lastStage: string;
      missingStages: Array<string>;
      hasError: boolean;
      outcome: string;
      findingCount: number;
    }>;
  };
};

export type TraceQueryVariables = Exact<{
  correlationId: string;
  hopsFirst: number;
  hopsAfter?: string | null | undefined;
}>;

export type TraceQuery = {
  trace: {
    hopCount: number;
    message: {
      correlationId: string;
      plant: string;
      line: string;
      flow: string;
      businessKey: string;
      orderId: string;
      batch: string;
      asset: string;
      material: string;
      firstHopAt: string;
      lastHopAt: string;
      durationMs: number;
      stages: Array<string>;
      firstStage: string;
      lastStage: string;
      missingStages: Array<string>;
      hasError: boolean;
      outcome: string;
      findingCount: number;
    };
    stitched: Array<{
      correlationId: string;
      plant: string;
      line: string;
      flow: string;
      businessKey: string;
      orderId: string;
      batch: string;
      asset: string;
      material: string;
      firstHopAt: string;
      lastHopAt: string;
      durationMs: number;
      stages: Array<string>;
      firstStage: string;
      lastStage: string;
      missingStages: Array<string>;
      hasError: boolean;
      outcome: string;
      findingCount: number;
    }>;
    hopsPageInfo: { hasNextPage: boolean; endCursor: string | null };
    hops: Array<{
      hopId: string;
      correlationId: string;
      parentHopId: string;
      stage: string;
      system: string;
      status: string;
      errorCode: string;
      errorMessage: string;
      attempt: number;
      startAt: string;
      endAt: string;
      offsetMs: number;
      durationMs: number;
      gapMs: number | null;
      parentMissing: boolean;
      startsBeforeParentEnd: boolean;
      retry: boolean;
      stitched: boolean;
    }>;
    deviceEvents: Array<{
      eventId: string;
      eventTime: string;
      line: string;
      asset: string;
      orderId: string;
      material: string;
      eventType: string;
      quantity: number;
      unit: string;
    }>;
    postings: Array<{
      documentId: string;
      postedAt: string;
      postingType: string;
      orderId: string;
      material: string;
      quantity: number;
      unit: string;
      deviceEventId: string;
      reversesDocumentId: string;
    }>;
    findings: Array<{
      id: string;
      type: string;
      status: string;
      severity: string;
      details: string;
      valueAtRisk: number;
      currency: string;
    }>;
  };
};

export type TraceHopQueryVariables = Exact<{
  correlationId: string;
  hopId: string;
  fullPayload: boolean;
}>;

export type TraceHopQuery = {
  traceHop: {
    hopId: string;
    correlationId: string;
    parentHopId: string;
    flow: string;
    stage: string;
    system: string;
    plant: string;
    line: string;
    asset: string;
    orderId: string;
    material: string;
    batch: string;
    eventType: string;
    quantity: number | null;
    unit: string;
    businessKey: string;
    startAt: string;
    endAt: string;
    status: string;
    errorCode: string;
    errorMessage: string;
    attempt: number;
    ingestedAt: string;
    attributes: string;
    payload: string;
    payloadBytes: number;
    payloadTruncated: boolean;
  };
};

export const FindingFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'FindingFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Finding' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'priority' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
          { kind: 'Field', name: { kind: 'Name', value: 'line' } },
          { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
          { kind: 'Field', name: { kind: 'Name', value: 'orderId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'material' } },
          { kind: 'Field', name: { kind: 'Name', value: 'eventIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'postingIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'correlationIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'deviceQuantity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'erpQuantity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'valueAtRisk' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'happenedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'conditionSince' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstSeenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resolution' } },
          { kind: 'Field', name: { kind: 'Name', value: 'statusChangedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'statusChangedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'assignee' } },
          { kind: 'Field', name: { kind: 'Name', value: 'details' } },
          { kind: 'Field', name: { kind: 'Name', value: 'rulesVersion' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ageSeconds' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FindingFieldsFragment, unknown>;
export const PersonFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PersonFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'username' } },
          { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plants' } },
          { kind: 'Field', name: { kind: 'Name', value: 'disabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PersonFieldsFragment, unknown>;
export const ReplayPlanFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReplayPlan' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReplayRequestResult' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'batchId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'dryRun' } },
          { kind: 'Field', name: { kind: 'Name', value: 'toSend' } },
          { kind: 'Field', name: { kind: 'Name', value: 'skipped' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'items' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'findingId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'correlationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'businessKey' } },
                { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'idempotencyKey' } },
                { kind: 'Field', name: { kind: 'Name', value: 'payload' } },
                { kind: 'Field', name: { kind: 'Name', value: 'send' } },
                { kind: 'Field', name: { kind: 'Name', value: 'skip' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplayPlanFragment, unknown>;
export const RoiAssumptionFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RoiAssumptionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'RoiAssumptions' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'minutesPerManualReconciliation' } },
          { kind: 'Field', name: { kind: 'Name', value: 'secondsPerPostingCheck' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hourlyCost' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baselineMode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baselineFrom' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baselineTo' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'measured' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'noTouchShare' } },
                { kind: 'Field', name: { kind: 'Name', value: 'autoResolvedShare' } },
                { kind: 'Field', name: { kind: 'Name', value: 'meanHoursToResolve' } },
                { kind: 'Field', name: { kind: 'Name', value: 'manualHoursPer30Days' } },
                { kind: 'Field', name: { kind: 'Name', value: 'inventoryAccuracy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'maintenanceResponseHours' } },
                { kind: 'Field', name: { kind: 'Name', value: 'incidentsPer30Days' } },
                { kind: 'Field', name: { kind: 'Name', value: 'latencyP95Seconds' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RoiAssumptionFieldsFragment, unknown>;
export const SyncLagPeriodFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SyncLagPeriodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SyncLagPeriod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'from' } },
          { kind: 'Field', name: { kind: 'Name', value: 'to' } },
          { kind: 'Field', name: { kind: 'Name', value: 'messages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'posted' } },
          { kind: 'Field', name: { kind: 'Name', value: 'failed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'withinSlaShare' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lagP50Seconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lagP95Seconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lagP99Seconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stalestLineAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stalestLineAgeSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'openMissingPostings' } },
          { kind: 'Field', name: { kind: 'Name', value: 'silentLines' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SyncLagPeriodFieldsFragment, unknown>;
export const TraceMessageFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TraceMessageFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TraceMessage' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'correlationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
          { kind: 'Field', name: { kind: 'Name', value: 'line' } },
          { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
          { kind: 'Field', name: { kind: 'Name', value: 'businessKey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'orderId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'batch' } },
          { kind: 'Field', name: { kind: 'Name', value: 'asset' } },
          { kind: 'Field', name: { kind: 'Name', value: 'material' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstHopAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastHopAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'durationMs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstStage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastStage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'missingStages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hasError' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          { kind: 'Field', name: { kind: 'Name', value: 'findingCount' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TraceMessageFieldsFragment, unknown>;
export const ChangePasswordDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ChangePassword' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'currentPassword' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'newPassword' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'changePassword' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'currentPassword' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'currentPassword' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'newPassword' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'newPassword' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const AlertsPageDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AlertsPage' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'canManage' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'alertChannels' },
            directives: [
              {
                kind: 'Directive',
                name: { kind: 'Name', value: 'include' },
                arguments: [
                  {
                    kind: 'Argument',
                    name: { kind: 'Name', value: 'if' },
                    value: { kind: 'Variable', name: { kind: 'Name', value: 'canManage' } },
                  },
                ],
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'channelId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'format' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'recipients' } },
                { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastStatus' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastSentAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'failuresSinceSent' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'alertRules' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ruleId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minSeverity' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minValueAtRisk' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minutes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'threshold' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plants' } },
                { kind: 'Field', name: { kind: 'Name', value: 'flows' } },
                { kind: 'Field', name: { kind: 'Name', value: 'channelIds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'escalationChannelIds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'escalateAfterSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'repeatSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'groupSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'state' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'firing' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'since' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'items' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'lastNotifiedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'acknowledgedBy' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'acknowledgedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'escalatedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'silencedUntil' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'alertSilences' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'silenceId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ruleId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cancelled' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'alertNotifications' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '50' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'notificationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'channelId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ruleName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
                { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AlertsPageQuery, AlertsPageQueryVariables>;
export const SaveAlertChannelDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SaveAlertChannel' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'AlertChannelInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'saveAlertChannel' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'channelId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SaveAlertChannelMutation, SaveAlertChannelMutationVariables>;
export const DeleteAlertChannelDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteAlertChannel' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteAlertChannel' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'channelId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteAlertChannelMutation, DeleteAlertChannelMutationVariables>;
export const TestAlertChannelDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'TestAlertChannel' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'testAlertChannel' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'channelId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TestAlertChannelMutation, TestAlertChannelMutationVariables>;
export const SaveAlertRuleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SaveAlertRule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'AlertRuleInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'saveAlertRule' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ruleId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SaveAlertRuleMutation, SaveAlertRuleMutationVariables>;
export const DeleteAlertRuleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteAlertRule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteAlertRule' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'ruleId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteAlertRuleMutation, DeleteAlertRuleMutationVariables>;
export const AcknowledgeAlertDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AcknowledgeAlert' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'acknowledgeAlert' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'ruleId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'acknowledgedBy' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const SilenceAlertsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SilenceAlerts' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'AlertSilenceInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'silenceAlerts' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'silenceId' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SilenceAlertsMutation, SilenceAlertsMutationVariables>;
export const EndAlertSilenceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'EndAlertSilence' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'endAlertSilence' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'silenceId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EndAlertSilenceMutation, EndAlertSilenceMutationVariables>;
export const AuditLogDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AuditLog' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'AuditFilterInput' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'auditLog' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actorKind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actorRole' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'operation' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'targetType' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'targetId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'before' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'after' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'error' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'clientAddress' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'requestId' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const MeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Me' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'username' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plants' } },
                { kind: 'Field', name: { kind: 'Name', value: 'permissions' } },
                { kind: 'Field', name: { kind: 'Name', value: 'home' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const LoginDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Login' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'username' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'password' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'login' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'username' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'username' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'password' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'password' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'user' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'username' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Logout' },
      selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'logout' } }] },
    },
  ],
} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const DeadLettersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'DeadLetters' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'DeadLetterFilterInput' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deadLetters' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'receivedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'topic' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'clientId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reasonCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'payload' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'payloadBytes' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'payloadTruncated' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'statusChangedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'statusChangedBy' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'statusReason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeadLettersQuery, DeadLettersQueryVariables>;
export const DeadLetterCountsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'DeadLetterCounts' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deadLetterCounts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'count' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeadLetterCountsQuery, DeadLetterCountsQueryVariables>;
export const RedeliverDeadLettersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RedeliverDeadLetters' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'target' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DeadLetterTargetInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'payload' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'redeliverDeadLetters' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'target' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'target' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'payload' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'payload' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'redelivered' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'failed' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RedeliverDeadLettersMutation, RedeliverDeadLettersMutationVariables>;
export const DiscardDeadLettersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DiscardDeadLetters' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'target' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DeadLetterTargetInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'discardDeadLetters' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'target' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'target' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'changed' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DiscardDeadLettersMutation, DiscardDeadLettersMutationVariables>;
export const FindingDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Finding' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'finding' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'finding' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'FindingFields' } }],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'meaning' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'history' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'assignee' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'deviceEvents' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'eventTime' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'line' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'asset' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'orderId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'material' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'eventType' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'quantity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'quantityInFindingUnit' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'postings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'documentId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'postedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'orderId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'material' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'postingType' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'quantity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'deviceEventId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reversesDocumentId' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'rules' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'FindingFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Finding' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'priority' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
          { kind: 'Field', name: { kind: 'Name', value: 'line' } },
          { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
          { kind: 'Field', name: { kind: 'Name', value: 'orderId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'material' } },
          { kind: 'Field', name: { kind: 'Name', value: 'eventIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'postingIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'correlationIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'deviceQuantity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'erpQuantity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'valueAtRisk' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'happenedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'conditionSince' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstSeenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resolution' } },
          { kind: 'Field', name: { kind: 'Name', value: 'statusChangedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'statusChangedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'assignee' } },
          { kind: 'Field', name: { kind: 'Name', value: 'details' } },
          { kind: 'Field', name: { kind: 'Name', value: 'rulesVersion' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ageSeconds' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FindingQuery, FindingQueryVariables>;
export const CommentOnFindingDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CommentOnFinding' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'comment' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'commentOnFinding' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'comment' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'comment' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'changed' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CommentOnFindingMutation, CommentOnFindingMutationVariables>;
export const FindingsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Findings' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'FindingFilterInput' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'orderBy' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'FindingOrder' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'descending' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'findings' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'orderBy' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'orderBy' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'descending' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'descending' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'readAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'FindingFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'FindingFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Finding' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'priority' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
          { kind: 'Field', name: { kind: 'Name', value: 'line' } },
          { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
          { kind: 'Field', name: { kind: 'Name', value: 'orderId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'material' } },
          { kind: 'Field', name: { kind: 'Name', value: 'eventIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'postingIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'correlationIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'deviceQuantity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'erpQuantity' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'valueAtRisk' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'happenedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'conditionSince' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstSeenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resolution' } },
          { kind: 'Field', name: { kind: 'Name', value: 'statusChangedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'statusChangedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'assignee' } },
          { kind: 'Field', name: { kind: 'Name', value: 'details' } },
          { kind: 'Field', name: { kind: 'Name', value: 'rulesVersion' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ageSeconds' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FindingsQuery, FindingsQueryVariables>;
export const FindingCountsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'FindingCounts' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'FindingFilterInput' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'findingCounts' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                { kind: 'Field', name: { kind: 'Name', value: 'valueAtRisk' } },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'currencyOf' },
            name: { kind: 'Name', value: 'findings' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '1' } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FindingCountsQuery, FindingCountsQueryVariables>;
export const FindingGroupsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'FindingGroups' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'FindingFilterInput' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'findingGroups' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                { kind: 'Field', name: { kind: 'Name', value: 'line' } },
                { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'hour' } },
                { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                { kind: 'Field', name: { kind: 'Name', value: 'activeCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'valueAtRisk' } },
                { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'worstSeverity' } },
                { kind: 'Field', name: { kind: 'Name', value: 'statuses' } },
                { kind: 'Field', name: { kind: 'Name', value: 'readAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FindingGroupsQuery, FindingGroupsQueryVariables>;
export const AcknowledgeFindingsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AcknowledgeFindings' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'target' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'FindingTargetInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'comment' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'acknowledgeFindings' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'target' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'target' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'comment' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'comment' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'changed' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AcknowledgeFindingsMutation, AcknowledgeFindingsMutationVariables>;
export const AssignFindingsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AssignFindings' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'target' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'FindingTargetInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'assignee' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'comment' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assignFindings' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'target' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'target' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'assignee' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'assignee' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'comment' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'comment' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'changed' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AssignFindingsMutation, AssignFindingsMutationVariables>;
export const ResolveFindingsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResolveFindings' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'target' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'FindingTargetInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resolveFindings' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'target' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'target' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'changed' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResolveFindingsMutation, ResolveFindingsMutationVariables>;
export const IgnoreFindingsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'IgnoreFindings' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'target' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'FindingTargetInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'ignoreFindings' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'target' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'target' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'changed' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<IgnoreFindingsMutation, IgnoreFindingsMutationVariables>;
export const UsersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Users' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'users' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PersonFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PersonFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'username' } },
          { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plants' } },
          { kind: 'Field', name: { kind: 'Name', value: 'disabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const CreateUserDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateUser' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateUserInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createUser' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PersonFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PersonFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'username' } },
          { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plants' } },
          { kind: 'Field', name: { kind: 'Name', value: 'disabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateUser' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateUserInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateUser' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PersonFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PersonFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'username' } },
          { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plants' } },
          { kind: 'Field', name: { kind: 'Name', value: 'disabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateUserMutation, UpdateUserMutationVariables>;
export const DisableUserDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DisableUser' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'username' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'disableUser' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'username' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'username' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PersonFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PersonFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'username' } },
          { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plants' } },
          { kind: 'Field', name: { kind: 'Name', value: 'disabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DisableUserMutation, DisableUserMutationVariables>;
export const EnableUserDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'EnableUser' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'username' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'enableUser' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'username' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'username' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PersonFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PersonFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'username' } },
          { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plants' } },
          { kind: 'Field', name: { kind: 'Name', value: 'disabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EnableUserMutation, EnableUserMutationVariables>;
export const ResetPasswordDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResetPassword' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'username' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'newPassword' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resetPassword' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'username' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'username' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'newPassword' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'newPassword' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PersonFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PersonFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'User' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'username' } },
          { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plants' } },
          { kind: 'Field', name: { kind: 'Name', value: 'disabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const ReplayFindingsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReplayFindings' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ids' } },
          type: {
            kind: 'ListType',
            type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'FindingFilterInput' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'dryRun' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'replay' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'findingIds' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'ids' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'dryRun' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'dryRun' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ReplayPlan' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReplayPlan' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReplayRequestResult' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'batchId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'dryRun' } },
          { kind: 'Field', name: { kind: 'Name', value: 'toSend' } },
          { kind: 'Field', name: { kind: 'Name', value: 'skipped' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'items' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'findingId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'correlationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'businessKey' } },
                { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'idempotencyKey' } },
                { kind: 'Field', name: { kind: 'Name', value: 'payload' } },
                { kind: 'Field', name: { kind: 'Name', value: 'send' } },
                { kind: 'Field', name: { kind: 'Name', value: 'skip' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplayFindingsMutation, ReplayFindingsMutationVariables>;
export const ReplayMessagesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReplayMessages' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ids' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'dryRun' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'payload' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'replayMessages' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'correlationIds' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'ids' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'dryRun' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'dryRun' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'payload' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'payload' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ReplayPlan' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ReplayPlan' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ReplayRequestResult' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'batchId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'dryRun' } },
          { kind: 'Field', name: { kind: 'Name', value: 'toSend' } },
          { kind: 'Field', name: { kind: 'Name', value: 'skipped' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'items' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'findingId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'correlationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'businessKey' } },
                { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'idempotencyKey' } },
                { kind: 'Field', name: { kind: 'Name', value: 'payload' } },
                { kind: 'Field', name: { kind: 'Name', value: 'send' } },
                { kind: 'Field', name: { kind: 'Name', value: 'skip' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplayMessagesMutation, ReplayMessagesMutationVariables>;
export const ReplayBatchesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ReplayBatches' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'replayBatches' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requestedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requestedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'total' } },
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ratePerSecond' } },
                { kind: 'Field', name: { kind: 'Name', value: 'queued' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sent' } },
                { kind: 'Field', name: { kind: 'Name', value: 'skipped' } },
                { kind: 'Field', name: { kind: 'Name', value: 'failed' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dead' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cancelled' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplayBatchesQuery, ReplayBatchesQueryVariables>;
export const ReplayItemsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ReplayItems' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'batchId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'replayItems' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'batchId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'batchId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'correlationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'businessKey' } },
                { kind: 'Field', name: { kind: 'Name', value: 'findingId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
                { kind: 'Field', name: { kind: 'Name', value: 'responseCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'documentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'edited' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplayItemsQuery, ReplayItemsQueryVariables>;
export const DeadReplaysDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'DeadReplays' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deadReplays' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '100' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'batchId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'correlationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'businessKey' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeadReplaysQuery, DeadReplaysQueryVariables>;
export const PauseReplayDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PauseReplay' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pauseReplay' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PauseReplayMutation, PauseReplayMutationVariables>;
export const ResumeReplayDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResumeReplay' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resumeReplay' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResumeReplayMutation, ResumeReplayMutationVariables>;
export const CancelReplayDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CancelReplay' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'cancelReplay' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CancelReplayMutation, CancelReplayMutationVariables>;
export const SetReplayRateDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetReplayRate' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'rate' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Float' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setReplayRate' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'ratePerSecond' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'rate' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ratePerSecond' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetReplayRateMutation, SetReplayRateMutationVariables>;
export const ReplayTargetsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ReplayTargets' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'replayTargets' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'method' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'headers' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'secret' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'timeoutMs' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ratePerSecond' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concurrency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'checkMode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lookupUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
                { kind: 'Field', name: { kind: 'Name', value: 'autoReplay' } },
                { kind: 'Field', name: { kind: 'Name', value: 'autoClasses' } },
                { kind: 'Field', name: { kind: 'Name', value: 'autoMax' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplayTargetsQuery, ReplayTargetsQueryVariables>;
export const SaveReplayTargetDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SaveReplayTarget' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReplayTargetInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'saveReplayTarget' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SaveReplayTargetMutation, SaveReplayTargetMutationVariables>;
export const RoiReportDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'RoiReport' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'TimeRangeInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'RoiFilterInput' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'roi' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'range' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'baselineFrom' } },
                { kind: 'Field', name: { kind: 'Name', value: 'baselineTo' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'assumptions' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'RoiAssumptionFields' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'figures' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'baseline' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'higherIsBetter' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'howComputed' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'assumptions' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'breakdown' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'byPlantFlow' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'postings' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'noTouchShare' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'resolvedAuto' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'resolvedManual' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'valueAtRiskOpen' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'valueRecovered' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hoursAvoided' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'latencyTrend' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 't' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'p50' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'p95' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RoiAssumptionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'RoiAssumptions' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'minutesPerManualReconciliation' } },
          { kind: 'Field', name: { kind: 'Name', value: 'secondsPerPostingCheck' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hourlyCost' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baselineMode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baselineFrom' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baselineTo' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'measured' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'noTouchShare' } },
                { kind: 'Field', name: { kind: 'Name', value: 'autoResolvedShare' } },
                { kind: 'Field', name: { kind: 'Name', value: 'meanHoursToResolve' } },
                { kind: 'Field', name: { kind: 'Name', value: 'manualHoursPer30Days' } },
                { kind: 'Field', name: { kind: 'Name', value: 'inventoryAccuracy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'maintenanceResponseHours' } },
                { kind: 'Field', name: { kind: 'Name', value: 'incidentsPer30Days' } },
                { kind: 'Field', name: { kind: 'Name', value: 'latencyP95Seconds' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RoiReportQuery, RoiReportQueryVariables>;
export const SaveRoiAssumptionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SaveRoiAssumptions' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RoiAssumptionsInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'saveRoiAssumptions' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'RoiAssumptionFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RoiAssumptionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'RoiAssumptions' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'minutesPerManualReconciliation' } },
          { kind: 'Field', name: { kind: 'Name', value: 'secondsPerPostingCheck' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hourlyCost' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baselineMode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baselineFrom' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baselineTo' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'measured' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'noTouchShare' } },
                { kind: 'Field', name: { kind: 'Name', value: 'autoResolvedShare' } },
                { kind: 'Field', name: { kind: 'Name', value: 'meanHoursToResolve' } },
                { kind: 'Field', name: { kind: 'Name', value: 'manualHoursPer30Days' } },
                { kind: 'Field', name: { kind: 'Name', value: 'inventoryAccuracy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'maintenanceResponseHours' } },
                { kind: 'Field', name: { kind: 'Name', value: 'incidentsPer30Days' } },
                { kind: 'Field', name: { kind: 'Name', value: 'latencyP95Seconds' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SaveRoiAssumptionsMutation, SaveRoiAssumptionsMutationVariables>;
export const ApiKeysDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ApiKeys' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'apiKeys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plants' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kinds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'rateLimitPerMinute' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'revoked' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateApiKey' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateApiKeyInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createApiKey' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'token' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'apiKey' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeApiKey' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeApiKey' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const PlantCalendarsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PlantCalendars' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'plantCalendars' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
                { kind: 'Field', name: { kind: 'Name', value: 'silentMinutes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'shifts' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'weekday' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'end' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'stops' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'startsAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endsAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'holidays' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PlantCalendarsQuery, PlantCalendarsQueryVariables>;
export const SetPlantCalendarDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetPlantCalendar' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'PlantCalendarInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setPlantCalendar' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'plant' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetPlantCalendarMutation, SetPlantCalendarMutationVariables>;
export const CreatePlantFromTemplateDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreatePlantFromTemplate' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'plant' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'fromPlant' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createPlantFromTemplate' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'plant' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'plant' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'fromPlant' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'fromPlant' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fromPlant' } },
                { kind: 'Field', name: { kind: 'Name', value: 'calendar' } },
                { kind: 'Field', name: { kind: 'Name', value: 'replayTargets' } },
                { kind: 'Field', name: { kind: 'Name', value: 'alertRules' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreatePlantFromTemplateMutation, CreatePlantFromTemplateMutationVariables>;
export const FlowRulesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'FlowRules' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'flowRules' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'slaSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'graceSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'toleranceAbs' } },
                { kind: 'Field', name: { kind: 'Name', value: 'tolerancePct' } },
                { kind: 'Field', name: { kind: 'Name', value: 'eventTypes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'postingTypes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requiresReference' } },
                { kind: 'Field', name: { kind: 'Name', value: 'priority' } },
                { kind: 'Field', name: { kind: 'Name', value: 'highValue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'bucketMinutes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FlowRulesQuery, FlowRulesQueryVariables>;
export const UpdateFlowRulesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateFlowRules' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'FlowRulesInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateFlowRules' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateFlowRulesMutation, UpdateFlowRulesMutationVariables>;
export const MasterDataDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MasterData' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'unitConversions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'material' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fromUnit' } },
                { kind: 'Field', name: { kind: 'Name', value: 'toUnit' } },
                { kind: 'Field', name: { kind: 'Name', value: 'factor' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'materialCosts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'material' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cost' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MasterDataQuery, MasterDataQueryVariables>;
export const SetUnitConversionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetUnitConversion' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'UnitConversionInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setUnitConversion' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'material' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fromUnit' } },
                { kind: 'Field', name: { kind: 'Name', value: 'toUnit' } },
                { kind: 'Field', name: { kind: 'Name', value: 'factor' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetUnitConversionMutation, SetUnitConversionMutationVariables>;
export const SetMaterialCostDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetMaterialCost' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'MaterialCostInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setMaterialCost' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'material' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cost' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetMaterialCostMutation, SetMaterialCostMutationVariables>;
export const RoiAssumptionsSettingsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'RoiAssumptionsSettings' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'roiAssumptions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'RoiAssumptionFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RoiAssumptionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'RoiAssumptions' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'minutesPerManualReconciliation' } },
          { kind: 'Field', name: { kind: 'Name', value: 'secondsPerPostingCheck' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hourlyCost' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baselineMode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baselineFrom' } },
          { kind: 'Field', name: { kind: 'Name', value: 'baselineTo' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'measured' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'noTouchShare' } },
                { kind: 'Field', name: { kind: 'Name', value: 'autoResolvedShare' } },
                { kind: 'Field', name: { kind: 'Name', value: 'meanHoursToResolve' } },
                { kind: 'Field', name: { kind: 'Name', value: 'manualHoursPer30Days' } },
                { kind: 'Field', name: { kind: 'Name', value: 'inventoryAccuracy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'maintenanceResponseHours' } },
                { kind: 'Field', name: { kind: 'Name', value: 'incidentsPer30Days' } },
                { kind: 'Field', name: { kind: 'Name', value: 'latencyP95Seconds' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RoiAssumptionsSettingsQuery, RoiAssumptionsSettingsQueryVariables>;
export const SyncLagDashboardDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'SyncLagDashboard' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'TimeRangeInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'SyncLagFilterInput' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'syncLagKpis' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'range' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'current' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SyncLagPeriodFields' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'previous' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SyncLagPeriodFields' } }],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'syncLagSeries' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'range' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'slaSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'bucketSeconds' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'points' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 't' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'messages' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'posted' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'p50' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'p95' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'p99' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'syncLagGrid' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'range' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                { kind: 'Field', name: { kind: 'Name', value: 'line' } },
                { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'messages' } },
                { kind: 'Field', name: { kind: 'Name', value: 'posted' } },
                { kind: 'Field', name: { kind: 'Name', value: 'failed' } },
                { kind: 'Field', name: { kind: 'Name', value: 'withinSlaShare' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lagP95Seconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'slaSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastMessageAt' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'syncLagStages' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'range' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'fromStage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'toStage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'seconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'messages' } },
                { kind: 'Field', name: { kind: 'Name', value: 'meanSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'share' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SyncLagPeriodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SyncLagPeriod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'from' } },
          { kind: 'Field', name: { kind: 'Name', value: 'to' } },
          { kind: 'Field', name: { kind: 'Name', value: 'messages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'posted' } },
          { kind: 'Field', name: { kind: 'Name', value: 'failed' } },
          { kind: 'Field', name: { kind: 'Name', value: 'withinSlaShare' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lagP50Seconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lagP95Seconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lagP99Seconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stalestLineAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stalestLineAgeSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'openMissingPostings' } },
          { kind: 'Field', name: { kind: 'Name', value: 'silentLines' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SyncLagDashboardQuery, SyncLagDashboardQueryVariables>;
export const TraceSearchDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TraceSearch' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'query' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'TraceFilterInput' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'traceSearch' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'query' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'query' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'matchedAs' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TraceMessageFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TraceMessageFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TraceMessage' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'correlationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
          { kind: 'Field', name: { kind: 'Name', value: 'line' } },
          { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
          { kind: 'Field', name: { kind: 'Name', value: 'businessKey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'orderId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'batch' } },
          { kind: 'Field', name: { kind: 'Name', value: 'asset' } },
          { kind: 'Field', name: { kind: 'Name', value: 'material' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstHopAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastHopAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'durationMs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstStage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastStage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'missingStages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hasError' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          { kind: 'Field', name: { kind: 'Name', value: 'findingCount' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TraceSearchQuery, TraceSearchQueryVariables>;
export const TraceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Trace' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'correlationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'hopsFirst' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'hopsAfter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'trace' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'correlationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'correlationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'hopsFirst' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'hopsFirst' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'hopsAfter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'hopsAfter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'message' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TraceMessageFields' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'stitched' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TraceMessageFields' } }],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'hopCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'hopsPageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'hops' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hopId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'correlationId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'parentHopId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'stage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'system' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'errorMessage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'attempt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'startAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'offsetMs' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'durationMs' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'gapMs' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'parentMissing' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'startsBeforeParentEnd' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'retry' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'stitched' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'deviceEvents' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'eventTime' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'line' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'asset' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'orderId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'material' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'eventType' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'quantity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'postings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'documentId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'postedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'postingType' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'orderId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'material' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'quantity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'deviceEventId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reversesDocumentId' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'findings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'severity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'details' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'valueAtRisk' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'currency' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TraceMessageFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TraceMessage' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'correlationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
          { kind: 'Field', name: { kind: 'Name', value: 'line' } },
          { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
          { kind: 'Field', name: { kind: 'Name', value: 'businessKey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'orderId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'batch' } },
          { kind: 'Field', name: { kind: 'Name', value: 'asset' } },
          { kind: 'Field', name: { kind: 'Name', value: 'material' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstHopAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastHopAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'durationMs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstStage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastStage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'missingStages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hasError' } },
          { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
          { kind: 'Field', name: { kind: 'Name', value: 'findingCount' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TraceQuery, TraceQueryVariables>;
export const TraceHopDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TraceHop' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'correlationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'hopId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'fullPayload' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'traceHop' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'correlationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'correlationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'hopId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'hopId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'fullPayload' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'fullPayload' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'hopId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'correlationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'parentHopId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'flow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'system' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plant' } },
                { kind: 'Field', name: { kind: 'Name', value: 'line' } },
                { kind: 'Field', name: { kind: 'Name', value: 'asset' } },
                { kind: 'Field', name: { kind: 'Name', value: 'orderId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'material' } },
                { kind: 'Field', name: { kind: 'Name', value: 'batch' } },
                { kind: 'Field', name: { kind: 'Name', value: 'eventType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'quantity' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                { kind: 'Field', name: { kind: 'Name', value: 'businessKey' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'errorMessage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attempt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ingestedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'attributes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'payload' } },
                { kind: 'Field', name: { kind: 'Name', value: 'payloadBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'payloadTruncated' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TraceHopQuery, TraceHopQueryVariables>;
