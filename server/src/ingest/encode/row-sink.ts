import type { NativeBlock, NativeEncoder } from '../../clickhouse/native-block';

/**
 * Rows of one plant's records, encoded as one Native block. `plant` is null when the block holds the
 * rows of any plants (one server: nothing to route).
 */
export interface EncodedPart {
  plant: string | null;
  block: Buffer;
  rows: number;
}

/**
 * Where an encoder writes a record's row: one block for all (one server), or the block of the row's
 * plant (a cluster, whose shards each hold some plants whole: ADR 0011), so that each shard's rows go
 * to it directly instead of through the entry node.
 */
export interface RowSink {
  /** The block for a row of plant buf[start, end) (ASCII bytes, the direct paths). */
  blockForPlantBytes(buf: Buffer, start: number, end: number): NativeBlock;
  /** The block for a row given as values in the encoder's column order. */
  blockForRow(row: readonly unknown[]): NativeBlock;
  /** The blocks' bytes, each with its plant and rows; blocks with no rows are left out. */
  finish(pool?: { acquire(bytes: number): Buffer }): EncodedPart[];
}

/** Every row in one block. */
export class OneBlock implements RowSink {
  constructor(readonly block: NativeBlock) {}
  blockForPlantBytes(): NativeBlock {
    return this.block;
  }
  blockForRow(): NativeBlock {
    return this.block;
  }
  finish(pool?: { acquire(bytes: number): Buffer }): EncodedPart[] {
    return this.block.rows ? [{ plant: null, block: this.block.finish(pool), rows: this.block.rows }] : [];
  }
}

/**
 * One block per plant. Bodies hold runs of one plant, so the plant of the row before is compared in
 * place first, and a string is made only when the plant changes.
 */
export class PlantBlocks implements RowSink {
  private readonly blocks = new Map<string, NativeBlock>();
  private lastBytes: Buffer = Buffer.alloc(0);
  private last: NativeBlock | undefined;
  private readonly plantIndex: number;

  constructor(private readonly encoder: NativeEncoder) {
    this.plantIndex = encoder.columns.findIndex((c) => c.name === 'plant');
    if (this.plantIndex < 0) throw new Error('PlantBlocks: the encoder has no plant column');
  }

  blockForPlantBytes(buf: Buffer, start: number, end: number): NativeBlock {
    const lastBytes = this.lastBytes;
    const len = end - start;
    if (this.last && len === lastBytes.length) {
      let i = 0;
      while (i < len && buf[start + i] === lastBytes[i]) i++;
      if (i === len) return this.last;
    }
    return this.blockFor(buf.toString('latin1', start, end));
  }

  blockForRow(row: readonly unknown[]): NativeBlock {
    const plant = row[this.plantIndex]; // a string (the record specs' rows), '' when not given
    return this.blockFor(typeof plant === 'string' ? plant : '');
  }

  private blockFor(plant: string): NativeBlock {
    let block = this.blocks.get(plant);
    if (!block) {
      block = this.encoder.newBlock(256);
      this.blocks.set(plant, block);
    }
    this.last = block;
    this.lastBytes = Buffer.from(plant, 'utf8');
    return block;
  }

  finish(pool?: { acquire(bytes: number): Buffer }): EncodedPart[] {
    return [...this.blocks].filter(([, b]) => b.rows > 0).map(([plant, b]) => ({ plant, block: b.finish(pool), rows: b.rows }));
  }
}
