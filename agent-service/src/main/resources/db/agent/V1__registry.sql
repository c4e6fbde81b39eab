-- The agent's registry: every VM of its hypervisor, which site holds it, reservations.
CREATE TABLE registry_vm (
    vm_id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    name            VARCHAR(255) NOT NULL,
    hypervisor      VARCHAR(16)  NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    template_id     VARCHAR(255),
    holder_site     VARCHAR(128),
    reserved_by     VARCHAR(128),
    reserved_until  TIMESTAMP WITH TIME ZONE,
    guest_endpoint  VARCHAR(512),
    guest_user      VARCHAR(128),
    guest_secret    VARCHAR(256),
    first_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen       TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX registry_vm_holder ON registry_vm (holder_site);
