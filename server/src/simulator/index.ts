/** The plant simulator's pure core: options, a seeded model, and window-by-window generation. */
export { Random, mix32, streamSeed } from './random';
export { isoFromMs, timeWriter, type TimeWriter } from './iso-time';
export {
  FAULT_TYPES,
  MESSAGE_FAULT_TYPES,
  POSTING_TYPE,
  SIM_FLOWS,
  SIM_STAGES,
  type FaultType,
  type MessageFaultType,
  type SimFlow,
  type SimStage,
} from './simulator-vocabulary';
export {
  DEFAULT_SIMULATOR_OPTIONS,
  SimulatorArgsError,
  parseSimulatorArgs,
  type OutageOptions,
  type PlannedBreak,
  type PlantCalendar,
  type ShiftDefinition,
  type SilentLineOptions,
  type SimulatorOptions,
  type StageLatency,
  TIMESTAMP_FORMATS,
  type TimestampFormat,
} from './simulator-options';
export { validateSimulatorOptions } from './validate-options';
export { plannedBreakAt, shiftAt } from './calendar';
export {
  MATERIALS,
  UNIT_CONVERSIONS,
  buildPlantModel,
  orderAt,
  toErpQuantity,
  type MaterialMaster,
  type PlantModel,
  type ProductionOrder,
  type SimAsset,
  type SimLine,
  type SimPlant,
  type UnitConversion,
} from './plant-model';
export { generateWindow, networkOutages } from './generator';
export { deviceEventArrivals } from './delivery';
export { SLOT_MS } from './disturbances';
export { NATURAL_SHARE_OF_SLA } from './latency';
export {
  OUTAGE_SUFFIX,
  isOutageConsequence,
  type GroundTruthRecord,
  type NetworkOutage,
  type SimulatedBatch,
} from './simulated-batch';
export { calendarShifts, simulatorMasterData, type ShiftRow } from './master-data';
