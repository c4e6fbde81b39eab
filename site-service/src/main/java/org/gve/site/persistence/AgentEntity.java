package org.gve.site.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** An Agent Service the site uses: where it is, how to log in, and its last known health and capacity. */
@Entity
@Table(name = "site_agent")
public class AgentEntity {
    @Id
    @Column(name = "name")
    private String name;
    @Column(name = "endpoint_url", nullable = false)
    private String endpointUrl;
    @Column(name = "hypervisor", nullable = false)
    private String hypervisor;
    @Column(name = "user_name")
    private String userName;
    @Column(name = "secret")
    private String secret;
    @Column(name = "health", nullable = false)
    private String health;
    @Column(name = "health_detail")
    private String healthDetail;
    @Column(name = "last_seen")
    private Instant lastSeen;
    @Column(name = "vcpus_total", nullable = false)
    private int vcpusTotal;
    @Column(name = "vcpus_used", nullable = false)
    private int vcpusUsed;
    @Column(name = "memory_total", nullable = false)
    private long memoryTotal;
    @Column(name = "memory_used", nullable = false)
    private long memoryUsed;
    @Column(name = "vm_count", nullable = false)
    private int vmCount;
    @Column(name = "registered", nullable = false)
    private Instant registered;
    @Version
    private long version;

    protected AgentEntity() {
    }

    public AgentEntity(String name, String endpointUrl, String hypervisor, String userName, String secret,
                       Instant registered) {
        this.name = name;
        this.registered = registered;
        this.health = "UNKNOWN";
        endpoint(endpointUrl, hypervisor, userName, secret);
    }

    public String name() { return name; }
    public String endpointUrl() { return endpointUrl; }
    public String hypervisor() { return hypervisor; }
    public String userName() { return userName; }
    public String secret() { return secret; }
    public String health() { return health; }
    public String healthDetail() { return healthDetail; }
    public Instant lastSeen() { return lastSeen; }
    public int vcpusTotal() { return vcpusTotal; }
    public int vcpusUsed() { return vcpusUsed; }
    public long memoryTotal() { return memoryTotal; }
    public long memoryUsed() { return memoryUsed; }
    public int vmCount() { return vmCount; }

    public void endpoint(String url, String hypervisorType, String user, String password) {
        this.endpointUrl = url;
        this.hypervisor = hypervisorType;
        this.userName = user;
        this.secret = password;
    }

    public void up(Instant at, int cpus, int cpusUsed, long memory, long memUsed, int vms) {
        this.health = "UP";
        this.healthDetail = null;
        this.lastSeen = at;
        this.vcpusTotal = cpus;
        this.vcpusUsed = cpusUsed;
        this.memoryTotal = memory;
        this.memoryUsed = memUsed;
        this.vmCount = vms;
    }

    /** Counts a VM the site just placed here, until the next poll reports the agent's own numbers. */
    public void allocated(int cpus, long memory) {
        this.vcpusUsed += cpus;
        this.memoryUsed += memory;
        this.vmCount += 1;
    }

    /** Counts a VM the site just gave back, until the next poll reports the agent's own numbers. */
    public void freed(int cpus, long memory) {
        this.vcpusUsed = Math.max(0, vcpusUsed - cpus);
        this.memoryUsed = Math.max(0, memoryUsed - memory);
        this.vmCount = Math.max(0, vmCount - 1);
    }

    public void down(String detail) {
        this.health = "DOWN";
        this.healthDetail = detail;
    }
}
