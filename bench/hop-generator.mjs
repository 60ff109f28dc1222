// Realistic hops for benchmarks until the plant simulator exists: messages of six hops each
// (device -> gateway -> broker -> middleware -> erp_api -> erp_posting), ~280 bytes per hop.
const STAGES = ['device', 'gateway', 'broker', 'middleware', 'erp_api', 'erp_posting'];
const SYSTEMS = ['plc-s7', 'edge-gw', 'mosquitto', 'boomi', 'sap-api', 'sap-s4'];
const FLOWS = ['production_confirmation', 'goods_receipt', 'scrap_posting', 'maintenance_request'];
const EVENT = {
  production_confirmation: 'cycle_complete',
  goods_receipt: 'goods_receipt',
  scrap_posting: 'scrap',
  maintenance_request: 'maintenance_alert',
};

export function generateHops(count, seed = 7) {
  let s = seed >>> 0;
  const rnd = () => (s = (s * 1664525 + 1013904223) >>> 0) / 4294967296;
  // Yesterday 00:00 UTC: recent enough for the 90-day retention whenever the benchmark runs.
  const base = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 86_400_000;
  const hops = new Array(count);
  for (let i = 0; i < count; i++) {
    const msg = Math.floor(i / 6);
    const stageIdx = i % 6;
    const flow = FLOWS[msg % FLOWS.length];
    const plant = `P${1 + (msg % 3)}`;
    const line = `${plant}-L${1 + (msg % 4)}`;
    const t0 = base + msg * 50 + stageIdx * Math.floor(20 + rnd() * 400);
    const failed = rnd() < 0.01;
    hops[i] = {
      hop_id: `h${seed}-${i.toString(36)}`,
      correlation_id: `m${seed}-${msg.toString(36)}`,
      parent_hop_id: stageIdx ? `h${seed}-${(i - 1).toString(36)}` : null,
      flow,
      stage: STAGES[stageIdx],
      system: SYSTEMS[stageIdx],
      plant,
      line,
      asset: `${line}-A${1 + (msg % 5)}`,
      order_id: `ORD-${100000 + (msg % 5000)}`,
      material: `MAT-${1000 + (msg % 200)}`,
      event_type: EVENT[flow],
      quantity: 1 + Math.floor(rnd() * 24),
      unit: 'EA',
      start_time: new Date(t0).toISOString(),
      end_time: new Date(t0 + Math.floor(1 + rnd() * 30)).toISOString(),
      status: failed ? 'error' : 'ok',
      error_code: failed ? 'TIMEOUT' : null,
      attempt: 1,
      business_key: `evt-${seed}-${msg.toString(36)}`,
    };
  }
  return hops;
}
