package org.gve.site.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A job is data: operation, serialized request, owner, status (text), result or fault, target VM,
 * the node that runs it, what it reserved of the owner's quota, and timestamps.
 */
@Entity
@Table(name = "site_job")
public class JobEntity {
    @Id
    @Column(name = "job_id")
    private String jobId;
    @Column(name = "seq", nullable = false)
    private long seq;
    @Column(name = "owner", nullable = false)
    private String owner;
    @Column(name = "operation", nullable = false)
    private String operation;
    @Column(name = "vm_id")
    private String vmId;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "progress")
    private String progress;
    @Column(name = "fault_code")
    private String faultCode;
    @Column(name = "fault_message")
    private String faultMessage;
    @Column(name = "request", nullable = false)
    private String request;
    @Column(name = "result")
    private String result;
    @Column(name = "client_token")
    private String clientToken;
    @Column(name = "agent_name")
    private String agentName;
    @Column(name = "agent_vm_id")
    private String agentVmId;
    @Column(name = "agent_vm_created", nullable = false)
    private boolean agentVmCreated;
    @Column(name = "reserved_vms", nullable = false)
    private int reservedVms;
    @Column(name = "reserved_vcpus", nullable = false)
    private int reservedVcpus;
    @Column(name = "reserved_memory_mib", nullable = false)
    private long reservedMemoryMiB;
    @Column(name = "reserved_disk_mib", nullable = false)
    private long reservedDiskMiB;
    @Column(name = "node")
    private String node;
    @Column(name = "created", nullable = false)
    private Instant created;
    @Column(name = "started")
    private Instant started;
    @Column(name = "finished")
    private Instant finished;
    @Version
    private long version;

    protected JobEntity() {
    }

    public JobEntity(String jobId, long seq, String owner, String operation, String vmId, String request,
                     String clientToken, Instant created) {
        this.jobId = jobId;
        this.seq = seq;
        this.owner = owner;
        this.operation = operation;
        this.vmId = vmId;
        this.request = request;
        this.clientToken = clientToken;
        this.created = created;
        this.status = "PENDING";
        this.progress = "queued";
    }

    public String jobId() { return jobId; }
    /** Submission order, from a database sequence: jobs on one VM run in this order. */
    public long seq() { return seq; }
    public String owner() { return owner; }
    public String operation() { return operation; }
    public String vmId() { return vmId; }
    public String status() { return status; }
    public String progress() { return progress; }
    public String faultCode() { return faultCode; }
    public String faultMessage() { return faultMessage; }
    public String request() { return request; }
    public String result() { return result; }
    public String clientToken() { return clientToken; }
    public String agentName() { return agentName; }
    public String agentVmId() { return agentVmId; }
    public boolean agentVmCreated() { return agentVmCreated; }

    /** Records, before the job goes on, which agent VM it took or made, so a crash can undo it. */
    public void agentVm(String agent, String vmOnAgent, boolean created) {
        this.agentName = agent;
        this.agentVmId = vmOnAgent;
        this.agentVmCreated = created;
    }
    public int reservedVms() { return reservedVms; }
    public int reservedVcpus() { return reservedVcpus; }
    public long reservedMemoryMiB() { return reservedMemoryMiB; }
    public long reservedDiskMiB() { return reservedDiskMiB; }
    public String node() { return node; }
    public Instant created() { return created; }
    public Instant started() { return started; }
    public Instant finished() { return finished; }

    public void reserve(int vms, int vcpus, long memoryMiB, long diskMiB) {
        this.reservedVms = vms;
        this.reservedVcpus = vcpus;
        this.reservedMemoryMiB = memoryMiB;
        this.reservedDiskMiB = diskMiB;
    }

    public void start(String runningNode, Instant at) {
        this.status = "RUNNING";
        this.node = runningNode;
        this.started = at;
        this.progress = "started";
    }

    public void progress(String note) { this.progress = note; }

    /** Puts a job a stopped site left RUNNING back in the queue, to run again from the start. */
    public void requeue(String note) {
        this.status = "PENDING";
        this.node = null;
        this.started = null;
        this.progress = note;
    }

    public void vmId(String id) { this.vmId = id; }

    public void succeed(String jobResult, Instant at) {
        this.status = "SUCCEEDED";
        this.result = jobResult;
        this.finished = at;
        this.progress = "done";
        reserve(0, 0, 0, 0);
    }

    public void fail(String status, String code, String message, Instant at) {
        this.status = status;
        this.faultCode = code;
        this.faultMessage = message.length() > 2000 ? message.substring(0, 2000) : message;
        this.finished = at;
        reserve(0, 0, 0, 0);
    }
}
