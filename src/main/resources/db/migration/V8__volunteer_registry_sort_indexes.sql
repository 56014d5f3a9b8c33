-- volunteer module, registry: the registry's default orders (name; registration date),
-- each ending with the id as VolunteerQuery sorts, so that a first page of 25 reads 25
-- index entries instead of sorting every volunteer in scope
-- (benchmarks/registry/run.sh: the unfiltered first page of 1,000,000 volunteers).
CREATE INDEX volunteer_name_idx ON volunteer (name, id);
CREATE INDEX volunteer_registered_idx ON volunteer (registered_at, id);
