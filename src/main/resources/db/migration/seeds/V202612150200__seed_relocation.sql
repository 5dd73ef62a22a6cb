-- 转移 (relocation, docs/seed-ledger.md "Relocation"): moving a lot's store to another storage place or custodian is a
-- ledger entry of its own, append-only like the others (a mistake is undone by a compensating entry). It carries the
-- new place and custodian; balances are unchanged. The lot's current place and custodian are those of its latest
-- relocation that is not cancelled, else those recorded at receipt (seeds.lot keeps the receipt's, never updated).
alter table seeds.movement drop constraint movement_kind_check;
alter table seeds.movement add constraint movement_kind_check check (kind in ('RECEIVED', 'ISSUED', 'IMPLANTED',
    'RETURNED', 'LOST', 'LEAKED', 'DISPOSED', 'RELOCATED'));
alter table seeds.movement add column storage_location varchar(100)
    check (storage_location is null or length(btrim(storage_location)) > 0);
alter table seeds.movement add column custodian_id uuid;
alter table seeds.movement add column custodian_name varchar(60);
alter table seeds.movement add constraint movement_relocation_check check (
    (kind = 'RELOCATED') = (storage_location is not null and custodian_id is not null and custodian_name is not null)
    and (kind <> 'RELOCATED' or (issue_id is null and case_id is null)));
create index movement_relocation on seeds.movement (lot_id, seq) where kind = 'RELOCATED';
