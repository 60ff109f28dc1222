import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '../../clickhouse/clickhouse.service';
import { UnitTable } from './unit-table';

const REFRESH_MS = 30_000;

/** The unit table from ClickHouse, refreshed every 30 s so edits reach every instance. */
@Injectable()
export class UnitsService {
  private table: UnitTable | undefined;
  private loadedAt = 0;
  private loading: Promise<UnitTable> | undefined;

  constructor(private readonly clickhouse: ClickHouseService) {}

  async current(): Promise<UnitTable> {
    if (this.table && Date.now() - this.loadedAt < REFRESH_MS) return this.table;
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<UnitTable> {
    const rows = await this.clickhouse.query<{ code: string; aliases: string[] }>({
      name: 'units.all',
      sql: 'SELECT code, aliases FROM units FINAL',
    });
    this.table = new UnitTable(rows);
    this.loadedAt = Date.now();
    return this.table;
  }
}
