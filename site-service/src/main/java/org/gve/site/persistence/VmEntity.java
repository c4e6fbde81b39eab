package org.gve.site.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A VM granted to a user: where it lives (agent and the agent's id for it), its size and lease. */
@Entity
@Table(name = "site_vm")
public class VmEntity {
    @Id
    @Column(name = "vm_id")
    private String vmId;
    @Column(name = "owner", nullable = false)
    private String owner;
    @Column(name = "agent_name", nullable = false)
    private String agentName;
    @Column(name = "agent_vm_id", nullable = false)
    private String agentVmId;
    @Column(name = "name", nullable = false)
    private String name;
    @Column(name = "hypervisor", nullable = false)
    private String hypervisor;
    @Column(name = "state", nullable = false)
    private String state;
    @Column(name = "vcpus", nullable = false)
    private int vcpus;
    @Column(name = "memory_mib", nullable = false)
    private long memoryMiB;
    @Column(name = "disk_mib", nullable = false)
    private long diskMiB;
    @Column(name = "template")
    private String template;
    @Column(name = "created_by_site", nullable = false)
    private boolean createdBySite;
    @Column(name = "host_name")
    private String hostName;
    @Column(name = "lease_deadline", nullable = false)
    private Instant leaseDeadline;
    @Column(name = "granted", nullable = false)
    private Instant granted;
    @Column(name = "released")
    private Instant released;
    @Column(name = "lost_at")
    private Instant lostAt;
    @Column(name = "lease_stopped")
    private Instant leaseStopped;
    @Version
    private long version;

    protected VmEntity() {
    }

    public VmEntity(String vmId, String owner, String agentName, String agentVmId, String hypervisor,
                    boolean createdBySite, Instant granted, Instant leaseDeadline) {
        this.createdBySite = createdBySite;
        this.vmId = vmId;
        this.owner = owner;
        this.agentName = agentName;
        this.agentVmId = agentVmId;
        this.hypervisor = hypervisor;
        this.granted = granted;
        this.leaseDeadline = leaseDeadline;
        this.name = vmId;
        this.state = "UNKNOWN";
    }

    public String vmId() { return vmId; }
    public String owner() { return owner; }
    public String agentName() { return agentName; }
    public String agentVmId() { return agentVmId; }
    public String name() { return name; }
    public String hypervisor() { return hypervisor; }
    public String state() { return state; }
    public int vcpus() { return vcpus; }
    public long memoryMiB() { return memoryMiB; }
    public long diskMiB() { return diskMiB; }
    public String template() { return template; }
    public String hostName() { return hostName; }
    /** Made from a template for this grant (destroyed on release), rather than taken from the free pool. */
    public boolean createdBySite() { return createdBySite; }
    public Instant leaseDeadline() { return leaseDeadline; }
    public Instant granted() { return granted; }
    public Instant released() { return released; }
    /** When reconciliation found the VM gone from its agent; it no longer counts against quota. */
    public Instant lostAt() { return lostAt; }
    /** When the lease enforcer stopped the VM because its lease ended; null while the lease runs. */
    public Instant leaseStopped() { return leaseStopped; }

    public void observed(String vmName, String vmState, int cpus, long memory, long disk, String templateName,
                         String host) {
        this.name = vmName;
        this.state = vmState;
        this.vcpus = cpus;
        this.memoryMiB = memory;
        this.diskMiB = disk;
        this.template = templateName;
        this.hostName = host;
    }

    public void state(String vmState) { this.state = vmState; }

    public void movedTo(String agent, String agentId, String host) {
        this.agentName = agent;
        this.agentVmId = agentId;
        this.hostName = host;
    }

    public void leaseDeadline(Instant deadline) { this.leaseDeadline = deadline; }

    public void leaseStopped(Instant at) { this.leaseStopped = at; }

    public void lost(Instant at) {
        this.lostAt = at;
        this.state = "LOST";
    }

    public void released(Instant at) { this.released = at; }
}
