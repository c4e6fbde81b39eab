package org.gve.site;

import org.gve.site.identity.AddressThrottleSettings;
import org.gve.site.identity.Quota;
import org.gve.site.persistence.DatabaseSettings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Typed configuration of a Site Service, resolved once (see deploy's configuration reference), in
 * groups that say what each value is for.
 *
 * @param siteName       how this site names itself to agents
 * @param database       where the User Information DB lives
 * @param jobs           how jobs run and how long they are kept
 * @param agents         how the site reaches and watches its agents
 * @param grants         what a user gets when a request or an administrator says nothing, and leases
 * @param profiles       defaults and bounds of the VM profiles users ask for
 * @param security       password hashing, sealed credentials and login throttling
 * @param spoolDirectory where file downloads wait while they are sent on to the client (null: the JVM's
 *                       temporary directory)
 */
public record SiteSettings(String siteName, DatabaseSettings database, Jobs jobs, Agents agents, Grants grants,
                           Profiles profiles, Security security, Path spoolDirectory) {

    /**
     * @param nodeName  this process's name in job rows (one node per database: see the README)
     * @param workers   how many jobs run at once
     * @param poll      how often the dispatcher looks for work it was not woken for
     * @param retention how long finished jobs (state and results) are kept; zero: for ever
     */
    public record Jobs(String nodeName, int workers, Duration poll, Duration retention) {
    }

    /**
     * @param callTimeout        connect and request timeout of calls to agents
     * @param healthPoll         how often agents are polled for health and capacity
     * @param reconcileInterval  how often the records are reconciled with every agent (an agent that
     *                           comes back UP is reconciled with at once)
     * @param truststore         PKCS12 store whose certificates the site trusts, besides the JVM's
     *                           default, when it calls agents over HTTPS; null: the JVM's default only
     * @param truststorePassword its password
     */
    public record Agents(Duration callTimeout, Duration healthPoll, Duration reconcileInterval, Path truststore,
                         String truststorePassword) {
    }

    /**
     * @param defaultLease lease length when a request gives none
     * @param leaseCheck   how often the lease enforcer looks for VMs past their lease
     * @param defaultQuota quota of new users when the administrator gives none
     */
    public record Grants(Duration defaultLease, Duration leaseCheck, Quota defaultQuota) {
    }

    /**
     * @param defaultVcpus     vCPUs when a profile gives none
     * @param defaultMemoryMiB memory when a profile gives none
     * @param maxVcpus         largest vCPU count a profile may ask for
     * @param maxMemoryMiB     largest memory a profile may ask for
     */
    public record Profiles(int defaultVcpus, long defaultMemoryMiB, int maxVcpus, long maxMemoryMiB) {
    }

    /**
     * @param passwordIterations PBKDF2 rounds for new password hashes
     * @param secretsKeyFile     key that seals the credentials the site presents to agents; null: a key
     *                           that lives only as long as the process (tests)
     * @param loginThrottle      when failed logins pause further logins from the same client address
     * @param retiredKeyFiles    keys of earlier rotations: they only open; at start what they sealed is
     *                           sealed again under {@code secretsKeyFile}
     */
    public record Security(int passwordIterations, Path secretsKeyFile, AddressThrottleSettings loginThrottle,
                           java.util.List<Path> retiredKeyFiles) {
        public Security {
            retiredKeyFiles = java.util.List.copyOf(retiredKeyFiles);
        }
    }
}
