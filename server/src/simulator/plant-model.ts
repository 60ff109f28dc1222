import { streamSeed } from './random';
import { STREAM } from './streams';
import type { PlantCalendar, SimulatorOptions } from './simulator-options';

/** A material as both sides know it. The plant counts in plantUnit; the ERP books in erpUnit. */
export interface MaterialMaster {
  material: string;
  description: string;
  plantUnit: string;
  erpUnit: string;
  /** ERP quantity = plant quantity x toErpFactor (1/12 for pieces booked as cases of 12). */
  toErpFactor: number;
  /** Standard cost per plant unit, in EUR: master data for value at risk. */
  standardCost: number;
}

/** One row of the `unit_conversions` master data table: to-quantity = from-quantity x factor. */
export interface UnitConversion {
  material: string;
  from_unit: string;
  to_unit: string;
  factor: number;
}

export const MATERIALS: readonly MaterialMaster[] = [
  { material: 'FG-1001', description: 'Steel bracket', plantUnit: 'EA', erpUnit: 'EA', toErpFactor: 1, standardCost: 4.2 },
  { material: 'FG-1002', description: 'Pump housing', plantUnit: 'EA', erpUnit: 'CS', toErpFactor: 1 / 12, standardCost: 18.5 },
  { material: 'FG-1003', description: 'Valve body', plantUnit: 'EA', erpUnit: 'CS', toErpFactor: 1 / 12, standardCost: 9.75 },
  { material: 'FG-1004', description: 'Fastener kit', plantUnit: 'EA', erpUnit: 'BOX', toErpFactor: 1 / 50, standardCost: 0.8 },
  { material: 'FG-1005', description: 'Gear shaft', plantUnit: 'EA', erpUnit: 'EA', toErpFactor: 1, standardCost: 27 },
  { material: 'FG-2001', description: 'Coated sheet', plantUnit: 'KG', erpUnit: 'T', toErpFactor: 1 / 1000, standardCost: 3.1 },
];

/** Both directions for every material whose units differ, so a loader can use either. */
export const UNIT_CONVERSIONS: readonly UnitConversion[] = MATERIALS.filter((m) => m.plantUnit !== m.erpUnit).flatMap((m) => [
  { material: m.material, from_unit: m.plantUnit, to_unit: m.erpUnit, factor: m.toErpFactor },
  { material: m.material, from_unit: m.erpUnit, to_unit: m.plantUnit, factor: 1 / m.toErpFactor },
]);

/** Plant quantity in the ERP's unit for this material. */
export function toErpQuantity(material: MaterialMaster, plantQuantity: number): number {
  return material.toErpFactor === 1 ? plantQuantity : plantQuantity * material.toErpFactor;
}

export interface SimAsset {
  id: string;
  plant: string;
  /** The line, which is also the ERP work center. */
  line: string;
  plantNo: number;
  lineNo: number;
  assetNo: number;
  /** Index into PlantModel.lines. */
  lineIndex: number;
  /** Stable per asset whatever the plant's size, so adding plants does not change existing ones. */
  key: number;
  /** Pieces (or 12.5 kg units for weighed materials) one cycle makes. */
  piecesPerCycle: number;
}

export interface SimLine {
  id: string;
  plant: string;
  plantNo: number;
  lineNo: number;
  key: number;
  assets: SimAsset[];
}

export interface SimPlant {
  id: string;
  plantNo: number;
  calendar: PlantCalendar;
  lines: SimLine[];
}

export interface PlantModel {
  seed: number;
  plants: SimPlant[];
  lines: SimLine[];
  assets: SimAsset[];
  materials: readonly MaterialMaster[];
  unitConversions: readonly UnitConversion[];
  orderMs: number;
}

export interface ProductionOrder {
  id: string;
  line: string;
  material: MaterialMaster;
  /** Planned quantity in the plant's unit. */
  plannedQuantity: number;
  startMs: number;
  endMs: number;
}

/** Plants P1.., lines P1-L1.., assets P1-L1-A1..: the same options always give the same model. */
export function buildPlantModel(options: SimulatorOptions): PlantModel {
  const plants: SimPlant[] = [];
  const lines: SimLine[] = [];
  const assets: SimAsset[] = [];
  for (let p = 1; p <= options.plants; p++) {
    const plant: SimPlant = {
      id: `P${p}`,
      plantNo: p,
      calendar: options.calendars[(p - 1) % options.calendars.length],
      lines: [],
    };
    for (let l = 1; l <= options.linesPerPlant; l++) {
      const line: SimLine = { id: `P${p}-L${l}`, plant: plant.id, plantNo: p, lineNo: l, key: p * 100 + l, assets: [] };
      for (let a = 1; a <= options.assetsPerLine; a++) {
        const key = line.key * 100 + a;
        const asset: SimAsset = {
          id: `${line.id}-A${a}`,
          plant: plant.id,
          line: line.id,
          plantNo: p,
          lineNo: l,
          assetNo: a,
          lineIndex: lines.length,
          key,
          piecesPerCycle: 1 + (streamSeed(options.seed, STREAM.asset, key) % 4),
        };
        line.assets.push(asset);
        assets.push(asset);
      }
      plant.lines.push(line);
      lines.push(line);
    }
    plants.push(plant);
  }
  return {
    seed: options.seed,
    plants,
    lines,
    assets,
    materials: MATERIALS,
    unitConversions: UNIT_CONVERSIONS,
    orderMs: options.orderHours * 3_600_000,
  };
}

/** The production order running on a line at a time: orders follow each other every orderHours. */
export function orderAt(model: PlantModel, line: SimLine, epochMs: number): ProductionOrder {
  const index = Math.floor(epochMs / model.orderMs);
  const h = streamSeed(model.seed, STREAM.order, line.key, index);
  const material = model.materials[h % model.materials.length];
  return {
    id: `PO-${line.id}-${index}`,
    line: line.id,
    material,
    plannedQuantity: 100 * (5 + ((h >>> 8) % 20)),
    startMs: index * model.orderMs,
    endMs: (index + 1) * model.orderMs,
  };
}
