package org.gve.site.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A user of the site, with the hash of their password, role and quota. */
@Entity
@Table(name = "site_user")
public class UserEntity {
    @Id
    @Column(name = "user_name")
    private String userName;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(name = "role", nullable = false)
    private String role;
    @Column(name = "max_vms", nullable = false)
    private int maxVms;
    @Column(name = "max_vcpus", nullable = false)
    private int maxVcpus;
    @Column(name = "max_memory_mib", nullable = false)
    private long maxMemoryMiB;
    @Column(name = "max_disk_mib", nullable = false)
    private long maxDiskMiB;
    @Column(name = "max_lease_seconds", nullable = false)
    private long maxLeaseSeconds;
    @Column(name = "created", nullable = false)
    private Instant created;
    @Version
    private long version;

    protected UserEntity() {
    }

    public UserEntity(String userName, String passwordHash, String role, Instant created) {
        this.userName = userName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.created = created;
    }

    public String userName() { return userName; }
    public String passwordHash() { return passwordHash; }
    public String role() { return role; }
    public int maxVms() { return maxVms; }
    public int maxVcpus() { return maxVcpus; }
    public long maxMemoryMiB() { return maxMemoryMiB; }
    public long maxDiskMiB() { return maxDiskMiB; }
    public long maxLeaseSeconds() { return maxLeaseSeconds; }

    public void passwordHash(String hash) { this.passwordHash = hash; }

    public void quota(int vms, int vcpus, long memoryMiB, long diskMiB, long leaseSeconds) {
        this.maxVms = vms;
        this.maxVcpus = vcpus;
        this.maxMemoryMiB = memoryMiB;
        this.maxDiskMiB = diskMiB;
        this.maxLeaseSeconds = leaseSeconds;
    }
}
