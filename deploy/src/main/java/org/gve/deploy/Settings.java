package org.gve.deploy;

import org.gve.agent.AgentApplicationSettings;
import org.gve.agent.service.AgentSettings;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HypervisorKind;
import org.gve.deploy.config.ConfigKey;
import org.gve.deploy.config.Configuration;
import org.gve.site.SiteSettings;
import org.gve.site.identity.AddressThrottleSettings;
import org.gve.site.identity.Quota;
import org.gve.site.persistence.DatabaseSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.gve.deploy.config.ConfigKeys.*;

/** Turns the launcher's configuration into the typed settings of the site and the agent. */
final class Settings {
    private Settings() {
    }

    static SiteSettings site(Configuration c) {
        return new SiteSettings(c.string(SITE_NAME),
                new DatabaseSettings(c.string(SITE_DB_URL), c.string(SITE_DB_USER), c.string(SITE_DB_PASSWORD), 16),
                new SiteSettings.Jobs(c.string(SITE_NODE), c.integer(SITE_WORKERS), Duration.ofSeconds(2),
                        Duration.ofDays(c.zeroOrMore(SITE_JOB_RETENTION))),
                new SiteSettings.Agents(c.seconds(SITE_AGENT_TIMEOUT), c.seconds(SITE_HEALTH_POLL), c.seconds(SITE_RECONCILE),
                        agentTruststore(c), c.string(SITE_AGENT_TRUSTSTORE).isBlank() ? c.string(TLS_PASSWORD)
                                : c.string(SITE_AGENT_TRUSTSTORE_PASSWORD)),
                new SiteSettings.Grants(c.seconds(SITE_DEFAULT_LEASE), c.seconds(SITE_LEASE_CHECK),
                        new Quota(c.integer(QUOTA_VMS), c.integer(QUOTA_VCPUS), c.number(QUOTA_MEMORY), c.number(QUOTA_DISK),
                                c.number(QUOTA_LEASE))),
                new SiteSettings.Profiles(c.integer(PROFILE_VCPUS), c.number(PROFILE_MEMORY), c.integer(PROFILE_MAX_VCPUS),
                        c.number(PROFILE_MAX_MEMORY)),
                new SiteSettings.Security(c.integer(PASSWORD_ITERATIONS), Path.of(c.string(SITE_SECRETS_KEY)),
                        new AddressThrottleSettings(c.integer(LOGIN_MAX_FAILURES), c.seconds(LOGIN_WINDOW),
                                c.seconds(LOGIN_LOCKOUT), c.integer(LOGIN_MAX_ADDRESSES)), paths(c, SITE_RETIRED_KEYS)),
                spool(c));
    }

    /** The configured agent truststore, else the server's own keystore when it serves HTTPS (the all-in-one's agent is there). */
    private static Path agentTruststore(Configuration c) {
        if (!c.string(SITE_AGENT_TRUSTSTORE).isBlank()) return Path.of(c.string(SITE_AGENT_TRUSTSTORE));
        return c.string(TLS_KEYSTORE).isBlank() ? null : Path.of(c.string(TLS_KEYSTORE));
    }

    static AgentApplicationSettings agent(Configuration c, String hypervisorUri, String siteName, String siteSecret) {
        AgentSettings agent = new AgentSettings(c.string(AGENT_NAME), 1, 512, c.seconds(AGENT_SHUTDOWN_WAIT),
                Duration.ofMillis(200), Duration.ofMinutes(5), c.seconds(AGENT_INSTALL_SERVICE_BOOT));
        DriverSettings driver = new DriverSettings(HypervisorKind.valueOf(c.string(AGENT_HYPERVISOR)), hypervisorUri,
                blankToNull(c.string(AGENT_USER)), blankToNull(c.string(AGENT_PASSWORD)),
                Path.of(c.string(AGENT_IMAGE_DIR)), Duration.ofMillis(c.number(AGENT_TASK_POLL)),
                c.seconds(AGENT_TASK_TIMEOUT), c.agentOptions());
        return new AgentApplicationSettings(agent, driver, c.string(AGENT_REGISTRY_URL), Map.of(siteName, siteSecret),
                c.seconds(AGENT_SYNC), Duration.ofSeconds(120), Path.of(c.string(AGENT_SECRETS_KEY)), spool(c),
                paths(c, AGENT_RETIRED_KEYS));
    }

    /** {data}/spool: request attachments and downloads in transit (GveAssembly empties it at start). */
    static Path spool(Configuration c) {
        return c.dataDirectory().resolve("spool");
    }

    /** A comma-separated list of paths; empty: none. */
    static java.util.List<Path> paths(Configuration c, ConfigKey key) {
        return java.util.Arrays.stream(c.string(key).split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .map(Path::of).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
