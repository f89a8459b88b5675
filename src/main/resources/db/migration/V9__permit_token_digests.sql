-- Every token issued, by its SHA-256: a token a checkpoint sends online is authentic when it is one of these (its
-- signature is for checking offline). Earlier issues' tokens stay, to be told REPLACED rather than FORGED.
create table permit_token (
    digest     varchar(64) primary key,
    permit_id  bigint      not null references permit (id),
    serial     int         not null
);
