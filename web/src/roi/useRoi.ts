import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { RoiAssumptionsInput, RoiReportQuery } from '../gql/graphql';

graphql(`
  fragment RoiAssumptionFields on RoiAssumptions {
    minutesPerManualReconciliation
    secondsPerPostingCheck
    hourlyCost
    currency
    baselineMode
    baselineFrom
    baselineTo
    measured {
      noTouchShare
      autoResolvedShare
      meanHoursToResolve
      manualHoursPer30Days
      inventoryAccuracy
      maintenanceResponseHours
      incidentsPer30Days
      latencyP95Seconds
    }
    updatedBy
    updatedAt
  }
`);

const RoiReportDocument = graphql(`
  query RoiReport($range: TimeRangeInput!, $filter: RoiFilterInput) {
    roi(range: $range, filter: $filter) {
      from
      to
      currency
      baselineFrom
      baselineTo
      assumptions {
        ...RoiAssumptionFields
      }
      figures {
        key
        label
        value
        unit
        baseline
        higherIsBetter
        howComputed
        assumptions
        breakdown {
          label
          value
          unit
        }
      }
      byPlantFlow {
        plant
        flow
        postings
        noTouchShare
        resolvedAuto
        resolvedManual
        valueAtRiskOpen
        valueRecovered
        hoursAvoided
      }
      latencyTrend {
        t
        p50
        p95
      }
    }
  }
`);

const SaveRoiAssumptionsDocument = graphql(`
  mutation SaveRoiAssumptions($input: RoiAssumptionsInput!) {
    saveRoiAssumptions(input: $input) {
      ...RoiAssumptionFields
    }
  }
`);

export type RoiReport = RoiReportQuery['roi'];
export type RoiFigureData = RoiReport['figures'][number];
export type RoiAssumptionsData = RoiReport['assumptions'];

export function useRoiReport(range: { from: string; to: string }, filter: { plants?: string[]; flows?: string[] }) {
  const [result, reexecute] = useQuery({ query: RoiReportDocument, variables: { range, filter } });
  return {
    report: result.data?.roi,
    error: result.error,
    fetching: result.fetching,
    reload: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useSaveRoiAssumptions() {
  const [state, save] = useMutation(SaveRoiAssumptionsDocument);
  return { saving: state.fetching, error: state.error, save: (input: RoiAssumptionsInput) => save({ input }) };
}
