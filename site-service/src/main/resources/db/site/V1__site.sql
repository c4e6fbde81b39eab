-- GVE Site Service: the User Information DB. Enumerations are stored as text, never ordinals.

CREATE TABLE site_user (
    user_name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash      VARCHAR(255) NOT NULL,
    role               VARCHAR(16)  NOT NULL,
    max_vms            INTEGER      NOT NULL,
    max_vcpus          INTEGER      NOT NULL,
    max_memory_mib     BIGINT       NOT NULL,
    max_disk_mib       BIGINT       NOT NULL,
    max_lease_seconds  BIGINT       NOT NULL,
    created            TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE site_agent (
    name            VARCHAR(64)   NOT NULL PRIMARY KEY,
    endpoint_url    VARCHAR(1024) NOT NULL,
    hypervisor      VARCHAR(16)   NOT NULL,
    user_name       VARCHAR(128),
    secret          VARCHAR(256),
    health          VARCHAR(16)   NOT NULL,
    health_detail   VARCHAR(1024),
    last_seen       TIMESTAMP WITH TIME ZONE,
    vcpus_total     INTEGER       NOT NULL DEFAULT 0,
    vcpus_used      INTEGER       NOT NULL DEFAULT 0,
    memory_total    BIGINT        NOT NULL DEFAULT 0,
    memory_used     BIGINT        NOT NULL DEFAULT 0,
    vm_count        INTEGER       NOT NULL DEFAULT 0,
    registered      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0
);

CREATE TABLE site_vm (
    vm_id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner           VARCHAR(64)  NOT NULL,
    agent_name      VARCHAR(64)  NOT NULL,
    agent_vm_id     VARCHAR(128) NOT NULL,
    name            VARCHAR(255) NOT NULL,
    hypervisor      VARCHAR(16)  NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    vcpus           INTEGER      NOT NULL,
    memory_mib      BIGINT       NOT NULL,
    disk_mib        BIGINT       NOT NULL,
    template        VARCHAR(255),
    created_by_site BOOLEAN      NOT NULL,
    host_name       VARCHAR(255),
    lease_deadline  TIMESTAMP WITH TIME ZONE NOT NULL,
    granted         TIMESTAMP WITH TIME ZONE NOT NULL,
    released        TIMESTAMP WITH TIME ZONE,
    lost_at         TIMESTAMP WITH TIME ZONE,
    lease_stopped   TIMESTAMP WITH TIME ZONE,
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX site_vm_owner ON site_vm (owner);
CREATE INDEX site_vm_agent_vm ON site_vm (agent_name, agent_vm_id);

-- jobs are ordered by this sequence (dispatch order, listings), never by clock readings
CREATE SEQUENCE site_job_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE site_job (
    job_id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    seq                 BIGINT       NOT NULL,
    owner               VARCHAR(64)  NOT NULL,
    operation           VARCHAR(32)  NOT NULL,
    vm_id               VARCHAR(64),
    status              VARCHAR(16)  NOT NULL,
    progress            VARCHAR(1024),
    fault_code          VARCHAR(64),
    fault_message       VARCHAR(2048),
    request             VARCHAR(1000000) NOT NULL,
    result              VARCHAR(1000000),
    client_token        VARCHAR(128),
    agent_name          VARCHAR(64),
    agent_vm_id         VARCHAR(128),
    agent_vm_created    BOOLEAN      NOT NULL DEFAULT FALSE,
    reserved_vms        INTEGER      NOT NULL DEFAULT 0,
    reserved_vcpus      INTEGER      NOT NULL DEFAULT 0,
    reserved_memory_mib BIGINT       NOT NULL DEFAULT 0,
    reserved_disk_mib   BIGINT       NOT NULL DEFAULT 0,
    node                VARCHAR(128),
    created             TIMESTAMP WITH TIME ZONE NOT NULL,
    started             TIMESTAMP WITH TIME ZONE,
    finished            TIMESTAMP WITH TIME ZONE,
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX site_job_owner ON site_job (owner, seq);
CREATE INDEX site_job_status ON site_job (status, seq);
CREATE INDEX site_job_vm ON site_job (vm_id, status);
CREATE UNIQUE INDEX site_job_token ON site_job (owner, client_token);
