-- A case's devices are numbered from 1, as the provincial export's schema (devices[].position, minimum 1), its Excel
-- 序号 and the DEVICE_EXPIRED flag (第 n 个器械) number them. Until now the registry stored the row's index from 0, so
-- the export of every case with a device broke the published schema. Every stored row was written that way.
update cases.case_device set position = position + 1;
