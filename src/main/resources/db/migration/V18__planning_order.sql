-- planning: the order of themes on a level and of campaigns in a theme is a position held
-- in the database. Positions run 0, 1, 2, ... without gaps and are unique among siblings;
-- the constraints are DEFERRABLE so that one UPDATE may swap two positions (checked at the
-- end of the statement, not row by row). Moves lock the parent row, so concurrent moves
-- are serialised and the unique constraint is the safety net, not the mechanism.

-- close the gaps and settle the ties the old "count of rows" numbering left behind
UPDATE plan_theme t SET sort_order = r.position
FROM (SELECT id, row_number() OVER (PARTITION BY plan_id, level ORDER BY sort_order, id) - 1 AS position
      FROM plan_theme) r
WHERE r.id = t.id AND t.sort_order <> r.position;

UPDATE campaign c SET sort_order = r.position
FROM (SELECT id, row_number() OVER (PARTITION BY theme_id ORDER BY sort_order, id) - 1 AS position
      FROM campaign) r
WHERE r.id = c.id AND c.sort_order <> r.position;

ALTER TABLE plan_theme
	ADD CONSTRAINT plan_theme_position_nonnegative CHECK (sort_order >= 0),
	ADD CONSTRAINT plan_theme_position_once UNIQUE (plan_id, level, sort_order) DEFERRABLE INITIALLY IMMEDIATE;

ALTER TABLE campaign
	ADD CONSTRAINT campaign_position_nonnegative CHECK (sort_order >= 0),
	ADD CONSTRAINT campaign_position_once UNIQUE (theme_id, sort_order) DEFERRABLE INITIALLY IMMEDIATE;
