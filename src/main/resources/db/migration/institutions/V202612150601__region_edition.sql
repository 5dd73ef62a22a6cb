-- Which edition of the region data (reference/regions-edition.properties, docs/regions.md) has been loaded, when,
-- and how many regions it added. The loader inserts missing codes only; it never changes or deletes a region.
create table institutions.region_edition (
    edition   varchar(200) primary key,
    loaded_at timestamptz  not null,
    inserted  int          not null,
    total     int          not null
);
