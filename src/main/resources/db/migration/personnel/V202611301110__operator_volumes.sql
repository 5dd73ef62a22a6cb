-- Operations performed as operator (术者) per category and year, for requirements wider than one technology
-- (吉林 S01 二(一)3: 近 3 年作为术者每年完成皮肤组织缺损修复重建手术 150 例以上). A JSONB value collection of the person
-- aggregate like case_volumes: [{category, year, cases}]; null = not recorded.
alter table personnel.person add column operator_volumes jsonb;
