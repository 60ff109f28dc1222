import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../gql';
import type { AlertChannelInput, AlertRuleInput, AlertSilenceInput, AlertsPageQuery } from '../gql/graphql';

const AlertsPageDocument = graphql(`
  query AlertsPage($canManage: Boolean!) {
    alertChannels @include(if: $canManage) {
      channelId
      name
      kind
      format
      url
      recipients
      enabled
      updatedBy
      updatedAt
      lastStatus
      lastError
      lastSentAt
      failuresSinceSent
    }
    alertRules {
      ruleId
      name
      kind
      minSeverity
      minValueAtRisk
      minutes
      threshold
      plants
      flows
      channelIds
      escalationChannelIds
      escalateAfterSeconds
      repeatSeconds
      groupSeconds
      enabled
      updatedBy
      updatedAt
      state {
        firing
        since
        items
        lastNotifiedAt
        acknowledgedBy
        acknowledgedAt
        escalatedAt
        silencedUntil
      }
    }
    alertSilences {
      silenceId
      ruleId
      startsAt
      endsAt
      reason
      createdBy
      cancelled
    }
    alertNotifications(first: 50) {
      notificationId
      channelId
      ruleName
      kind
      createdAt
      status
      attempts
      lastError
      summary
    }
  }
`);

const SaveChannelDocument = graphql(`
  mutation SaveAlertChannel($input: AlertChannelInput!) {
    saveAlertChannel(input: $input) {
      channelId
      name
    }
  }
`);
const DeleteChannelDocument = graphql(`
  mutation DeleteAlertChannel($id: ID!) {
    deleteAlertChannel(channelId: $id)
  }
`);
const TestChannelDocument = graphql(`
  mutation TestAlertChannel($id: ID!) {
    testAlertChannel(channelId: $id)
  }
`);
const SaveRuleDocument = graphql(`
  mutation SaveAlertRule($input: AlertRuleInput!) {
    saveAlertRule(input: $input) {
      ruleId
      name
    }
  }
`);
const DeleteRuleDocument = graphql(`
  mutation DeleteAlertRule($id: ID!) {
    deleteAlertRule(ruleId: $id)
  }
`);
const AcknowledgeDocument = graphql(`
  mutation AcknowledgeAlert($id: ID!) {
    acknowledgeAlert(ruleId: $id) {
      acknowledgedBy
    }
  }
`);
const SilenceDocument = graphql(`
  mutation SilenceAlerts($input: AlertSilenceInput!) {
    silenceAlerts(input: $input) {
      silenceId
    }
  }
`);
const EndSilenceDocument = graphql(`
  mutation EndAlertSilence($id: ID!) {
    endAlertSilence(silenceId: $id)
  }
`);

export type AlertsData = AlertsPageQuery;
export type AlertChannelData = NonNullable<AlertsPageQuery['alertChannels']>[number];
export type AlertRuleData = AlertsPageQuery['alertRules'][number];

export function useAlertsPage(canManage: boolean) {
  const [result, reexecute] = useQuery({ query: AlertsPageDocument, variables: { canManage } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const [channelState, saveChannel] = useMutation(SaveChannelDocument);
  const [, deleteChannel] = useMutation(DeleteChannelDocument);
  const [, testChannel] = useMutation(TestChannelDocument);
  const [ruleState, saveRule] = useMutation(SaveRuleDocument);
  const [, deleteRule] = useMutation(DeleteRuleDocument);
  const [, acknowledge] = useMutation(AcknowledgeDocument);
  const [silenceState, silence] = useMutation(SilenceDocument);
  const [, endSilence] = useMutation(EndSilenceDocument);
  const after = async <T extends { error?: CombinedError }>(p: Promise<T>) => {
    const r = await p;
    if (!r.error) reload();
    return r;
  };
  return {
    data: result.data,
    error: result.error,
    reload,
    channelError: channelState.error,
    ruleError: ruleState.error,
    silenceError: silenceState.error,
    saveChannel: (input: AlertChannelInput) => after(saveChannel({ input })),
    deleteChannel: (id: string) => after(deleteChannel({ id })),
    testChannel: (id: string) => after(testChannel({ id })),
    saveRule: (input: AlertRuleInput) => after(saveRule({ input })),
    deleteRule: (id: string) => after(deleteRule({ id })),
    acknowledge: (id: string) => after(acknowledge({ id })),
    silence: (input: AlertSilenceInput) => after(silence({ input })),
    endSilence: (id: string) => after(endSilence({ id })),
  };
}
