package org.gve.deploy.config;

import java.util.List;

/** Every key the launcher (and the WAR) reads, with its default and one line of meaning (printed by --help). */
public final class ConfigKeys {
    public static final ConfigKey PORT = new ConfigKey("gve.port", "8080", "HTTP port of the embedded server (0: any free port)");
    public static final ConfigKey BIND = new ConfigKey("gve.bind", "127.0.0.1", "address to listen on (0.0.0.0 for all)");
    public static final ConfigKey DATA_DIR = new ConfigKey("gve.data-dir", "./data", "where databases, images and generated secrets live");
    public static final ConfigKey TLS_KEYSTORE = new ConfigKey("gve.tls.keystore", "", "PKCS12 keystore: when set, serve HTTPS instead of HTTP");
    public static final ConfigKey TLS_PASSWORD = new ConfigKey("gve.tls.keystore-password", "", "password of that keystore");
    public static final ConfigKey PUBLIC_URL = new ConfigKey("gve.public-url", "http://127.0.0.1:8080/gve", "WAR in a standalone Tomcat: the base URL it is reached at (Tomcat's host, port, context path); the local agent registers as <this>/agent");
    public static final ConfigKey MAX_UPLOAD = new ConfigKey("gve.max-upload-mib", "4096", "largest MTOM request (a file copied into a VM) the site and agent accept; larger ones are refused while they arrive");
    public static final ConfigKey SITE_NAME = new ConfigKey("gve.site.name", "site", "how this site names itself to agents");
    public static final ConfigKey SITE_DB_URL = new ConfigKey("gve.site.db.url", "jdbc:h2:file:{data}/site", "JDBC URL of the User Information DB (H2 file, or jdbc:postgresql://host/db)");
    public static final ConfigKey SITE_DB_USER = new ConfigKey("gve.site.db.user", "sa", "database user");
    public static final ConfigKey SITE_DB_PASSWORD = new ConfigKey("gve.site.db.password", "", "database password");
    public static final ConfigKey SITE_NODE = new ConfigKey("gve.site.node", "node-1", "this process's name in job rows");
    public static final ConfigKey SITE_WORKERS = new ConfigKey("gve.site.job-workers", "8", "jobs run at once");
    public static final ConfigKey SITE_AGENT_TIMEOUT = new ConfigKey("gve.site.agent-timeout-seconds", "120", "timeout of one call to an agent");
    public static final ConfigKey SITE_HEALTH_POLL = new ConfigKey("gve.site.agent-poll-seconds", "30", "how often agents are polled for health");
    public static final ConfigKey SITE_RECONCILE = new ConfigKey("gve.site.reconcile-seconds", "600", "how often the site's records are reconciled with every agent (an agent back UP is reconciled with at once)");
    public static final ConfigKey SITE_JOB_RETENTION = new ConfigKey("gve.site.job-retention-days", "30", "finished jobs (state, results) are deleted this many days after they ended; 0 keeps them for ever");
    public static final ConfigKey SITE_LEASE_CHECK = new ConfigKey("gve.site.lease-check-seconds", "60", "how often VMs past their lease are looked for and stopped");
    public static final ConfigKey SITE_DEFAULT_LEASE = new ConfigKey("gve.site.default-lease-seconds", "86400", "lease of a VM when the request gives none");
    public static final ConfigKey QUOTA_VMS = new ConfigKey("gve.site.quota.vms", "4", "default quota: VMs held at once");
    public static final ConfigKey QUOTA_VCPUS = new ConfigKey("gve.site.quota.vcpus", "8", "default quota: vCPUs");
    public static final ConfigKey QUOTA_MEMORY = new ConfigKey("gve.site.quota.memory-mib", "8192", "default quota: memory (MiB)");
    public static final ConfigKey QUOTA_DISK = new ConfigKey("gve.site.quota.disk-mib", "102400", "default quota: disk (MiB)");
    public static final ConfigKey QUOTA_LEASE = new ConfigKey("gve.site.quota.max-lease-seconds", "604800", "default longest lease (s)");
    public static final ConfigKey PROFILE_VCPUS = new ConfigKey("gve.site.profile.default-vcpus", "1", "vCPUs when a profile gives none");
    public static final ConfigKey PROFILE_MEMORY = new ConfigKey("gve.site.profile.default-memory-mib", "512", "memory when a profile gives none");
    public static final ConfigKey PROFILE_MAX_VCPUS = new ConfigKey("gve.site.profile.max-vcpus", "64", "largest vCPU count a profile may ask for");
    public static final ConfigKey PROFILE_MAX_MEMORY = new ConfigKey("gve.site.profile.max-memory-mib", "262144", "largest memory a profile may ask for");
    public static final ConfigKey SITE_SECRETS_KEY = new ConfigKey("gve.site.secrets-key-file", "{data}/site-secrets.key", "AES key (made on first start, mode 0600) that seals the credentials the site stores for its agents; keep it out of database backups");
    public static final ConfigKey SITE_RETIRED_KEYS = new ConfigKey("gve.site.retired-secrets-key-files", "", "comma-separated key files of earlier rotations: they only open; at start what they sealed is sealed again under gve.site.secrets-key-file");
    public static final ConfigKey SITE_AGENT_TRUSTSTORE = new ConfigKey("gve.site.agent-truststore", "", "PKCS12 store of certificates the site trusts (besides the JVM's) when calling agents over HTTPS; empty with gve.tls.keystore set: the server's own keystore, so the all-in-one reaches its own agent");
    public static final ConfigKey SITE_AGENT_TRUSTSTORE_PASSWORD = new ConfigKey("gve.site.agent-truststore-password", "", "password of gve.site.agent-truststore");
    public static final ConfigKey PASSWORD_ITERATIONS = new ConfigKey("gve.site.password-iterations", "210000", "PBKDF2 rounds of new password hashes");
    public static final ConfigKey LOGIN_MAX_FAILURES = new ConfigKey("gve.site.login-throttle.max-failures", "20", "failed logins (wrong password or unknown user) from one client address within the window that pause logins from it (0: off); the address is the connection's, a reverse proxy's when behind one (X-Forwarded-For is not trusted)");
    public static final ConfigKey LOGIN_WINDOW = new ConfigKey("gve.site.login-throttle.window-seconds", "300", "how long failed logins from one address add up, from the first of them");
    public static final ConfigKey LOGIN_LOCKOUT = new ConfigKey("gve.site.login-throttle.lockout-seconds", "300", "how long logins from that address are then refused, without checking the password");
    public static final ConfigKey LOGIN_MAX_ADDRESSES = new ConfigKey("gve.site.login-throttle.max-addresses", "10000", "most client addresses with recent failures remembered; past it the least recently failing are forgotten");
    public static final ConfigKey ADMIN_USER = new ConfigKey("gve.admin.user", "admin", "the first administrator, created when no administrator exists");
    public static final ConfigKey ADMIN_PASSWORD_FILE = new ConfigKey("gve.admin.password-file", "", "file holding that administrator's password (empty: generate one into {data}/admin-password)");
    public static final ConfigKey AGENT_ENABLED = new ConfigKey("gve.agent.enabled", "true", "run an Agent Service in this process and register it with the site");
    public static final ConfigKey AGENT_NAME = new ConfigKey("gve.agent.name", "local-kvm", "name of the local agent");
    public static final ConfigKey AGENT_HYPERVISOR = new ConfigKey("gve.agent.hypervisor", "KVM", "KVM, XEN or VMWARE");
    public static final ConfigKey AGENT_URI = new ConfigKey("gve.agent.uri", "demo", "hypervisor URI (qemu:///system, xen:///system, https://vc/sdk); 'demo' = libvirt's test driver with a demo host");
    public static final ConfigKey AGENT_USER = new ConfigKey("gve.agent.hypervisor-user", "", "hypervisor user (vSphere)");
    public static final ConfigKey AGENT_PASSWORD = new ConfigKey("gve.agent.hypervisor-password", "", "hypervisor password (vSphere)");
    public static final ConfigKey AGENT_REGISTRY_URL = new ConfigKey("gve.agent.registry.db.url", "jdbc:h2:file:{data}/agent-registry", "JDBC URL of the agent's registry");
    public static final ConfigKey AGENT_SECRETS_KEY = new ConfigKey("gve.agent.secrets-key-file", "{data}/agent-secrets.key", "AES key (made on first start, mode 0600) that seals the InstallService credentials the agent stores in its registry; keep it out of database backups");
    public static final ConfigKey AGENT_RETIRED_KEYS = new ConfigKey("gve.agent.retired-secrets-key-files", "", "comma-separated key files of earlier rotations: they only open; at start what they sealed is sealed again under gve.agent.secrets-key-file");
    public static final ConfigKey AGENT_IMAGE_DIR = new ConfigKey("gve.agent.image-dir", "{data}/images", "where the agent puts new disk images and serial logs");
    public static final ConfigKey AGENT_SYNC = new ConfigKey("gve.agent.registry-sync-seconds", "15", "how often the registry is synced with the hypervisor");
    public static final ConfigKey AGENT_SHUTDOWN_WAIT = new ConfigKey("gve.agent.shutdown-timeout-seconds", "60", "how long an ACPI shutdown may take");
    public static final ConfigKey AGENT_TASK_POLL = new ConfigKey("gve.agent.task-poll-millis", "200", "poll interval of hypervisor tasks");
    public static final ConfigKey AGENT_TASK_TIMEOUT = new ConfigKey("gve.agent.task-timeout-seconds", "600", "longest hypervisor task");
    public static final ConfigKey AGENT_INSTALL_SERVICE_BOOT = new ConfigKey("gve.agent.install-service-boot-seconds", "90", "how long a booting VM's InstallService may take to answer before its start fails (keep it below gve.site.agent-timeout-seconds)");

