import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { chTime, isoFromClickHouse } from '../clickhouse/clickhouse-time';
import { DEFAULT_ROI_SETTINGS, EMPTY_MEASURED, type RoiSettings } from './roi-settings';

export interface StoredRoiSettings extends RoiSettings {
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** ROI assumptions, append-only: each save is a new version; the latest is in force. */
@Injectable()
export class RoiRepository {
  constructor(private readonly clickhouse: ClickHouseService) {}

  async current(): Promise<StoredRoiSettings> {
    const [row] = await this.clickhouse.query<{ version: string; settings: string; updated_by: string; updated_at: string }>({
      name: 'roi.settings',
      sql: `SELECT version, settings, updated_by, toString(updated_at) AS updated_at FROM roi_settings ORDER BY version DESC LIMIT 1`,
    });
    if (!row) return { ...DEFAULT_ROI_SETTINGS, version: 0, updatedBy: null, updatedAt: null };
    const saved = JSON.parse(row.settings) as Partial<RoiSettings>;
    return {
      ...DEFAULT_ROI_SETTINGS,
      ...saved,
      measured: { ...EMPTY_MEASURED, ...(saved.measured ?? {}) },
      version: Number(row.version),
      updatedBy: row.updated_by,
      updatedAt: isoFromClickHouse(row.updated_at),
    };
  }

  async save(settings: RoiSettings, actor: string, previousVersion: number): Promise<void> {
    await this.clickhouse.insert('roi_settings', [
      {
        version: Math.max(Date.now(), previousVersion + 1),
        settings: JSON.stringify(settings),
        updated_by: actor,
        updated_at: chTime(Date.now()),
      },
    ]);
  }
}
