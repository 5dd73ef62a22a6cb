-- A specialty hospital's specialty (ONCOLOGY 肿瘤, STOMATOLOGY 口腔, ENT 耳鼻咽喉, NEUROSURGERY 神经外科 …): S03 applies
-- only the bed thresholds of the hospital's own specialty. NULL = not recorded (always NULL for general hospitals).
-- Departments (JSONB) may now also carry "since" (start of clinical work) and "technologies" (restricted
-- technologies the department carries out); both absent = not recorded.
alter table institutions.institution add column specialty varchar(32);
