-- Every screening asks which other enterprises lodge workers at its addresses. With the enterprise on the site row,
-- the index answers that without reading the applications of the asking enterprise itself (under load they were
-- a fifth of the server's CPU, growing with every application).
alter table accommodation_site add column tax_code varchar(20);
update accommodation_site s set tax_code = (select a.tax_code from application a where a.id = s.application_id);
alter table accommodation_site alter column tax_code set not null;
create index ix_accommodation_site_address_enterprise on accommodation_site (address_key, tax_code);
drop index ix_accommodation_site_address;
