-- Usage events may carry tags (key:value, each once, sorted at ingest): a row of usage_hourly is now also per
-- set of tags, so that analytics can filter by a tag and break usage down per tag. The tags take part in the
-- key like every dimension; rows written before tags existed (and usage without tags) have '{}'.
ALTER TABLE usage_hourly ADD COLUMN tags TEXT[] NOT NULL DEFAULT '{}';

ALTER TABLE usage_hourly DROP CONSTRAINT usage_hourly_pkey;
ALTER TABLE usage_hourly ADD PRIMARY KEY (customer, hour, period, project, cost_center, api_key_id, user_id, team,
                                          provider, model, tags);
