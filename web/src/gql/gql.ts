/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n': typeof types.ChangePasswordDocument;
  '\n  query AlertsPage($canManage: Boolean!) {\n    alertChannels @include(if: $canManage) {\n      channelId\n      name\n      kind\n      format\n      url\n      recipients\n      enabled\n      updatedBy\n      updatedAt\n      lastStatus\n      lastError\n      lastSentAt\n      failuresSinceSent\n    }\n    alertRules {\n      ruleId\n      name\n      kind\n      minSeverity\n      minValueAtRisk\n      minutes\n      threshold\n      plants\n      flows\n      channelIds\n      escalationChannelIds\n      escalateAfterSeconds\n      repeatSeconds\n      groupSeconds\n      enabled\n      updatedBy\n      updatedAt\n      state {\n        firing\n        since\n        items\n        lastNotifiedAt\n        acknowledgedBy\n        acknowledgedAt\n        escalatedAt\n        silencedUntil\n      }\n    }\n    alertSilences {\n      silenceId\n      ruleId\n      startsAt\n      endsAt\n      reason\n      createdBy\n      cancelled\n    }\n    alertNotifications(first: 50) {\n      notificationId\n      channelId\n      ruleName\n      kind\n      createdAt\n      status\n      attempts\n      lastError\n      summary\n    }\n  }\n': typeof types.AlertsPageDocument;
  '\n  mutation SaveAlertChannel($input: AlertChannelInput!) {\n    saveAlertChannel(input: $input) {\n      channelId\n      name\n    }\n  }\n': typeof types.SaveAlertChannelDocument;
  '\n  mutation DeleteAlertChannel($id: ID!) {\n    deleteAlertChannel(channelId: $id)\n  }\n': typeof types.DeleteAlertChannelDocument;
  '\n  mutation TestAlertChannel($id: ID!) {\n    testAlertChannel(channelId: $id)\n  }\n': typeof types.TestAlertChannelDocument;
  '\n  mutation SaveAlertRule($input: AlertRuleInput!) {\n    saveAlertRule(input: $input) {\n      ruleId\n      name\n    }\n  }\n': typeof types.SaveAlertRuleDocument;
  '\n  mutation DeleteAlertRule($id: ID!) {\n    deleteAlertRule(ruleId: $id)\n  }\n': typeof types.DeleteAlertRuleDocument;
  '\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(ruleId: $id) {\n      acknowledgedBy\n    }\n  }\n': typeof types.AcknowledgeAlertDocument;
  '\n  mutation SilenceAlerts($input: AlertSilenceInput!) {\n    silenceAlerts(input: $input) {\n      silenceId\n    }\n  }\n': typeof types.SilenceAlertsDocument;
  '\n  mutation EndAlertSilence($id: ID!) {\n    endAlertSilence(silenceId: $id)\n  }\n': typeof types.EndAlertSilenceDocument;
  '\n  query AuditLog($filter: AuditFilterInput, $first: Int!, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        actor\n        actorKind\n        actorRole\n        operation\n        targetType\n        targetId\n        outcome\n        before\n        after\n        error\n        clientAddress\n        requestId\n      }\n    }\n  }\n': typeof types.AuditLogDocument;
  '\n  query Me {\n    me {\n      username\n      displayName\n      kind\n      role\n      plants\n      permissions\n      home\n    }\n  }\n': typeof types.MeDocument;
  '\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        username\n        role\n      }\n    }\n  }\n': typeof types.LoginDocument;
  '\n  mutation Logout {\n    logout\n  }\n': typeof types.LogoutDocument;
  '\n  query DeadLetters($filter: DeadLetterFilterInput, $first: Int!, $after: String) {\n    deadLetters(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        receivedAt\n        source\n        topic\n        clientId\n        plant\n        reasonCode\n        reason\n        payload\n        payloadBytes\n        payloadTruncated\n        status\n        statusChangedAt\n        statusChangedBy\n        statusReason\n      }\n    }\n  }\n': typeof types.DeadLettersDocument;
  '\n  query DeadLetterCounts {\n    deadLetterCounts {\n      source\n      reason\n      status\n      count\n    }\n  }\n': typeof types.DeadLetterCountsDocument;
  '\n  mutation RedeliverDeadLetters($target: DeadLetterTargetInput!, $payload: String) {\n    redeliverDeadLetters(target: $target, payload: $payload) {\n      redelivered\n      failed {\n        id\n        reason\n      }\n    }\n  }\n': typeof types.RedeliverDeadLettersDocument;
  '\n  mutation DiscardDeadLetters($target: DeadLetterTargetInput!, $reason: String!) {\n    discardDeadLetters(target: $target, reason: $reason) {\n      changed\n    }\n  }\n': typeof types.DiscardDeadLettersDocument;
  '\n  query Finding($id: ID!) {\n    finding(id: $id) {\n      finding {\n        ...FindingFields\n      }\n      meaning\n      history {\n        at\n        kind\n        status\n        assignee\n        comment\n        actor\n      }\n      deviceEvents {\n        eventId\n        eventTime\n        plant\n        line\n        asset\n        orderId\n        material\n        eventType\n        quantity\n        unit\n        quantityInFindingUnit\n      }\n      postings {\n        documentId\n        postedAt\n        plant\n        orderId\n        material\n        postingType\n        quantity\n        unit\n        deviceEventId\n        reversesDocumentId\n      }\n      rules\n    }\n  }\n': typeof types.FindingDocument;
  '\n  mutation CommentOnFinding($id: ID!, $comment: String!) {\n    commentOnFinding(id: $id, comment: $comment) {\n      changed\n    }\n  }\n': typeof types.CommentOnFindingDocument;
  '\n  fragment FindingFields on Finding {\n    id\n    type\n    status\n    severity\n    priority\n    plant\n    line\n    flow\n    orderId\n    material\n    eventIds\n    postingIds\n    correlationIds\n    deviceQuantity\n    erpQuantity\n    unit\n    valueAtRisk\n    currency\n    happenedAt\n    conditionSince\n    firstSeenAt\n    lastSeenAt\n    resolution\n    statusChangedAt\n    statusChangedBy\n    assignee\n    details\n    rulesVersion\n    ageSeconds\n  }\n': typeof types.FindingFieldsFragmentDoc;
  '\n  query Findings($filter: FindingFilterInput, $orderBy: FindingOrder!, $descending: Boolean!, $first: Int!, $after: String) {\n    findings(filter: $filter, orderBy: $orderBy, descending: $descending, first: $first, after: $after) {\n      totalCount\n      readAt\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...FindingFields\n      }\n    }\n  }\n': typeof types.FindingsDocument;
  '\n  query FindingCounts($filter: FindingFilterInput) {\n    findingCounts(filter: $filter) {\n      type\n      status\n      count\n      valueAtRisk\n    }\n    currencyOf: findings(filter: $filter, first: 1) {\n      nodes {\n        id\n        currency\n      }\n    }\n  }\n': typeof types.FindingCountsDocument;
  '\n  query FindingGroups($filter: FindingFilterInput, $first: Int!) {\n    findingGroups(filter: $filter, first: $first) {\n      type\n      plant\n      line\n      flow\n      hour\n      count\n      activeCount\n      valueAtRisk\n      currency\n      worstSeverity\n      statuses\n      readAt\n    }\n  }\n': typeof types.FindingGroupsDocument;
  '\n  mutation AcknowledgeFindings($target: FindingTargetInput!, $comment: String) {\n    acknowledgeFindings(target: $target, comment: $comment) {\n      changed\n    }\n  }\n': typeof types.AcknowledgeFindingsDocument;
  '\n  mutation AssignFindings($target: FindingTargetInput!, $assignee: String!, $comment: String) {\n    assignFindings(target: $target, assignee: $assignee, comment: $comment) {\n      changed\n    }\n  }\n': typeof types.AssignFindingsDocument;
  '\n  mutation ResolveFindings($target: FindingTargetInput!, $reason: String!) {\n    resolveFindings(target: $target, reason: $reason) {\n      changed\n    }\n  }\n': typeof types.ResolveFindingsDocument;
  '\n  mutation IgnoreFindings($target: FindingTargetInput!, $reason: String!) {\n    ignoreFindings(target: $target, reason: $reason) {\n      changed\n    }\n  }\n': typeof types.IgnoreFindingsDocument;
  '\n  fragment PersonFields on User {\n    username\n    displayName\n    role\n    plants\n    disabled\n    createdAt\n    createdBy\n    updatedAt\n    updatedBy\n  }\n': typeof types.PersonFieldsFragmentDoc;
  '\n  query Users {\n    users {\n      ...PersonFields\n    }\n  }\n': typeof types.UsersDocument;
  '\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...PersonFields\n    }\n  }\n': typeof types.CreateUserDocument;
  '\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...PersonFields\n    }\n  }\n': typeof types.UpdateUserDocument;
  '\n  mutation DisableUser($username: String!) {\n    disableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n': typeof types.DisableUserDocument;
  '\n  mutation EnableUser($username: String!) {\n    enableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n': typeof types.EnableUserDocument;
  '\n  mutation ResetPassword($username: String!, $newPassword: String!) {\n    resetPassword(username: $username, newPassword: $newPassword) {\n      ...PersonFields\n    }\n  }\n': typeof types.ResetPasswordDocument;
  '\n  fragment ReplayPlan on ReplayRequestResult {\n    batchId\n    dryRun\n    toSend\n    skipped\n    items {\n      findingId\n      correlationId\n      businessKey\n      flow\n      plant\n      targetUrl\n      idempotencyKey\n      payload\n      send\n      skip\n      reason\n    }\n  }\n': typeof types.ReplayPlanFragmentDoc;
  '\n  mutation ReplayFindings($ids: [String!], $filter: FindingFilterInput, $dryRun: Boolean!, $reason: String!) {\n    replay(findingIds: $ids, filter: $filter, dryRun: $dryRun, reason: $reason) {\n      ...ReplayPlan\n    }\n  }\n': typeof types.ReplayFindingsDocument;
  '\n  mutation ReplayMessages($ids: [String!]!, $dryRun: Boolean!, $reason: String!, $payload: String) {\n    replayMessages(correlationIds: $ids, dryRun: $dryRun, reason: $reason, payload: $payload) {\n      ...ReplayPlan\n    }\n  }\n': typeof types.ReplayMessagesDocument;
  '\n  query ReplayBatches($first: Int!) {\n    replayBatches(first: $first) {\n      id\n      reason\n      requestedBy\n      requestedAt\n      total\n      state\n      ratePerSecond\n      queued\n      sent\n      skipped\n      failed\n      dead\n      cancelled\n    }\n  }\n': typeof types.ReplayBatchesDocument;
  '\n  query ReplayItems($batchId: String!) {\n    replayItems(batchId: $batchId) {\n      id\n      correlationId\n      businessKey\n      findingId\n      plant\n      targetUrl\n      state\n      outcome\n      responseCode\n      documentId\n      attempts\n      updatedAt\n      edited\n    }\n  }\n': typeof types.ReplayItemsDocument;
  '\n  query DeadReplays {\n    deadReplays(first: 100) {\n      id\n      batchId\n      correlationId\n      businessKey\n      plant\n      targetUrl\n      state\n      outcome\n      attempts\n      updatedAt\n    }\n  }\n': typeof types.DeadReplaysDocument;
  '\n  mutation PauseReplay($id: String!) {\n    pauseReplay(id: $id) {\n      id\n      state\n    }\n  }\n': typeof types.PauseReplayDocument;
  '\n  mutation ResumeReplay($id: String!) {\n    resumeReplay(id: $id) {\n      id\n      state\n    }\n  }\n': typeof types.ResumeReplayDocument;
  '\n  mutation CancelReplay($id: String!) {\n    cancelReplay(id: $id) {\n      id\n      state\n    }\n  }\n': typeof types.CancelReplayDocument;
  '\n  mutation SetReplayRate($id: String!, $rate: Float!) {\n    setReplayRate(id: $id, ratePerSecond: $rate) {\n      id\n      ratePerSecond\n    }\n  }\n': typeof types.SetReplayRateDocument;
  '\n  query ReplayTargets {\n    replayTargets {\n      flow\n      plant\n      url\n      method\n      headers {\n        name\n        secret\n      }\n      timeoutMs\n      ratePerSecond\n      concurrency\n      checkMode\n      lookupUrl\n      enabled\n      autoReplay\n      autoClasses\n      autoMax\n      updatedBy\n      updatedAt\n    }\n  }\n': typeof types.ReplayTargetsDocument;
  '\n  mutation SaveReplayTarget($input: ReplayTargetInput!) {\n    saveReplayTarget(input: $input) {\n      flow\n      plant\n      url\n    }\n  }\n': typeof types.SaveReplayTargetDocument;
  '\n  fragment RoiAssumptionFields on RoiAssumptions {\n    minutesPerManualReconciliation\n    secondsPerPostingCheck\n    hourlyCost\n    currency\n    baselineMode\n    baselineFrom\n    baselineTo\n    measured {\n      noTouchShare\n      autoResolvedShare\n      meanHoursToResolve\n      manualHoursPer30Days\n      inventoryAccuracy\n      maintenanceResponseHours\n      incidentsPer30Days\n      latencyP95Seconds\n    }\n    updatedBy\n    updatedAt\n  }\n': typeof types.RoiAssumptionFieldsFragmentDoc;
  '\n  query RoiReport($range: TimeRangeInput!, $filter: RoiFilterInput) {\n    roi(range: $range, filter: $filter) {\n      from\n      to\n      currency\n      baselineFrom\n      baselineTo\n      assumptions {\n        ...RoiAssumptionFields\n      }\n      figures {\n        key\n        label\n        value\n        unit\n        baseline\n        higherIsBetter\n        howComputed\n        assumptions\n        breakdown {\n          label\n          value\n          unit\n        }\n      }\n      byPlantFlow {\n        plant\n        flow\n        postings\n        noTouchShare\n        resolvedAuto\n        resolvedManual\n        valueAtRiskOpen\n        valueRecovered\n        hoursAvoided\n      }\n      latencyTrend {\n        t\n        p50\n        p95\n      }\n    }\n  }\n': typeof types.RoiReportDocument;
  '\n  mutation SaveRoiAssumptions($input: RoiAssumptionsInput!) {\n    saveRoiAssumptions(input: $input) {\n      ...RoiAssumptionFields\n    }\n  }\n': typeof types.SaveRoiAssumptionsDocument;
  '\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      plants\n      kinds\n      rateLimitPerMinute\n      createdAt\n      createdBy\n      revoked\n    }\n  }\n': typeof types.ApiKeysDocument;
  '\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      token\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n': typeof types.CreateApiKeyDocument;
  '\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n': typeof types.RevokeApiKeyDocument;
  '\n  query PlantCalendars {\n    plantCalendars {\n      plant\n      timezone\n      silentMinutes\n      shifts {\n        weekday\n        start\n        end\n      }\n      stops {\n        startsAt\n        endsAt\n        reason\n      }\n      holidays\n    }\n  }\n': typeof types.PlantCalendarsDocument;
  '\n  mutation SetPlantCalendar($input: PlantCalendarInput!) {\n    setPlantCalendar(input: $input) {\n      plant\n    }\n  }\n': typeof types.SetPlantCalendarDocument;
  '\n  mutation CreatePlantFromTemplate($plant: String!, $fromPlant: String!) {\n    createPlantFromTemplate(plant: $plant, fromPlant: $fromPlant) {\n      plant\n      fromPlant\n      calendar\n      replayTargets\n      alertRules\n    }\n  }\n': typeof types.CreatePlantFromTemplateDocument;
  '\n  query FlowRules {\n    flowRules {\n      flow\n      slaSeconds\n      graceSeconds\n      toleranceAbs\n      tolerancePct\n      eventTypes\n      postingTypes\n      requiresReference\n      priority\n      highValue\n      bucketMinutes\n      enabled\n      updatedBy\n      updatedAt\n    }\n  }\n': typeof types.FlowRulesDocument;
  '\n  mutation UpdateFlowRules($input: FlowRulesInput!) {\n    updateFlowRules(input: $input) {\n      flow\n      version\n    }\n  }\n': typeof types.UpdateFlowRulesDocument;
  '\n  query MasterData {\n    unitConversions {\n      material\n      fromUnit\n      toUnit\n      factor\n    }\n    materialCosts {\n      material\n      cost\n      unit\n    }\n  }\n': typeof types.MasterDataDocument;
  '\n  mutation SetUnitConversion($input: UnitConversionInput!) {\n    setUnitConversion(input: $input) {\n      material\n      fromUnit\n      toUnit\n      factor\n    }\n  }\n': typeof types.SetUnitConversionDocument;
  '\n  mutation SetMaterialCost($input: MaterialCostInput!) {\n    setMaterialCost(input: $input) {\n      material\n      cost\n      unit\n    }\n  }\n': typeof types.SetMaterialCostDocument;
  '\n  query RoiAssumptionsSettings {\n    roiAssumptions {\n      ...RoiAssumptionFields\n    }\n  }\n': typeof types.RoiAssumptionsSettingsDocument;
  '\n  fragment SyncLagPeriodFields on SyncLagPeriod {\n    from\n    to\n    messages\n    posted\n    failed\n    withinSlaShare\n    lagP50Seconds\n    lagP95Seconds\n    lagP99Seconds\n    stalestLineAt\n    stalestLineAgeSeconds\n    openMissingPostings\n    silentLines\n  }\n': typeof types.SyncLagPeriodFieldsFragmentDoc;
  '\n  query SyncLagDashboard($range: TimeRangeInput!, $filter: SyncLagFilterInput) {\n    syncLagKpis(range: $range, filter: $filter) {\n      current {\n        ...SyncLagPeriodFields\n      }\n      previous {\n        ...SyncLagPeriodFields\n      }\n    }\n    syncLagSeries(range: $range, filter: $filter) {\n      flow\n      slaSeconds\n      bucketSeconds\n      points {\n        t\n        messages\n        posted\n        p50\n        p95\n        p99\n      }\n    }\n    syncLagGrid(range: $range, filter: $filter) {\n      plant\n      line\n      flow\n      messages\n      posted\n      failed\n      withinSlaShare\n      lagP95Seconds\n      slaSeconds\n      state\n      lastMessageAt\n    }\n    syncLagStages(range: $range, filter: $filter) {\n      fromStage\n      toStage\n      seconds\n      messages\n      meanSeconds\n      share\n    }\n  }\n': typeof types.SyncLagDashboardDocument;
  '\n  fragment TraceMessageFields on TraceMessage {\n    correlationId\n    plant\n    line\n    flow\n    businessKey\n    orderId\n    batch\n    asset\n    material\n    firstHopAt\n    lastHopAt\n    durationMs\n    stages\n    firstStage\n    lastStage\n    missingStages\n    hasError\n    outcome\n    findingCount\n  }\n': typeof types.TraceMessageFieldsFragmentDoc;
  '\n  query TraceSearch($query: String, $filter: TraceFilterInput, $first: Int!, $after: String) {\n    traceSearch(query: $query, filter: $filter, first: $first, after: $after) {\n      matchedAs\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...TraceMessageFields\n      }\n    }\n  }\n': typeof types.TraceSearchDocument;
  '\n  query Trace($correlationId: String!, $hopsFirst: Int!, $hopsAfter: String) {\n    trace(correlationId: $correlationId, hopsFirst: $hopsFirst, hopsAfter: $hopsAfter) {\n      message {\n        ...TraceMessageFields\n      }\n      stitched {\n        ...TraceMessageFields\n      }\n      hopCount\n      hopsPageInfo {\n        hasNextPage\n        endCursor\n      }\n      hops {\n        hopId\n        correlationId\n        parentHopId\n        stage\n        system\n        status\n        errorCode\n        errorMessage\n        attempt\n        startAt\n        endAt\n        offsetMs\n        durationMs\n        gapMs\n        parentMissing\n        startsBeforeParentEnd\n        retry\n        stitched\n      }\n      deviceEvents {\n        eventId\n        eventTime\n        line\n        asset\n        orderId\n        material\n        eventType\n        quantity\n        unit\n      }\n      postings {\n        documentId\n        postedAt\n        postingType\n        orderId\n        material\n        quantity\n        unit\n        deviceEventId\n        reversesDocumentId\n      }\n      findings {\n        id\n        type\n        status\n        severity\n        details\n        valueAtRisk\n        currency\n      }\n    }\n  }\n': typeof types.TraceDocument;
  '\n  query TraceHop($correlationId: String!, $hopId: String!, $fullPayload: Boolean!) {\n    traceHop(correlationId: $correlationId, hopId: $hopId, fullPayload: $fullPayload) {\n      hopId\n      correlationId\n      parentHopId\n      flow\n      stage\n      system\n      plant\n      line\n      asset\n      orderId\n      material\n      batch\n      eventType\n      quantity\n      unit\n      businessKey\n      startAt\n      endAt\n      status\n      errorCode\n      errorMessage\n      attempt\n      ingestedAt\n      attributes\n      payload\n      payloadBytes\n      payloadTruncated\n    }\n  }\n': typeof types.TraceHopDocument;
};
const documents: Documents = {
  '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n':
    types.ChangePasswordDocument,
  '\n  query AlertsPage($canManage: Boolean!) {\n    alertChannels @include(if: $canManage) {\n      channelId\n      name\n      kind\n      format\n      url\n      recipients\n      enabled\n      updatedBy\n      updatedAt\n      lastStatus\n      lastError\n      lastSentAt\n      failuresSinceSent\n    }\n    alertRules {\n      ruleId\n      name\n      kind\n      minSeverity\n      minValueAtRisk\n      minutes\n      threshold\n      plants\n      flows\n      channelIds\n      escalationChannelIds\n      escalateAfterSeconds\n      repeatSeconds\n      groupSeconds\n      enabled\n      updatedBy\n      updatedAt\n      state {\n        firing\n        since\n        items\n        lastNotifiedAt\n        acknowledgedBy\n        acknowledgedAt\n        escalatedAt\n        silencedUntil\n      }\n    }\n    alertSilences {\n      silenceId\n      ruleId\n      startsAt\n      endsAt\n      reason\n      createdBy\n      cancelled\n    }\n    alertNotifications(first: 50) {\n      notificationId\n      channelId\n      ruleName\n      kind\n      createdAt\n      status\n      attempts\n      lastError\n      summary\n    }\n  }\n':
    types.AlertsPageDocument,
  '\n  mutation SaveAlertChannel($input: AlertChannelInput!) {\n    saveAlertChannel(input: $input) {\n      channelId\n      name\n    }\n  }\n':
    types.SaveAlertChannelDocument,
  '\n  mutation DeleteAlertChannel($id: ID!) {\n    deleteAlertChannel(channelId: $id)\n  }\n': types.DeleteAlertChannelDocument,
  '\n  mutation TestAlertChannel($id: ID!) {\n    testAlertChannel(channelId: $id)\n  }\n': types.TestAlertChannelDocument,
  '\n  mutation SaveAlertRule($input: AlertRuleInput!) {\n    saveAlertRule(input: $input) {\n      ruleId\n      name\n    }\n  }\n':
    types.SaveAlertRuleDocument,
  '\n  mutation DeleteAlertRule($id: ID!) {\n    deleteAlertRule(ruleId: $id)\n  }\n': types.DeleteAlertRuleDocument,
  '\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(ruleId: $id) {\n      acknowledgedBy\n    }\n  }\n':
    types.AcknowledgeAlertDocument,
  '\n  mutation SilenceAlerts($input: AlertSilenceInput!) {\n    silenceAlerts(input: $input) {\n      silenceId\n    }\n  }\n':
    types.SilenceAlertsDocument,
  '\n  mutation EndAlertSilence($id: ID!) {\n    endAlertSilence(silenceId: $id)\n  }\n': types.EndAlertSilenceDocument,
  '\n  query AuditLog($filter: AuditFilterInput, $first: Int!, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        actor\n        actorKind\n        actorRole\n        operation\n        targetType\n        targetId\n        outcome\n        before\n        after\n        error\n        clientAddress\n        requestId\n      }\n    }\n  }\n':
    types.AuditLogDocument,
  '\n  query Me {\n    me {\n      username\n      displayName\n      kind\n      role\n      plants\n      permissions\n      home\n    }\n  }\n':
    types.MeDocument,
  '\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        username\n        role\n      }\n    }\n  }\n':
    types.LoginDocument,
  '\n  mutation Logout {\n    logout\n  }\n': types.LogoutDocument,
  '\n  query DeadLetters($filter: DeadLetterFilterInput, $first: Int!, $after: String) {\n    deadLetters(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        receivedAt\n        source\n        topic\n        clientId\n        plant\n        reasonCode\n        reason\n        payload\n        payloadBytes\n        payloadTruncated\n        status\n        statusChangedAt\n        statusChangedBy\n        statusReason\n      }\n    }\n  }\n':
    types.DeadLettersDocument,
  '\n  query DeadLetterCounts {\n    deadLetterCounts {\n      source\n      reason\n      status\n      count\n    }\n  }\n':
    types.DeadLetterCountsDocument,
  '\n  mutation RedeliverDeadLetters($target: DeadLetterTargetInput!, $payload: String) {\n    redeliverDeadLetters(target: $target, payload: $payload) {\n      redelivered\n      failed {\n        id\n        reason\n      }\n    }\n  }\n':
    types.RedeliverDeadLettersDocument,
  '\n  mutation DiscardDeadLetters($target: DeadLetterTargetInput!, $reason: String!) {\n    discardDeadLetters(target: $target, reason: $reason) {\n      changed\n    }\n  }\n':
    types.DiscardDeadLettersDocument,
  '\n  query Finding($id: ID!) {\n    finding(id: $id) {\n      finding {\n        ...FindingFields\n      }\n      meaning\n      history {\n        at\n        kind\n        status\n        assignee\n        comment\n        actor\n      }\n      deviceEvents {\n        eventId\n        eventTime\n        plant\n        line\n        asset\n        orderId\n        material\n        eventType\n        quantity\n        unit\n        quantityInFindingUnit\n      }\n      postings {\n        documentId\n        postedAt\n        plant\n        orderId\n        material\n        postingType\n        quantity\n        unit\n        deviceEventId\n        reversesDocumentId\n      }\n      rules\n    }\n  }\n':
    types.FindingDocument,
  '\n  mutation CommentOnFinding($id: ID!, $comment: String!) {\n    commentOnFinding(id: $id, comment: $comment) {\n      changed\n    }\n  }\n':
    types.CommentOnFindingDocument,
  '\n  fragment FindingFields on Finding {\n    id\n    type\n    status\n    severity\n    priority\n    plant\n    line\n    flow\n    orderId\n    material\n    eventIds\n    postingIds\n    correlationIds\n    deviceQuantity\n    erpQuantity\n    unit\n    valueAtRisk\n    currency\n    happenedAt\n    conditionSince\n    firstSeenAt\n    lastSeenAt\n    resolution\n    statusChangedAt\n    statusChangedBy\n    assignee\n    details\n    rulesVersion\n    ageSeconds\n  }\n':
    types.FindingFieldsFragmentDoc,
  '\n  query Findings($filter: FindingFilterInput, $orderBy: FindingOrder!, $descending: Boolean!, $first: Int!, $after: String) {\n    findings(filter: $filter, orderBy: $orderBy, descending: $descending, first: $first, after: $after) {\n      totalCount\n      readAt\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...FindingFields\n      }\n    }\n  }\n':
    types.FindingsDocument,
  '\n  query FindingCounts($filter: FindingFilterInput) {\n    findingCounts(filter: $filter) {\n      type\n      status\n      count\n      valueAtRisk\n    }\n    currencyOf: findings(filter: $filter, first: 1) {\n      nodes {\n        id\n        currency\n      }\n    }\n  }\n':
    types.FindingCountsDocument,
  '\n  query FindingGroups($filter: FindingFilterInput, $first: Int!) {\n    findingGroups(filter: $filter, first: $first) {\n      type\n      plant\n      line\n      flow\n      hour\n      count\n      activeCount\n      valueAtRisk\n      currency\n      worstSeverity\n      statuses\n      readAt\n    }\n  }\n':
    types.FindingGroupsDocument,
  '\n  mutation AcknowledgeFindings($target: FindingTargetInput!, $comment: String) {\n    acknowledgeFindings(target: $target, comment: $comment) {\n      changed\n    }\n  }\n':
    types.AcknowledgeFindingsDocument,
  '\n  mutation AssignFindings($target: FindingTargetInput!, $assignee: String!, $comment: String) {\n    assignFindings(target: $target, assignee: $assignee, comment: $comment) {\n      changed\n    }\n  }\n':
    types.AssignFindingsDocument,
  '\n  mutation ResolveFindings($target: FindingTargetInput!, $reason: String!) {\n    resolveFindings(target: $target, reason: $reason) {\n      changed\n    }\n  }\n':
    types.ResolveFindingsDocument,
  '\n  mutation IgnoreFindings($target: FindingTargetInput!, $reason: String!) {\n    ignoreFindings(target: $target, reason: $reason) {\n      changed\n    }\n  }\n':
    types.IgnoreFindingsDocument,
  '\n  fragment PersonFields on User {\n    username\n    displayName\n    role\n    plants\n    disabled\n    createdAt\n    createdBy\n    updatedAt\n    updatedBy\n  }\n':
    types.PersonFieldsFragmentDoc,
  '\n  query Users {\n    users {\n      ...PersonFields\n    }\n  }\n': types.UsersDocument,
  '\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...PersonFields\n    }\n  }\n':
    types.CreateUserDocument,
  '\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...PersonFields\n    }\n  }\n':
    types.UpdateUserDocument,
  '\n  mutation DisableUser($username: String!) {\n    disableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n':
    types.DisableUserDocument,
  '\n  mutation EnableUser($username: String!) {\n    enableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n':
    types.EnableUserDocument,
  '\n  mutation ResetPassword($username: String!, $newPassword: String!) {\n    resetPassword(username: $username, newPassword: $newPassword) {\n      ...PersonFields\n    }\n  }\n':
    types.ResetPasswordDocument,
  '\n  fragment ReplayPlan on ReplayRequestResult {\n    batchId\n    dryRun\n    toSend\n    skipped\n    items {\n      findingId\n      correlationId\n      businessKey\n      flow\n      plant\n      targetUrl\n      idempotencyKey\n      payload\n      send\n      skip\n      reason\n    }\n  }\n':
    types.ReplayPlanFragmentDoc,
  '\n  mutation ReplayFindings($ids: [String!], $filter: FindingFilterInput, $dryRun: Boolean!, $reason: String!) {\n    replay(findingIds: $ids, filter: $filter, dryRun: $dryRun, reason: $reason) {\n      ...ReplayPlan\n    }\n  }\n':
    types.ReplayFindingsDocument,
  '\n  mutation ReplayMessages($ids: [String!]!, $dryRun: Boolean!, $reason: String!, $payload: String) {\n    replayMessages(correlationIds: $ids, dryRun: $dryRun, reason: $reason, payload: $payload) {\n      ...ReplayPlan\n    }\n  }\n':
    types.ReplayMessagesDocument,
  '\n  query ReplayBatches($first: Int!) {\n    replayBatches(first: $first) {\n      id\n      reason\n      requestedBy\n      requestedAt\n      total\n      state\n      ratePerSecond\n      queued\n      sent\n      skipped\n      failed\n      dead\n      cancelled\n    }\n  }\n':
    types.ReplayBatchesDocument,
  '\n  query ReplayItems($batchId: String!) {\n    replayItems(batchId: $batchId) {\n      id\n      correlationId\n      businessKey\n      findingId\n      plant\n      targetUrl\n      state\n      outcome\n      responseCode\n      documentId\n      attempts\n      updatedAt\n      edited\n    }\n  }\n':
    types.ReplayItemsDocument,
  '\n  query DeadReplays {\n    deadReplays(first: 100) {\n      id\n      batchId\n      correlationId\n      businessKey\n      plant\n      targetUrl\n      state\n      outcome\n      attempts\n      updatedAt\n    }\n  }\n':
    types.DeadReplaysDocument,
  '\n  mutation PauseReplay($id: String!) {\n    pauseReplay(id: $id) {\n      id\n      state\n    }\n  }\n':
    types.PauseReplayDocument,
  '\n  mutation ResumeReplay($id: String!) {\n    resumeReplay(id: $id) {\n      id\n      state\n    }\n  }\n':
    types.ResumeReplayDocument,
  '\n  mutation CancelReplay($id: String!) {\n    cancelReplay(id: $id) {\n      id\n      state\n    }\n  }\n':
    types.CancelReplayDocument,
  '\n  mutation SetReplayRate($id: String!, $rate: Float!) {\n    setReplayRate(id: $id, ratePerSecond: $rate) {\n      id\n      ratePerSecond\n    }\n  }\n':
    types.SetReplayRateDocument,
  '\n  query ReplayTargets {\n    replayTargets {\n      flow\n      plant\n      url\n      method\n      headers {\n        name\n        secret\n      }\n      timeoutMs\n      ratePerSecond\n      concurrency\n      checkMode\n      lookupUrl\n      enabled\n      autoReplay\n      autoClasses\n      autoMax\n      updatedBy\n      updatedAt\n    }\n  }\n':
    types.ReplayTargetsDocument,
  '\n  mutation SaveReplayTarget($input: ReplayTargetInput!) {\n    saveReplayTarget(input: $input) {\n      flow\n      plant\n      url\n    }\n  }\n':
    types.SaveReplayTargetDocument,
  '\n  fragment RoiAssumptionFields on RoiAssumptions {\n    minutesPerManualReconciliation\n    secondsPerPostingCheck\n    hourlyCost\n    currency\n    baselineMode\n    baselineFrom\n    baselineTo\n    measured {\n      noTouchShare\n      autoResolvedShare\n      meanHoursToResolve\n      manualHoursPer30Days\n      inventoryAccuracy\n      maintenanceResponseHours\n      incidentsPer30Days\n      latencyP95Seconds\n    }\n    updatedBy\n    updatedAt\n  }\n':
    types.RoiAssumptionFieldsFragmentDoc,
  '\n  query RoiReport($range: TimeRangeInput!, $filter: RoiFilterInput) {\n    roi(range: $range, filter: $filter) {\n      from\n      to\n      currency\n      baselineFrom\n      baselineTo\n      assumptions {\n        ...RoiAssumptionFields\n      }\n      figures {\n        key\n        label\n        value\n        unit\n        baseline\n        higherIsBetter\n        howComputed\n        assumptions\n        breakdown {\n          label\n          value\n          unit\n        }\n      }\n      byPlantFlow {\n        plant\n        flow\n        postings\n        noTouchShare\n        resolvedAuto\n        resolvedManual\n        valueAtRiskOpen\n        valueRecovered\n        hoursAvoided\n      }\n      latencyTrend {\n        t\n        p50\n        p95\n      }\n    }\n  }\n':
    types.RoiReportDocument,
  '\n  mutation SaveRoiAssumptions($input: RoiAssumptionsInput!) {\n    saveRoiAssumptions(input: $input) {\n      ...RoiAssumptionFields\n    }\n  }\n':
    types.SaveRoiAssumptionsDocument,
  '\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      plants\n      kinds\n      rateLimitPerMinute\n      createdAt\n      createdBy\n      revoked\n    }\n  }\n':
    types.ApiKeysDocument,
  '\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      token\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n':
    types.CreateApiKeyDocument,
  '\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n': types.RevokeApiKeyDocument,
  '\n  query PlantCalendars {\n    plantCalendars {\n      plant\n      timezone\n      silentMinutes\n      shifts {\n        weekday\n        start\n        end\n      }\n      stops {\n        startsAt\n        endsAt\n        reason\n      }\n      holidays\n    }\n  }\n':
    types.PlantCalendarsDocument,
  '\n  mutation SetPlantCalendar($input: PlantCalendarInput!) {\n    setPlantCalendar(input: $input) {\n      plant\n    }\n  }\n':
    types.SetPlantCalendarDocument,
  '\n  mutation CreatePlantFromTemplate($plant: String!, $fromPlant: String!) {\n    createPlantFromTemplate(plant: $plant, fromPlant: $fromPlant) {\n      plant\n      fromPlant\n      calendar\n      replayTargets\n      alertRules\n    }\n  }\n':
    types.CreatePlantFromTemplateDocument,
  '\n  query FlowRules {\n    flowRules {\n      flow\n      slaSeconds\n      graceSeconds\n      toleranceAbs\n      tolerancePct\n      eventTypes\n      postingTypes\n      requiresReference\n      priority\n      highValue\n      bucketMinutes\n      enabled\n      updatedBy\n      updatedAt\n    }\n  }\n':
    types.FlowRulesDocument,
  '\n  mutation UpdateFlowRules($input: FlowRulesInput!) {\n    updateFlowRules(input: $input) {\n      flow\n      version\n    }\n  }\n':
    types.UpdateFlowRulesDocument,
  '\n  query MasterData {\n    unitConversions {\n      material\n      fromUnit\n      toUnit\n      factor\n    }\n    materialCosts {\n      material\n      cost\n      unit\n    }\n  }\n':
    types.MasterDataDocument,
  '\n  mutation SetUnitConversion($input: UnitConversionInput!) {\n    setUnitConversion(input: $input) {\n      material\n      fromUnit\n      toUnit\n      factor\n    }\n  }\n':
    types.SetUnitConversionDocument,
  '\n  mutation SetMaterialCost($input: MaterialCostInput!) {\n    setMaterialCost(input: $input) {\n      material\n      cost\n      unit\n    }\n  }\n':
    types.SetMaterialCostDocument,
  '\n  query RoiAssumptionsSettings {\n    roiAssumptions {\n      ...RoiAssumptionFields\n    }\n  }\n':
    types.RoiAssumptionsSettingsDocument,
  '\n  fragment SyncLagPeriodFields on SyncLagPeriod {\n    from\n    to\n    messages\n    posted\n    failed\n    withinSlaShare\n    lagP50Seconds\n    lagP95Seconds\n    lagP99Seconds\n    stalestLineAt\n    stalestLineAgeSeconds\n    openMissingPostings\n    silentLines\n  }\n':
    types.SyncLagPeriodFieldsFragmentDoc,
  '\n  query SyncLagDashboard($range: TimeRangeInput!, $filter: SyncLagFilterInput) {\n    syncLagKpis(range: $range, filter: $filter) {\n      current {\n        ...SyncLagPeriodFields\n      }\n      previous {\n        ...SyncLagPeriodFields\n      }\n    }\n    syncLagSeries(range: $range, filter: $filter) {\n      flow\n      slaSeconds\n      bucketSeconds\n      points {\n        t\n        messages\n        posted\n        p50\n        p95\n        p99\n      }\n    }\n    syncLagGrid(range: $range, filter: $filter) {\n      plant\n      line\n      flow\n      messages\n      posted\n      failed\n      withinSlaShare\n      lagP95Seconds\n      slaSeconds\n      state\n      lastMessageAt\n    }\n    syncLagStages(range: $range, filter: $filter) {\n      fromStage\n      toStage\n      seconds\n      messages\n      meanSeconds\n      share\n    }\n  }\n':
    types.SyncLagDashboardDocument,
  '\n  fragment TraceMessageFields on TraceMessage {\n    correlationId\n    plant\n    line\n    flow\n    businessKey\n    orderId\n    batch\n    asset\n    material\n    firstHopAt\n    lastHopAt\n    durationMs\n    stages\n    firstStage\n    lastStage\n    missingStages\n    hasError\n    outcome\n    findingCount\n  }\n':
    types.TraceMessageFieldsFragmentDoc,
  '\n  query TraceSearch($query: String, $filter: TraceFilterInput, $first: Int!, $after: String) {\n    traceSearch(query: $query, filter: $filter, first: $first, after: $after) {\n      matchedAs\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...TraceMessageFields\n      }\n    }\n  }\n':
    types.TraceSearchDocument,
  '\n  query Trace($correlationId: String!, $hopsFirst: Int!, $hopsAfter: String) {\n    trace(correlationId: $correlationId, hopsFirst: $hopsFirst, hopsAfter: $hopsAfter) {\n      message {\n        ...TraceMessageFields\n      }\n      stitched {\n        ...TraceMessageFields\n      }\n      hopCount\n      hopsPageInfo {\n        hasNextPage\n        endCursor\n      }\n      hops {\n        hopId\n        correlationId\n        parentHopId\n        stage\n        system\n        status\n        errorCode\n        errorMessage\n        attempt\n        startAt\n        endAt\n        offsetMs\n        durationMs\n        gapMs\n        parentMissing\n        startsBeforeParentEnd\n        retry\n        stitched\n      }\n      deviceEvents {\n        eventId\n        eventTime\n        line\n        asset\n        orderId\n        material\n        eventType\n        quantity\n        unit\n      }\n      postings {\n        documentId\n        postedAt\n        postingType\n        orderId\n        material\n        quantity\n        unit\n        deviceEventId\n        reversesDocumentId\n      }\n      findings {\n        id\n        type\n        status\n        severity\n        details\n        valueAtRisk\n        currency\n      }\n    }\n  }\n':
    types.TraceDocument,
  '\n  query TraceHop($correlationId: String!, $hopId: String!, $fullPayload: Boolean!) {\n    traceHop(correlationId: $correlationId, hopId: $hopId, fullPayload: $fullPayload) {\n      hopId\n      correlationId\n      parentHopId\n      flow\n      stage\n      system\n      plant\n      line\n      asset\n      orderId\n      material\n      batch\n      eventType\n      quantity\n      unit\n      businessKey\n      startAt\n      endAt\n      status\n      errorCode\n      errorMessage\n      attempt\n      ingestedAt\n      attributes\n      payload\n      payloadBytes\n      payloadTruncated\n    }\n  }\n':
    types.TraceHopDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n',
): (typeof documents)['\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AlertsPage($canManage: Boolean!) {\n    alertChannels @include(if: $canManage) {\n      channelId\n      name\n      kind\n      format\n      url\n      recipients\n      enabled\n      updatedBy\n      updatedAt\n      lastStatus\n      lastError\n      lastSentAt\n      failuresSinceSent\n    }\n    alertRules {\n      ruleId\n      name\n      kind\n      minSeverity\n      minValueAtRisk\n      minutes\n      threshold\n      plants\n      flows\n      channelIds\n      escalationChannelIds\n      escalateAfterSeconds\n      repeatSeconds\n      groupSeconds\n      enabled\n      updatedBy\n      updatedAt\n      state {\n        firing\n        since\n        items\n        lastNotifiedAt\n        acknowledgedBy\n        acknowledgedAt\n        escalatedAt\n        silencedUntil\n      }\n    }\n    alertSilences {\n      silenceId\n      ruleId\n      startsAt\n      endsAt\n      reason\n      createdBy\n      cancelled\n    }\n    alertNotifications(first: 50) {\n      notificationId\n      channelId\n      ruleName\n      kind\n      createdAt\n      status\n      attempts\n      lastError\n      summary\n    }\n  }\n',
): (typeof documents)['\n  query AlertsPage($canManage: Boolean!) {\n    alertChannels @include(if: $canManage) {\n      channelId\n      name\n      kind\n      format\n      url\n      recipients\n      enabled\n      updatedBy\n      updatedAt\n      lastStatus\n      lastError\n      lastSentAt\n      failuresSinceSent\n    }\n    alertRules {\n      ruleId\n      name\n      kind\n      minSeverity\n      minValueAtRisk\n      minutes\n      threshold\n      plants\n      flows\n      channelIds\n      escalationChannelIds\n      escalateAfterSeconds\n      repeatSeconds\n      groupSeconds\n      enabled\n      updatedBy\n      updatedAt\n      state {\n        firing\n        since\n        items\n        lastNotifiedAt\n        acknowledgedBy\n        acknowledgedAt\n        escalatedAt\n        silencedUntil\n      }\n    }\n    alertSilences {\n      silenceId\n      ruleId\n      startsAt\n      endsAt\n      reason\n      createdBy\n      cancelled\n    }\n    alertNotifications(first: 50) {\n      notificationId\n      channelId\n      ruleName\n      kind\n      createdAt\n      status\n      attempts\n      lastError\n      summary\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveAlertChannel($input: AlertChannelInput!) {\n    saveAlertChannel(input: $input) {\n      channelId\n      name\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveAlertChannel($input: AlertChannelInput!) {\n    saveAlertChannel(input: $input) {\n      channelId\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteAlertChannel($id: ID!) {\n    deleteAlertChannel(channelId: $id)\n  }\n',
): (typeof documents)['\n  mutation DeleteAlertChannel($id: ID!) {\n    deleteAlertChannel(channelId: $id)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation TestAlertChannel($id: ID!) {\n    testAlertChannel(channelId: $id)\n  }\n',
): (typeof documents)['\n  mutation TestAlertChannel($id: ID!) {\n    testAlertChannel(channelId: $id)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveAlertRule($input: AlertRuleInput!) {\n    saveAlertRule(input: $input) {\n      ruleId\n      name\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveAlertRule($input: AlertRuleInput!) {\n    saveAlertRule(input: $input) {\n      ruleId\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteAlertRule($id: ID!) {\n    deleteAlertRule(ruleId: $id)\n  }\n',
): (typeof documents)['\n  mutation DeleteAlertRule($id: ID!) {\n    deleteAlertRule(ruleId: $id)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(ruleId: $id) {\n      acknowledgedBy\n    }\n  }\n',
): (typeof documents)['\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(ruleId: $id) {\n      acknowledgedBy\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SilenceAlerts($input: AlertSilenceInput!) {\n    silenceAlerts(input: $input) {\n      silenceId\n    }\n  }\n',
): (typeof documents)['\n  mutation SilenceAlerts($input: AlertSilenceInput!) {\n    silenceAlerts(input: $input) {\n      silenceId\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation EndAlertSilence($id: ID!) {\n    endAlertSilence(silenceId: $id)\n  }\n',
): (typeof documents)['\n  mutation EndAlertSilence($id: ID!) {\n    endAlertSilence(silenceId: $id)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AuditLog($filter: AuditFilterInput, $first: Int!, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        actor\n        actorKind\n        actorRole\n        operation\n        targetType\n        targetId\n        outcome\n        before\n        after\n        error\n        clientAddress\n        requestId\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AuditLog($filter: AuditFilterInput, $first: Int!, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        actor\n        actorKind\n        actorRole\n        operation\n        targetType\n        targetId\n        outcome\n        before\n        after\n        error\n        clientAddress\n        requestId\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Me {\n    me {\n      username\n      displayName\n      kind\n      role\n      plants\n      permissions\n      home\n    }\n  }\n',
): (typeof documents)['\n  query Me {\n    me {\n      username\n      displayName\n      kind\n      role\n      plants\n      permissions\n      home\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        username\n        role\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        username\n        role\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Logout {\n    logout\n  }\n',
): (typeof documents)['\n  mutation Logout {\n    logout\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DeadLetters($filter: DeadLetterFilterInput, $first: Int!, $after: String) {\n    deadLetters(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        receivedAt\n        source\n        topic\n        clientId\n        plant\n        reasonCode\n        reason\n        payload\n        payloadBytes\n        payloadTruncated\n        status\n        statusChangedAt\n        statusChangedBy\n        statusReason\n      }\n    }\n  }\n',
): (typeof documents)['\n  query DeadLetters($filter: DeadLetterFilterInput, $first: Int!, $after: String) {\n    deadLetters(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        receivedAt\n        source\n        topic\n        clientId\n        plant\n        reasonCode\n        reason\n        payload\n        payloadBytes\n        payloadTruncated\n        status\n        statusChangedAt\n        statusChangedBy\n        statusReason\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DeadLetterCounts {\n    deadLetterCounts {\n      source\n      reason\n      status\n      count\n    }\n  }\n',
): (typeof documents)['\n  query DeadLetterCounts {\n    deadLetterCounts {\n      source\n      reason\n      status\n      count\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RedeliverDeadLetters($target: DeadLetterTargetInput!, $payload: String) {\n    redeliverDeadLetters(target: $target, payload: $payload) {\n      redelivered\n      failed {\n        id\n        reason\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RedeliverDeadLetters($target: DeadLetterTargetInput!, $payload: String) {\n    redeliverDeadLetters(target: $target, payload: $payload) {\n      redelivered\n      failed {\n        id\n        reason\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DiscardDeadLetters($target: DeadLetterTargetInput!, $reason: String!) {\n    discardDeadLetters(target: $target, reason: $reason) {\n      changed\n    }\n  }\n',
): (typeof documents)['\n  mutation DiscardDeadLetters($target: DeadLetterTargetInput!, $reason: String!) {\n    discardDeadLetters(target: $target, reason: $reason) {\n      changed\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Finding($id: ID!) {\n    finding(id: $id) {\n      finding {\n        ...FindingFields\n      }\n      meaning\n      history {\n        at\n        kind\n        status\n        assignee\n        comment\n        actor\n      }\n      deviceEvents {\n        eventId\n        eventTime\n        plant\n        line\n        asset\n        orderId\n        material\n        eventType\n        quantity\n        unit\n        quantityInFindingUnit\n      }\n      postings {\n        documentId\n        postedAt\n        plant\n        orderId\n        material\n        postingType\n        quantity\n        unit\n        deviceEventId\n        reversesDocumentId\n      }\n      rules\n    }\n  }\n',
): (typeof documents)['\n  query Finding($id: ID!) {\n    finding(id: $id) {\n      finding {\n        ...FindingFields\n      }\n      meaning\n      history {\n        at\n        kind\n        status\n        assignee\n        comment\n        actor\n      }\n      deviceEvents {\n        eventId\n        eventTime\n        plant\n        line\n        asset\n        orderId\n        material\n        eventType\n        quantity\n        unit\n        quantityInFindingUnit\n      }\n      postings {\n        documentId\n        postedAt\n        plant\n        orderId\n        material\n        postingType\n        quantity\n        unit\n        deviceEventId\n        reversesDocumentId\n      }\n      rules\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CommentOnFinding($id: ID!, $comment: String!) {\n    commentOnFinding(id: $id, comment: $comment) {\n      changed\n    }\n  }\n',
): (typeof documents)['\n  mutation CommentOnFinding($id: ID!, $comment: String!) {\n    commentOnFinding(id: $id, comment: $comment) {\n      changed\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment FindingFields on Finding {\n    id\n    type\n    status\n    severity\n    priority\n    plant\n    line\n    flow\n    orderId\n    material\n    eventIds\n    postingIds\n    correlationIds\n    deviceQuantity\n    erpQuantity\n    unit\n    valueAtRisk\n    currency\n    happenedAt\n    conditionSince\n    firstSeenAt\n    lastSeenAt\n    resolution\n    statusChangedAt\n    statusChangedBy\n    assignee\n    details\n    rulesVersion\n    ageSeconds\n  }\n',
): (typeof documents)['\n  fragment FindingFields on Finding {\n    id\n    type\n    status\n    severity\n    priority\n    plant\n    line\n    flow\n    orderId\n    material\n    eventIds\n    postingIds\n    correlationIds\n    deviceQuantity\n    erpQuantity\n    unit\n    valueAtRisk\n    currency\n    happenedAt\n    conditionSince\n    firstSeenAt\n    lastSeenAt\n    resolution\n    statusChangedAt\n    statusChangedBy\n    assignee\n    details\n    rulesVersion\n    ageSeconds\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Findings($filter: FindingFilterInput, $orderBy: FindingOrder!, $descending: Boolean!, $first: Int!, $after: String) {\n    findings(filter: $filter, orderBy: $orderBy, descending: $descending, first: $first, after: $after) {\n      totalCount\n      readAt\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...FindingFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Findings($filter: FindingFilterInput, $orderBy: FindingOrder!, $descending: Boolean!, $first: Int!, $after: String) {\n    findings(filter: $filter, orderBy: $orderBy, descending: $descending, first: $first, after: $after) {\n      totalCount\n      readAt\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...FindingFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query FindingCounts($filter: FindingFilterInput) {\n    findingCounts(filter: $filter) {\n      type\n      status\n      count\n      valueAtRisk\n    }\n    currencyOf: findings(filter: $filter, first: 1) {\n      nodes {\n        id\n        currency\n      }\n    }\n  }\n',
): (typeof documents)['\n  query FindingCounts($filter: FindingFilterInput) {\n    findingCounts(filter: $filter) {\n      type\n      status\n      count\n      valueAtRisk\n    }\n    currencyOf: findings(filter: $filter, first: 1) {\n      nodes {\n        id\n        currency\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query FindingGroups($filter: FindingFilterInput, $first: Int!) {\n    findingGroups(filter: $filter, first: $first) {\n      type\n      plant\n      line\n      flow\n      hour\n      count\n      activeCount\n      valueAtRisk\n      currency\n      worstSeverity\n      statuses\n      readAt\n    }\n  }\n',
): (typeof documents)['\n  query FindingGroups($filter: FindingFilterInput, $first: Int!) {\n    findingGroups(filter: $filter, first: $first) {\n      type\n      plant\n      line\n      flow\n      hour\n      count\n      activeCount\n      valueAtRisk\n      currency\n      worstSeverity\n      statuses\n      readAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AcknowledgeFindings($target: FindingTargetInput!, $comment: String) {\n    acknowledgeFindings(target: $target, comment: $comment) {\n      changed\n    }\n  }\n',
): (typeof documents)['\n  mutation AcknowledgeFindings($target: FindingTargetInput!, $comment: String) {\n    acknowledgeFindings(target: $target, comment: $comment) {\n      changed\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AssignFindings($target: FindingTargetInput!, $assignee: String!, $comment: String) {\n    assignFindings(target: $target, assignee: $assignee, comment: $comment) {\n      changed\n    }\n  }\n',
): (typeof documents)['\n  mutation AssignFindings($target: FindingTargetInput!, $assignee: String!, $comment: String) {\n    assignFindings(target: $target, assignee: $assignee, comment: $comment) {\n      changed\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResolveFindings($target: FindingTargetInput!, $reason: String!) {\n    resolveFindings(target: $target, reason: $reason) {\n      changed\n    }\n  }\n',
): (typeof documents)['\n  mutation ResolveFindings($target: FindingTargetInput!, $reason: String!) {\n    resolveFindings(target: $target, reason: $reason) {\n      changed\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation IgnoreFindings($target: FindingTargetInput!, $reason: String!) {\n    ignoreFindings(target: $target, reason: $reason) {\n      changed\n    }\n  }\n',
): (typeof documents)['\n  mutation IgnoreFindings($target: FindingTargetInput!, $reason: String!) {\n    ignoreFindings(target: $target, reason: $reason) {\n      changed\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment PersonFields on User {\n    username\n    displayName\n    role\n    plants\n    disabled\n    createdAt\n    createdBy\n    updatedAt\n    updatedBy\n  }\n',
): (typeof documents)['\n  fragment PersonFields on User {\n    username\n    displayName\n    role\n    plants\n    disabled\n    createdAt\n    createdBy\n    updatedAt\n    updatedBy\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Users {\n    users {\n      ...PersonFields\n    }\n  }\n',
): (typeof documents)['\n  query Users {\n    users {\n      ...PersonFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...PersonFields\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...PersonFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...PersonFields\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...PersonFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DisableUser($username: String!) {\n    disableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n',
): (typeof documents)['\n  mutation DisableUser($username: String!) {\n    disableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation EnableUser($username: String!) {\n    enableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n',
): (typeof documents)['\n  mutation EnableUser($username: String!) {\n    enableUser(username: $username) {\n      ...PersonFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResetPassword($username: String!, $newPassword: String!) {\n    resetPassword(username: $username, newPassword: $newPassword) {\n      ...PersonFields\n    }\n  }\n',
): (typeof documents)['\n  mutation ResetPassword($username: String!, $newPassword: String!) {\n    resetPassword(username: $username, newPassword: $newPassword) {\n      ...PersonFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ReplayPlan on ReplayRequestResult {\n    batchId\n    dryRun\n    toSend\n    skipped\n    items {\n      findingId\n      correlationId\n      businessKey\n      flow\n      plant\n      targetUrl\n      idempotencyKey\n      payload\n      send\n      skip\n      reason\n    }\n  }\n',
): (typeof documents)['\n  fragment ReplayPlan on ReplayRequestResult {\n    batchId\n    dryRun\n    toSend\n    skipped\n    items {\n      findingId\n      correlationId\n      businessKey\n      flow\n      plant\n      targetUrl\n      idempotencyKey\n      payload\n      send\n      skip\n      reason\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReplayFindings($ids: [String!], $filter: FindingFilterInput, $dryRun: Boolean!, $reason: String!) {\n    replay(findingIds: $ids, filter: $filter, dryRun: $dryRun, reason: $reason) {\n      ...ReplayPlan\n    }\n  }\n',
): (typeof documents)['\n  mutation ReplayFindings($ids: [String!], $filter: FindingFilterInput, $dryRun: Boolean!, $reason: String!) {\n    replay(findingIds: $ids, filter: $filter, dryRun: $dryRun, reason: $reason) {\n      ...ReplayPlan\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReplayMessages($ids: [String!]!, $dryRun: Boolean!, $reason: String!, $payload: String) {\n    replayMessages(correlationIds: $ids, dryRun: $dryRun, reason: $reason, payload: $payload) {\n      ...ReplayPlan\n    }\n  }\n',
): (typeof documents)['\n  mutation ReplayMessages($ids: [String!]!, $dryRun: Boolean!, $reason: String!, $payload: String) {\n    replayMessages(correlationIds: $ids, dryRun: $dryRun, reason: $reason, payload: $payload) {\n      ...ReplayPlan\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ReplayBatches($first: Int!) {\n    replayBatches(first: $first) {\n      id\n      reason\n      requestedBy\n      requestedAt\n      total\n      state\n      ratePerSecond\n      queued\n      sent\n      skipped\n      failed\n      dead\n      cancelled\n    }\n  }\n',
): (typeof documents)['\n  query ReplayBatches($first: Int!) {\n    replayBatches(first: $first) {\n      id\n      reason\n      requestedBy\n      requestedAt\n      total\n      state\n      ratePerSecond\n      queued\n      sent\n      skipped\n      failed\n      dead\n      cancelled\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ReplayItems($batchId: String!) {\n    replayItems(batchId: $batchId) {\n      id\n      correlationId\n      businessKey\n      findingId\n      plant\n      targetUrl\n      state\n      outcome\n      responseCode\n      documentId\n      attempts\n      updatedAt\n      edited\n    }\n  }\n',
): (typeof documents)['\n  query ReplayItems($batchId: String!) {\n    replayItems(batchId: $batchId) {\n      id\n      correlationId\n      businessKey\n      findingId\n      plant\n      targetUrl\n      state\n      outcome\n      responseCode\n      documentId\n      attempts\n      updatedAt\n      edited\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DeadReplays {\n    deadReplays(first: 100) {\n      id\n      batchId\n      correlationId\n      businessKey\n      plant\n      targetUrl\n      state\n      outcome\n      attempts\n      updatedAt\n    }\n  }\n',
): (typeof documents)['\n  query DeadReplays {\n    deadReplays(first: 100) {\n      id\n      batchId\n      correlationId\n      businessKey\n      plant\n      targetUrl\n      state\n      outcome\n      attempts\n      updatedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PauseReplay($id: String!) {\n    pauseReplay(id: $id) {\n      id\n      state\n    }\n  }\n',
): (typeof documents)['\n  mutation PauseReplay($id: String!) {\n    pauseReplay(id: $id) {\n      id\n      state\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResumeReplay($id: String!) {\n    resumeReplay(id: $id) {\n      id\n      state\n    }\n  }\n',
): (typeof documents)['\n  mutation ResumeReplay($id: String!) {\n    resumeReplay(id: $id) {\n      id\n      state\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CancelReplay($id: String!) {\n    cancelReplay(id: $id) {\n      id\n      state\n    }\n  }\n',
): (typeof documents)['\n  mutation CancelReplay($id: String!) {\n    cancelReplay(id: $id) {\n      id\n      state\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetReplayRate($id: String!, $rate: Float!) {\n    setReplayRate(id: $id, ratePerSecond: $rate) {\n      id\n      ratePerSecond\n    }\n  }\n',
): (typeof documents)['\n  mutation SetReplayRate($id: String!, $rate: Float!) {\n    setReplayRate(id: $id, ratePerSecond: $rate) {\n      id\n      ratePerSecond\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ReplayTargets {\n    replayTargets {\n      flow\n      plant\n      url\n      method\n      headers {\n        name\n        secret\n      }\n      timeoutMs\n      ratePerSecond\n      concurrency\n      checkMode\n      lookupUrl\n      enabled\n      autoReplay\n      autoClasses\n      autoMax\n      updatedBy\n      updatedAt\n    }\n  }\n',
): (typeof documents)['\n  query ReplayTargets {\n    replayTargets {\n      flow\n      plant\n      url\n      method\n      headers {\n        name\n        secret\n      }\n      timeoutMs\n      ratePerSecond\n      concurrency\n      checkMode\n      lookupUrl\n      enabled\n      autoReplay\n      autoClasses\n      autoMax\n      updatedBy\n      updatedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveReplayTarget($input: ReplayTargetInput!) {\n    saveReplayTarget(input: $input) {\n      flow\n      plant\n      url\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveReplayTarget($input: ReplayTargetInput!) {\n    saveReplayTarget(input: $input) {\n      flow\n      plant\n      url\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment RoiAssumptionFields on RoiAssumptions {\n    minutesPerManualReconciliation\n    secondsPerPostingCheck\n    hourlyCost\n    currency\n    baselineMode\n    baselineFrom\n    baselineTo\n    measured {\n      noTouchShare\n      autoResolvedShare\n      meanHoursToResolve\n      manualHoursPer30Days\n      inventoryAccuracy\n      maintenanceResponseHours\n      incidentsPer30Days\n      latencyP95Seconds\n    }\n    updatedBy\n    updatedAt\n  }\n',
): (typeof documents)['\n  fragment RoiAssumptionFields on RoiAssumptions {\n    minutesPerManualReconciliation\n    secondsPerPostingCheck\n    hourlyCost\n    currency\n    baselineMode\n    baselineFrom\n    baselineTo\n    measured {\n      noTouchShare\n      autoResolvedShare\n      meanHoursToResolve\n      manualHoursPer30Days\n      inventoryAccuracy\n      maintenanceResponseHours\n      incidentsPer30Days\n      latencyP95Seconds\n    }\n    updatedBy\n    updatedAt\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RoiReport($range: TimeRangeInput!, $filter: RoiFilterInput) {\n    roi(range: $range, filter: $filter) {\n      from\n      to\n      currency\n      baselineFrom\n      baselineTo\n      assumptions {\n        ...RoiAssumptionFields\n      }\n      figures {\n        key\n        label\n        value\n        unit\n        baseline\n        higherIsBetter\n        howComputed\n        assumptions\n        breakdown {\n          label\n          value\n          unit\n        }\n      }\n      byPlantFlow {\n        plant\n        flow\n        postings\n        noTouchShare\n        resolvedAuto\n        resolvedManual\n        valueAtRiskOpen\n        valueRecovered\n        hoursAvoided\n      }\n      latencyTrend {\n        t\n        p50\n        p95\n      }\n    }\n  }\n',
): (typeof documents)['\n  query RoiReport($range: TimeRangeInput!, $filter: RoiFilterInput) {\n    roi(range: $range, filter: $filter) {\n      from\n      to\n      currency\n      baselineFrom\n      baselineTo\n      assumptions {\n        ...RoiAssumptionFields\n      }\n      figures {\n        key\n        label\n        value\n        unit\n        baseline\n        higherIsBetter\n        howComputed\n        assumptions\n        breakdown {\n          label\n          value\n          unit\n        }\n      }\n      byPlantFlow {\n        plant\n        flow\n        postings\n        noTouchShare\n        resolvedAuto\n        resolvedManual\n        valueAtRiskOpen\n        valueRecovered\n        hoursAvoided\n      }\n      latencyTrend {\n        t\n        p50\n        p95\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveRoiAssumptions($input: RoiAssumptionsInput!) {\n    saveRoiAssumptions(input: $input) {\n      ...RoiAssumptionFields\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveRoiAssumptions($input: RoiAssumptionsInput!) {\n    saveRoiAssumptions(input: $input) {\n      ...RoiAssumptionFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      plants\n      kinds\n      rateLimitPerMinute\n      createdAt\n      createdBy\n      revoked\n    }\n  }\n',
): (typeof documents)['\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      plants\n      kinds\n      rateLimitPerMinute\n      createdAt\n      createdBy\n      revoked\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      token\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      token\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n',
): (typeof documents)['\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PlantCalendars {\n    plantCalendars {\n      plant\n      timezone\n      silentMinutes\n      shifts {\n        weekday\n        start\n        end\n      }\n      stops {\n        startsAt\n        endsAt\n        reason\n      }\n      holidays\n    }\n  }\n',
): (typeof documents)['\n  query PlantCalendars {\n    plantCalendars {\n      plant\n      timezone\n      silentMinutes\n      shifts {\n        weekday\n        start\n        end\n      }\n      stops {\n        startsAt\n        endsAt\n        reason\n      }\n      holidays\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetPlantCalendar($input: PlantCalendarInput!) {\n    setPlantCalendar(input: $input) {\n      plant\n    }\n  }\n',
): (typeof documents)['\n  mutation SetPlantCalendar($input: PlantCalendarInput!) {\n    setPlantCalendar(input: $input) {\n      plant\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreatePlantFromTemplate($plant: String!, $fromPlant: String!) {\n    createPlantFromTemplate(plant: $plant, fromPlant: $fromPlant) {\n      plant\n      fromPlant\n      calendar\n      replayTargets\n      alertRules\n    }\n  }\n',
): (typeof documents)['\n  mutation CreatePlantFromTemplate($plant: String!, $fromPlant: String!) {\n    createPlantFromTemplate(plant: $plant, fromPlant: $fromPlant) {\n      plant\n      fromPlant\n      calendar\n      replayTargets\n      alertRules\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query FlowRules {\n    flowRules {\n      flow\n      slaSeconds\n      graceSeconds\n      toleranceAbs\n      tolerancePct\n      eventTypes\n      postingTypes\n      requiresReference\n      priority\n      highValue\n      bucketMinutes\n      enabled\n      updatedBy\n      updatedAt\n    }\n  }\n',
): (typeof documents)['\n  query FlowRules {\n    flowRules {\n      flow\n      slaSeconds\n      graceSeconds\n      toleranceAbs\n      tolerancePct\n      eventTypes\n      postingTypes\n      requiresReference\n      priority\n      highValue\n      bucketMinutes\n      enabled\n      updatedBy\n      updatedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateFlowRules($input: FlowRulesInput!) {\n    updateFlowRules(input: $input) {\n      flow\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateFlowRules($input: FlowRulesInput!) {\n    updateFlowRules(input: $input) {\n      flow\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MasterData {\n    unitConversions {\n      material\n      fromUnit\n      toUnit\n      factor\n    }\n    materialCosts {\n      material\n      cost\n      unit\n    }\n  }\n',
): (typeof documents)['\n  query MasterData {\n    unitConversions {\n      material\n      fromUnit\n      toUnit\n      factor\n    }\n    materialCosts {\n      material\n      cost\n      unit\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetUnitConversion($input: UnitConversionInput!) {\n    setUnitConversion(input: $input) {\n      material\n      fromUnit\n      toUnit\n      factor\n    }\n  }\n',
): (typeof documents)['\n  mutation SetUnitConversion($input: UnitConversionInput!) {\n    setUnitConversion(input: $input) {\n      material\n      fromUnit\n      toUnit\n      factor\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetMaterialCost($input: MaterialCostInput!) {\n    setMaterialCost(input: $input) {\n      material\n      cost\n      unit\n    }\n  }\n',
): (typeof documents)['\n  mutation SetMaterialCost($input: MaterialCostInput!) {\n    setMaterialCost(input: $input) {\n      material\n      cost\n      unit\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RoiAssumptionsSettings {\n    roiAssumptions {\n      ...RoiAssumptionFields\n    }\n  }\n',
): (typeof documents)['\n  query RoiAssumptionsSettings {\n    roiAssumptions {\n      ...RoiAssumptionFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment SyncLagPeriodFields on SyncLagPeriod {\n    from\n    to\n    messages\n    posted\n    failed\n    withinSlaShare\n    lagP50Seconds\n    lagP95Seconds\n    lagP99Seconds\n    stalestLineAt\n    stalestLineAgeSeconds\n    openMissingPostings\n    silentLines\n  }\n',
): (typeof documents)['\n  fragment SyncLagPeriodFields on SyncLagPeriod {\n    from\n    to\n    messages\n    posted\n    failed\n    withinSlaShare\n    lagP50Seconds\n    lagP95Seconds\n    lagP99Seconds\n    stalestLineAt\n    stalestLineAgeSeconds\n    openMissingPostings\n    silentLines\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SyncLagDashboard($range: TimeRangeInput!, $filter: SyncLagFilterInput) {\n    syncLagKpis(range: $range, filter: $filter) {\n      current {\n        ...SyncLagPeriodFields\n      }\n      previous {\n        ...SyncLagPeriodFields\n      }\n    }\n    syncLagSeries(range: $range, filter: $filter) {\n      flow\n      slaSeconds\n      bucketSeconds\n      points {\n        t\n        messages\n        posted\n        p50\n        p95\n        p99\n      }\n    }\n    syncLagGrid(range: $range, filter: $filter) {\n      plant\n      line\n      flow\n      messages\n      posted\n      failed\n      withinSlaShare\n      lagP95Seconds\n      slaSeconds\n      state\n      lastMessageAt\n    }\n    syncLagStages(range: $range, filter: $filter) {\n      fromStage\n      toStage\n      seconds\n      messages\n      meanSeconds\n      share\n    }\n  }\n',
): (typeof documents)['\n  query SyncLagDashboard($range: TimeRangeInput!, $filter: SyncLagFilterInput) {\n    syncLagKpis(range: $range, filter: $filter) {\n      current {\n        ...SyncLagPeriodFields\n      }\n      previous {\n        ...SyncLagPeriodFields\n      }\n    }\n    syncLagSeries(range: $range, filter: $filter) {\n      flow\n      slaSeconds\n      bucketSeconds\n      points {\n        t\n        messages\n        posted\n        p50\n        p95\n        p99\n      }\n    }\n    syncLagGrid(range: $range, filter: $filter) {\n      plant\n      line\n      flow\n      messages\n      posted\n      failed\n      withinSlaShare\n      lagP95Seconds\n      slaSeconds\n      state\n      lastMessageAt\n    }\n    syncLagStages(range: $range, filter: $filter) {\n      fromStage\n      toStage\n      seconds\n      messages\n      meanSeconds\n      share\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment TraceMessageFields on TraceMessage {\n    correlationId\n    plant\n    line\n    flow\n    businessKey\n    orderId\n    batch\n    asset\n    material\n    firstHopAt\n    lastHopAt\n    durationMs\n    stages\n    firstStage\n    lastStage\n    missingStages\n    hasError\n    outcome\n    findingCount\n  }\n',
): (typeof documents)['\n  fragment TraceMessageFields on TraceMessage {\n    correlationId\n    plant\n    line\n    flow\n    businessKey\n    orderId\n    batch\n    asset\n    material\n    firstHopAt\n    lastHopAt\n    durationMs\n    stages\n    firstStage\n    lastStage\n    missingStages\n    hasError\n    outcome\n    findingCount\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TraceSearch($query: String, $filter: TraceFilterInput, $first: Int!, $after: String) {\n    traceSearch(query: $query, filter: $filter, first: $first, after: $after) {\n      matchedAs\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...TraceMessageFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  query TraceSearch($query: String, $filter: TraceFilterInput, $first: Int!, $after: String) {\n    traceSearch(query: $query, filter: $filter, first: $first, after: $after) {\n      matchedAs\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...TraceMessageFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Trace($correlationId: String!, $hopsFirst: Int!, $hopsAfter: String) {\n    trace(correlationId: $correlationId, hopsFirst: $hopsFirst, hopsAfter: $hopsAfter) {\n      message {\n        ...TraceMessageFields\n      }\n      stitched {\n        ...TraceMessageFields\n      }\n      hopCount\n      hopsPageInfo {\n        hasNextPage\n        endCursor\n      }\n      hops {\n        hopId\n        correlationId\n        parentHopId\n        stage\n        system\n        status\n        errorCode\n        errorMessage\n        attempt\n        startAt\n        endAt\n        offsetMs\n        durationMs\n        gapMs\n        parentMissing\n        startsBeforeParentEnd\n        retry\n        stitched\n      }\n      deviceEvents {\n        eventId\n        eventTime\n        line\n        asset\n        orderId\n        material\n        eventType\n        quantity\n        unit\n      }\n      postings {\n        documentId\n        postedAt\n        postingType\n        orderId\n        material\n        quantity\n        unit\n        deviceEventId\n        reversesDocumentId\n      }\n      findings {\n        id\n        type\n        status\n        severity\n        details\n        valueAtRisk\n        currency\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Trace($correlationId: String!, $hopsFirst: Int!, $hopsAfter: String) {\n    trace(correlationId: $correlationId, hopsFirst: $hopsFirst, hopsAfter: $hopsAfter) {\n      message {\n        ...TraceMessageFields\n      }\n      stitched {\n        ...TraceMessageFields\n      }\n      hopCount\n      hopsPageInfo {\n        hasNextPage\n        endCursor\n      }\n      hops {\n        hopId\n        correlationId\n        parentHopId\n        stage\n        system\n        status\n        errorCode\n        errorMessage\n        attempt\n        startAt\n        endAt\n        offsetMs\n        durationMs\n        gapMs\n        parentMissing\n        startsBeforeParentEnd\n        retry\n        stitched\n      }\n      deviceEvents {\n        eventId\n        eventTime\n        line\n        asset\n        orderId\n        material\n        eventType\n        quantity\n        unit\n      }\n      postings {\n        documentId\n        postedAt\n        postingType\n        orderId\n        material\n        quantity\n        unit\n        deviceEventId\n        reversesDocumentId\n      }\n      findings {\n        id\n        type\n        status\n        severity\n        details\n        valueAtRisk\n        currency\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TraceHop($correlationId: String!, $hopId: String!, $fullPayload: Boolean!) {\n    traceHop(correlationId: $correlationId, hopId: $hopId, fullPayload: $fullPayload) {\n      hopId\n      correlationId\n      parentHopId\n      flow\n      stage\n      system\n      plant\n      line\n      asset\n      orderId\n      material\n      batch\n      eventType\n      quantity\n      unit\n      businessKey\n      startAt\n      endAt\n      status\n      errorCode\n      errorMessage\n      attempt\n      ingestedAt\n      attributes\n      payload\n      payloadBytes\n      payloadTruncated\n    }\n  }\n',
): (typeof documents)['\n  query TraceHop($correlationId: String!, $hopId: String!, $fullPayload: Boolean!) {\n    traceHop(correlationId: $correlationId, hopId: $hopId, fullPayload: $fullPayload) {\n      hopId\n      correlationId\n      parentHopId\n      flow\n      stage\n      system\n      plant\n      line\n      asset\n      orderId\n      material\n      batch\n      eventType\n      quantity\n      unit\n      businessKey\n      startAt\n      endAt\n      status\n      errorCode\n      errorMessage\n      attempt\n      ingestedAt\n      attributes\n      payload\n      payloadBytes\n      payloadTruncated\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
