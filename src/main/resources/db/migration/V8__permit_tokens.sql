-- A permit is also a signed token a checkpoint verifies, with a signed pass per shuttle (permit.PermitIssuer). Each
-- issue has the next serial; only the latest issue's tokens are valid. Serial 0: no token issued yet.
alter table permit add column serial int default 0 not null;
alter table permit add column valid_from timestamp with time zone;
alter table permit add column valid_until timestamp with time zone;
alter table permit add column rule_set_version varchar(64);
alter table permit add column token text;
alter table permit add column shuttle_passes text;
-- A checkpoint's verification looks a permit up by its number.
create unique index ux_permit_number on permit (number);

-- The key the default profile signs permits with when none is configured: made once, shared by every node.
create table permit_dev_key (
    id          int primary key,
    pem         text not null,
    created_at  timestamp with time zone not null
);
