import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import { InputError } from '../common/errors/input-error';
import { answerBadInput, queryList, queryText, type QueryParams } from '../common/validation/query-params';
import type { Principal } from '../domain/principal';
import { parseRange } from '../sync-lag/kpi.service';
import { RoiService, type RoiReport } from './roi.service';

/** A list parameter: comma-separated, a repeated key adds to it (`plants=P1&plants=P2`). */
const list = (query: QueryParams, name: string) => (queryList(query, name) ?? []).slice(0, 1000);

/** A CSV cell: quoted when it holds a comma, quote or line break; formula-looking text is neutralised. */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The report as CSV rows: the figures with their baseline, breakdowns and assumptions, then per plant and flow. */
export function roiCsv(r: RoiReport): string {
  const a = r.settings;
  const rows: (string | number | boolean | null | undefined)[][] = [
    ['section', 'key', 'label', 'value', 'unit', 'baseline', 'how it is computed', 'assumptions'],
    ...r.figures.map((f) => [
      'figure',
      f.key,
      f.label,
      f.value,
      f.unit,
      f.baseline,
      f.howComputed,
      f.assumptions.map((k) => `${k}=${JSON.stringify(a[k as keyof typeof a])}`).join('; '),
    ]),
    ...r.figures.flatMap((f) => f.breakdown.map((b) => ['breakdown', f.key, b.label, b.value, b.unit, '', '', ''])),
    ['period', 'from', r.from, '', '', '', '', ''],
    ['period', 'to', r.to, '', '', '', '', ''],
    ['baseline', a.baselineMode, r.baselineFrom ?? '', r.baselineTo ?? '', '', '', '', ''],
    ['assumption', 'minutesPerManualReconciliation', '', a.minutesPerManualReconciliation, 'minutes', '', '', ''],
    ['assumption', 'secondsPerPostingCheck', '', a.secondsPerPostingCheck, 'seconds', '', '', ''],
    ['assumption', 'hourlyCost', '', a.hourlyCost, r.currency, '', '', ''],
    [],
    [
      'plant',
      'flow',
      'postings',
      'no touch share',
      'resolved automatically',
      'resolved by hand',
      `value at risk open (${r.currency})`,
      `value recovered (${r.currency})`,
      'hours avoided',
    ],
    ...r.byPlantFlow.map((p) => [
      p.plant,
      p.flow,
      p.postings,
      p.noTouchShare,
      p.resolvedAuto,
      p.resolvedManual,
      p.valueAtRiskOpen,
      p.valueRecovered,
      p.hoursAvoided,
    ]),
  ];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * GET /api/v1/roi/export?from=ISO&to=ISO&plants=P1,P2&flows=… : the ROI page as CSV, same scope rules.
 * Bad input is 400 naming the parameter.
 */
@Controller('api/v1/roi')
export class RoiExportController {
  constructor(private readonly roi: RoiService) {}

  @Get('export')
  @RequirePermission('roi:view')
  async export(@Query() query: QueryParams, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    let range;
    let plants: string[];
    let flows: string[];
    try {
      const from = queryText(query, 'from');
      const to = queryText(query, 'to');
      if (!from || !to) throw new InputError('from and to (ISO 8601) are required', from ? 'to' : 'from');
      for (const [name, value] of [
        ['from', from],
        ['to', to],
      ] as const)
        if (Number.isNaN(Date.parse(value)))
          throw new InputError(`${name} must be a date and time such as 2024-01-31T08:00:00Z`, name);
      range = parseRange({ from, to });
      plants = list(query, 'plants');
      flows = list(query, 'flows');
    } catch (e) {
      // parseRange names the GraphQL field (range.to): the parameter here is `to`.
      if (answerBadInput(res, e, (field) => field.replace(/^range\./, ''))) return;
      throw e;
    }
    const report = await this.roi.report(principal.scope.narrow(plants), range, flows);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader(
      'content-disposition',
      `attachment; filename="syncline-roi_${report.from.slice(0, 10)}_${report.to.slice(0, 10)}.csv"`,
    );
    res.send(roiCsv(report));
  }
}