    public static final List<ConfigKey> ALL = List.of(PORT, BIND, DATA_DIR, TLS_KEYSTORE, TLS_PASSWORD, PUBLIC_URL,
            MAX_UPLOAD, SITE_NAME, SITE_DB_URL, SITE_DB_USER, SITE_DB_PASSWORD, SITE_NODE, SITE_WORKERS, SITE_AGENT_TIMEOUT, SITE_HEALTH_POLL,
            SITE_RECONCILE, SITE_JOB_RETENTION, SITE_LEASE_CHECK, SITE_DEFAULT_LEASE, QUOTA_VMS, QUOTA_VCPUS, QUOTA_MEMORY, QUOTA_DISK, QUOTA_LEASE, PROFILE_VCPUS,
            PROFILE_MEMORY, PROFILE_MAX_VCPUS, PROFILE_MAX_MEMORY, SITE_SECRETS_KEY, SITE_RETIRED_KEYS, SITE_AGENT_TRUSTSTORE,
            SITE_AGENT_TRUSTSTORE_PASSWORD, PASSWORD_ITERATIONS, LOGIN_MAX_FAILURES, LOGIN_WINDOW,
            LOGIN_LOCKOUT, LOGIN_MAX_ADDRESSES, ADMIN_USER,
            ADMIN_PASSWORD_FILE, AGENT_ENABLED, AGENT_NAME, AGENT_HYPERVISOR, AGENT_URI, AGENT_USER, AGENT_PASSWORD,
            AGENT_REGISTRY_URL, AGENT_SECRETS_KEY, AGENT_RETIRED_KEYS, AGENT_IMAGE_DIR, AGENT_SYNC, AGENT_SHUTDOWN_WAIT, AGENT_TASK_POLL,
            AGENT_TASK_TIMEOUT, AGENT_INSTALL_SERVICE_BOOT);

    /** Driver options pass through under this prefix, e.g. gve.agent.option.domain.type=qemu. */
    public static final String AGENT_OPTION_PREFIX = "gve.agent.option.";

    private ConfigKeys() {
    }
}
