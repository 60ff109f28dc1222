-- Postings a person had to touch (their device event is in a finding a person acted on), per hour, so
-- the ROI page does not scan the period's postings for them.
ALTER TABLE roi_postings_hour ADD COLUMN IF NOT EXISTS touched SimpleAggregateFunction(sum, UInt64) DEFAULT 0;
