-- The distinct words customers are found by, per tenant: the dictionary a misspelt search word is corrected
-- against (a few thousand short words search far faster than a fuzzy scan of every customer's text). Kept by
-- statement-level triggers, so bulk imports add a batch's words in one statement. Words of deleted or renamed
-- customers stay: a stale word only ever suggests a correction that then finds nothing.
create table search_words (
    tenant_id uuid not null,
    word      text not null,
    primary key (tenant_id, word)
);

create function remember_search_words() returns trigger language plpgsql as $$
begin
    insert into customers.search_words (tenant_id, word)
    select distinct c.tenant_id, w.word
    from changed c, unnest(string_to_array(c.search_text, ' ')) as w(word)
    where length(w.word) between 4 and 40 and w.word !~ '[[:digit:]@]'
    on conflict do nothing;
    return null;
end
$$;

create trigger customers_words_on_insert after insert on customers
    referencing new table as changed for each statement execute function remember_search_words();
create trigger customers_words_on_update after update on customers
    referencing new table as changed for each statement execute function remember_search_words();

insert into search_words (tenant_id, word)
select distinct c.tenant_id, w.word
from customers c, unnest(string_to_array(c.search_text, ' ')) as w(word)
where length(w.word) between 4 and 40 and w.word !~ '[[:digit:]@]'
on conflict do nothing;

do $$
declare
    trgm text;
    gin text;
begin
    select n.nspname into trgm from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
    select n.nspname into gin from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'btree_gin';
    execute format('create index search_words_trgm_idx on search_words using gin (tenant_id %I.uuid_ops, word %I.gin_trgm_ops)', gin, trgm);
end
$$;
