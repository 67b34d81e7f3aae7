-- ShedLock: one row per scheduled job, naming the instance that holds the job's lock and until when (see
-- shared.config.SchedulingConfiguration). Times are written by the database itself (usingDbTime) as UTC wall-clock
-- times, `timezone('utc', now())`, so the columns are `timestamp` (without time zone), as ShedLock expects: a
-- timestamptz column would read them in each connection's time zone, which differs between instances.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
