import { Pool } from 'pg';

/** The agency whose officer searches (the bench's), and the one that holds every fifth case; their short names (the profiles' codes). */
const AGENCIES = { searched: 'xinglongtai-civil-affairs', other: 'pingluo-veterans' };
const SHORT = { searched: 'XLT', other: 'PL' };

// Common surnames and given-name characters, so that names repeat as they do in a real register.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬辉鹏飞建国志海丹宁斌林琳婷雪梅鑫晨晓东浩然子涵欣怡梓轩宇俊思远佳';

/**
 * `n` cases written straight into `cases` (no workflows: search reads this table alone), generated in
 * one statement from hashes of the row number, so every run has the same rows: 80 % the searched
 * agency's, 20 % another's; each a person (surname and one or two given characters, 3 in 5 of them two;
 * an 18-character ID number: region, birth date, sequence, check character 0–9 or X), every third also an
 * organisation with its 18-character credit code; statuses and stages spread evenly, one case every ten
 * minutes from 2025-01-01 (China time), those that ended 90 days after they started; every case past
 * approval numbered as filing numbers it (the default pattern, XLT罚立〔2025〕1号, in order per agency and year,
 * after the numbers the bench's own filings took that year: the fill spans 2025–2026).
 */
export async function fillCases(db: Pool, n: number): Promise<void> {
  await db.query(
    `INSERT INTO cases (id, agency_id, profile_version, source, emergency, status, stage, procedure, handling_officer_id, form,
                        overdue, workflow_id, started_at, updated_at, ended_at, case_number)
     SELECT gen_random_uuid(), o.agency_id, 1, 'ex_officio', false, s.status, s.stage, 'general', o.id,
            jsonb_build_object('reason', '检查发现涉嫌违法行为', 'caseSource', '日常检查', 'facts', '检查中发现的事实',
              'handlerOpinion', '建议立案调查',
              'parties', CASE WHEN g.i % 3 = 0
                THEN jsonb_build_array(p.person, jsonb_build_object('kind', 'organisation', 'name', p.org, 'idNumber', p.credit))
                ELSE jsonb_build_array(p.person) END),
            false, 'bench-search-' || g.i, g.started, g.started, CASE WHEN s.ended THEN g.started + interval '90 days' END,
            CASE WHEN s.status <> 'pending_approval' THEN
              CASE WHEN o.agency_id = $4 THEN $6 ELSE $7 END || '罚立〔' || g.year || '〕'
                || row_number() OVER (PARTITION BY o.agency_id, g.year, s.status = 'pending_approval' ORDER BY g.i)
                   + COALESCE(ns.last, 0) || '号' END
     FROM (SELECT i, t AS started, to_char((t AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY') AS year
           FROM generate_series(1, $1::int) i, LATERAL (SELECT timestamptz '2025-01-01 00:00+08' + i * interval '10 minutes' AS t) x) g
     CROSS JOIN LATERAL (SELECT abs(hashtext('s' || g.i)) AS h, abs(hashtext('g' || g.i)) AS k) r
     CROSS JOIN LATERAL (
       SELECT jsonb_build_object('kind', 'person',
                'name', (string_to_array($2, NULL))[1 + r.h % char_length($2)]
                  || (string_to_array($3, NULL))[1 + r.k % char_length($3)]
                  || CASE WHEN r.k % 5 < 3 THEN (string_to_array($3, NULL))[1 + (r.h / 7) % char_length($3)] ELSE '' END,
                'idNumber', (ARRAY['211103', '211102', '210211', '640221', '410721'])[1 + r.k % 5]
                  || to_char(date '1950-01-01' + r.h % 20000, 'YYYYMMDD') || lpad((r.k % 1000)::text, 3, '0')
                  || (ARRAY['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'])[1 + r.h % 11]) AS person,
              (ARRAY['兴隆台区', '双台子区', '大洼区', '盘山县', '平罗县'])[1 + r.h % 5]
                || (ARRAY['鑫源', '宏达', '恒通', '华联', '盛世', '金海', '福瑞', '永安'])[1 + r.k % 8]
                || (ARRAY['商贸', '餐饮', '建筑', '物流', '养老服务'])[1 + (r.h / 3) % 5] || '有限公司' AS org,
              '91' || (ARRAY['211103', '640221'])[1 + r.k % 2] || upper(substr(md5(g.i::text), 1, 10)) AS credit) p
     CROSS JOIN LATERAL (
       SELECT (ARRAY['initiated', 'decided', 'ended', 'archived', 'pending_approval', 'terminated'])[1 + r.h % 6] AS status,
              (ARRAY['decision', 'service', 'archiving', 'archived', 'initiation', 'archiving'])[1 + r.h % 6] AS stage,
              r.h % 6 IN (2, 3, 5) AS ended) s
     CROSS JOIN LATERAL (
       SELECT u.id, u.agency_id FROM users u
       WHERE u.role = 'officer' AND u.agency_id = CASE WHEN g.i % 5 = 0 THEN $5 ELSE $4 END
       ORDER BY u.username OFFSET r.k % 3 LIMIT 1) o
     LEFT JOIN number_sequences ns ON ns.agency_id = o.agency_id AND ns.kind = 'case' AND ns.year = g.year::int`,
    [n, SURNAMES, GIVEN, AGENCIES.searched, AGENCIES.other, SHORT.searched, SHORT.other],
  );
  // Filing goes on numbering after the filled cases, as it would after real ones (scenario 8 files a case).
  await db.query(
    `INSERT INTO number_sequences (agency_id, kind, year, last)
     SELECT agency_id, 'case', substring(case_number FROM '〔(\\d+)〕')::int, max(substring(case_number FROM '〕(\\d+)号')::int)
       FROM cases WHERE workflow_id LIKE 'bench-search-%' AND case_number IS NOT NULL GROUP BY 1, 3
     ON CONFLICT (agency_id, kind, year) DO UPDATE SET last = GREATEST(number_sequences.last, EXCLUDED.last)`,
  );
  await db.query('ANALYZE cases');
}
