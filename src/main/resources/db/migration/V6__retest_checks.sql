-- The latest re-testing check of an approved application: which approved workers' tests have lapsed.
create table retest_check (
    application_id  varchar(36) primary key references application (id),
    checked_at      timestamp with time zone not null,
    lapsed          text        not null
);
