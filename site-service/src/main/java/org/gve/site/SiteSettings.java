package org.gve.site;

import org.gve.site.identity.AddressThrottleSettings;
import org.gve.site.identity.Quota;
import org.gve.site.persistence.DatabaseSettings;

import java.time.Duration;

/**
 * Typed configuration of a Site Service, resolved once (see deploy's configuration reference).
 *
 * @param siteName           how this site names itself to agents
 * @param database           where the User Information DB lives
 * @param nodeName           this process's name in job rows (one node per database: see the README)
 * @param jobWorkers         how many jobs run at once
 * @param jobPoll            how often the dispatcher looks for work it was not woken for
 * @param agentCallTimeout   connect and request timeout of calls to agents
 * @param agentHealthPoll    how often agents are polled for health and capacity
 * @param leaseCheck         how often the lease enforcer looks for VMs past their lease
 * @param defaultLease       lease length when a request gives none
 * @param defaultQuota       quota of new users when the administrator gives none
 * @param defaultVcpus       vCPUs when a profile gives none
 * @param defaultMemoryMiB   memory when a profile gives none
 * @param maxVcpus           largest vCPU count a profile may ask for
 * @param maxMemoryMiB       largest memory a profile may ask for
 * @param passwordIterations PBKDF2 rounds for new password hashes
 * @param secretsKeyFile     key that seals the credentials the site presents to agents; null: a key
 *                           that lives only as long as the process (tests)
 * @param reconcileInterval  how often the records are reconciled with every agent (an agent that comes
 *                           back UP is reconciled with at once)
 * @param agentTruststore    PKCS12 store whose certificates the site trusts, besides the JVM's default,
 *                           when it calls agents over HTTPS; null: the JVM's default only
 * @param agentTruststorePassword its password
 * @param loginThrottle      when failed logins pause further logins from the same client address
 * @param jobRetention       how long finished jobs (state and results) are kept; zero: for ever
 * @param spoolDirectory     where file downloads wait while they are sent on to the client (null: the
 *                           JVM's temporary directory)
 */
public record SiteSettings(String siteName, DatabaseSettings database, String nodeName, int jobWorkers,
                           Duration jobPoll, Duration agentCallTimeout, Duration agentHealthPoll,
                           Duration leaseCheck, Duration defaultLease, Quota defaultQuota, int defaultVcpus, long defaultMemoryMiB,
                           int maxVcpus, long maxMemoryMiB, int passwordIterations, java.nio.file.Path secretsKeyFile,
                           Duration reconcileInterval, java.nio.file.Path agentTruststore,
                           String agentTruststorePassword, AddressThrottleSettings loginThrottle,
                           Duration jobRetention, java.nio.file.Path spoolDirectory) {
}
