-- Tongxing registry benchmark data: a unit tree of 611 units (the association, 10
-- departments, 100 sub-units, 500 volunteer groups) and :volunteers volunteers spread over
-- the groups, each with an account, 0 to 3 skills and 1 or 2 languages. Personal data is
-- fake (the ciphertexts are placeholders: the search never decrypts). Deterministic.
-- Run on an empty, migrated database; :volunteers is replaced by the runner.

-- A deterministic pseudo-random number 0..2^31-1 for (i, salt), so that properties do not
-- move in lockstep the way i % n would.
CREATE FUNCTION bench_hash(i INTEGER, salt TEXT) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS
$$ SELECT ('x' || substr(md5(i || salt), 1, 8))::bit(32)::integer & 2147483647 $$;

INSERT INTO unit (id, parent_id, path, name, name_en, type)
VALUES (1, NULL, '/1/', '外交部青年志愿者协会', 'Association', 'ASSOCIATION');
INSERT INTO unit (id, parent_id, path, name, name_en, type)
SELECT d, 1, '/1/' || d || '/', '部门' || d, 'Department ' || d, 'DEPARTMENT' FROM generate_series(2, 11) d;
INSERT INTO unit (id, parent_id, path, name, name_en, type)
SELECT s, 2 + (s - 12) / 10, '/1/' || (2 + (s - 12) / 10) || '/' || s || '/', '支部' || s, 'Branch ' || s,
	'GRASSROOTS_BRANCH'
FROM generate_series(12, 111) s;
INSERT INTO unit (id, parent_id, path, name, name_en, type)
SELECT g, 12 + (g - 112) / 5, p.path || g || '/', '志愿者小组' || g, 'Group ' || g, 'VOLUNTEER_GROUP'
FROM generate_series(112, 611) g JOIN unit p ON p.id = 12 + (g - 112) / 5;
SELECT setval(pg_get_serial_sequence('unit', 'id'), 611);

INSERT INTO account (id, username, display_name, email, password_hash)
SELECT 1000 + i, 'bench' || i, 'Bench ' || i, 'v' || i || '@bench.invalid', '{noop}unusable'
FROM generate_series(1, :volunteers) i;
SELECT setval(pg_get_serial_sequence('account', 'id'), 1000 + :volunteers);

-- i spreads over units round-robin (i % 500), so every subtree holds its share: a
-- department 10 %, a sub-unit 1 %, a group 0.2 %.
INSERT INTO volunteer (id, account_id, number, status, status_reason, unit_id, name, sex, birth_date, id_type,
	id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked, email,
	residential_area, country, city, time_zone, notice_version, notice_accepted_at, sensitive_consent_at, source,
	registered_at, approved_at, left_at)
SELECT i, 1000 + i,
	CASE WHEN i % 20 = 1 THEN NULL ELSE 'TX' || lpad(i::text, 9, '0') END,
	CASE i % 20 WHEN 1 THEN 'APPLICANT' WHEN 2 THEN 'SUSPENDED' WHEN 3 THEN 'LEFT' ELSE 'ACTIVE' END,
	NULL,
	112 + i % 500,
	(ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + i % 20]
		|| (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','华','慧'])[1 + (i / 20) % 20]
		|| (ARRAY['','','国','文','海','晓','佳','子','一','思'])[1 + (i / 400) % 10],
	CASE WHEN i % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END,
	date '1955-01-01' + ((i::bigint * 7919) % 20000)::integer,
	'RESIDENT_ID',
	'v1:bench-id-' || i, md5('id' || i), '110***********' || lpad((i % 10000)::text, 4, '0'),
	'v1:bench-phone-' || i, md5('phone' || i), '138****' || lpad((i % 10000)::text, 4, '0'),
	'v' || i || '@bench.invalid',
	'北京市',
	CASE WHEN i % 33 = 0 THEN (ARRAY['法国','美国','日本','俄罗斯','肯尼亚'])[1 + (i / 33) % 5] END,
	CASE WHEN i % 33 = 0 THEN (ARRAY['巴黎','纽约','东京','莫斯科','内罗毕'])[1 + (i / 33) % 5] END,
	CASE WHEN i % 33 = 0 THEN (ARRAY['Europe/Paris','America/New_York','Asia/Tokyo','Europe/Moscow','Africa/Nairobi'])[1 + (i / 33) % 5] END,
	'2026-11', now(), now(),
	CASE WHEN i % 7 = 0 THEN 'IMPORT' ELSE 'REGISTRATION' END,
	now() - make_interval(days => i % 3650),
	CASE WHEN i % 20 <> 1 THEN now() END,
	CASE WHEN i % 20 = 3 THEN now() END
FROM generate_series(1, :volunteers) i;
SELECT setval(pg_get_serial_sequence('volunteer', 'id'), :volunteers);

-- Skills: 0 to 3 of them, distinct catalogue ids, levels 1..3.
INSERT INTO volunteer_skill (volunteer_id, skill_id, level)
SELECT i, s.id, 1 + bench_hash(i, 'level' || k) % 3
FROM generate_series(1, :volunteers) i
CROSS JOIN generate_series(0, 2) k
JOIN skill s ON s.id = (SELECT min(id) FROM skill) + (bench_hash(i, 'skill') + k * 3) % 10
WHERE k < bench_hash(i, 'skills') % 4;

-- Languages: Chinese for everyone (native), and for 60 % one foreign language, English
-- most often, levels 1..4.
INSERT INTO volunteer_language (volunteer_id, language, level)
SELECT i, 'zh', 4 FROM generate_series(1, :volunteers) i;
INSERT INTO volunteer_language (volunteer_id, language, level)
SELECT i, (ARRAY['en','en','en','en','fr','ru','es','ar','de','ja','ko','pt','it','sw'])[1 + bench_hash(i, 'language') % 14],
	1 + bench_hash(i, 'language level') % 4
FROM generate_series(1, :volunteers) i
WHERE bench_hash(i, 'foreign') % 5 < 3;

-- One open membership each, as registration writes it.
INSERT INTO volunteer_membership (volunteer_id, unit_id, valid_from)
SELECT id, unit_id, registered_at::date FROM volunteer;

DROP FUNCTION bench_hash(INTEGER, TEXT);
ANALYZE;
