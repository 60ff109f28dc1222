-- The unit table: every unit Syncline accepts, with the spellings systems use for it. Ingest maps
-- any alias (case-insensitive) to the code; an unknown unit is an error, never guessed.
-- Per-material conversions (e.g. a case of 12 pieces) live in unit_conversions.
CREATE TABLE IF NOT EXISTS units
(
    code       LowCardinality(String),
    dimension  LowCardinality(String),
    aliases    Array(String),
    updated_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY code;

CREATE TABLE IF NOT EXISTS unit_conversions
(
    material   String,
    from_unit  LowCardinality(String),
    to_unit    LowCardinality(String),
    factor     Float64,
    updated_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (material, from_unit, to_unit);

INSERT INTO units (code, dimension, aliases) VALUES
    ('EA', 'count', ['ea', 'each', 'pc', 'pcs', 'piece', 'pieces', 'pce', 'st', 'stk', 'unit', 'units']),
    ('CS', 'count', ['cs', 'case', 'cases', 'kar', 'carton']),
    ('BOX', 'count', ['box', 'boxes', 'bx']),
    ('PAL', 'count', ['pal', 'pallet', 'pallets', 'plt']),
    ('KG', 'mass', ['kg', 'kgs', 'kilogram', 'kilograms']),
    ('G', 'mass', ['g', 'gram', 'grams']),
    ('T', 'mass', ['t', 'to', 'tonne', 'tonnes', 'ton']),
    ('LB', 'mass', ['lb', 'lbs', 'pound', 'pounds']),
    ('L', 'volume', ['l', 'ltr', 'liter', 'litre', 'liters', 'litres']),
    ('ML', 'volume', ['ml', 'milliliter', 'millilitre']),
    ('M3', 'volume', ['m3', 'cubic_meter']),
    ('M', 'length', ['m', 'meter', 'metre', 'meters', 'metres']),
    ('MM', 'length', ['mm', 'millimeter', 'millimetre']),
    ('M2', 'area', ['m2', 'square_meter']),
    ('H', 'time', ['h', 'hr', 'hrs', 'hour', 'hours', 'std']),
    ('MIN', 'time', ['min', 'minute', 'minutes']),
    ('S', 'time', ['s', 'sec', 'second', 'seconds']);
