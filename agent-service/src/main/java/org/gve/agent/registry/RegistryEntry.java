package org.gve.agent.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** One VM the agent knows, and who holds it. Lives only inside the registry package. */
@Entity
@Table(name = "registry_vm")
public class RegistryEntry {
    @Id
    @Column(name = "vm_id")
    private String vmId;
    @Column(name = "name", nullable = false)
    private String name;
    @Column(name = "hypervisor", nullable = false)
    private String hypervisor;
    @Column(name = "state", nullable = false)
    private String state;
    @Column(name = "template_id")
    private String templateId;
    @Column(name = "holder_site")
    private String holderSite;
    @Column(name = "reserved_by")
    private String reservedBy;
    @Column(name = "reserved_until")
    private Instant reservedUntil;
    @Column(name = "guest_endpoint")
    private String guestEndpoint;
    @Column(name = "guest_user")
    private String guestUser;
    @Column(name = "guest_secret", length = 512) // sealed, see Registry
    private String guestSecret;
    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;
    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;
    @Version
    private long version;

    protected RegistryEntry() {
    }

    RegistryEntry(String vmId, String name, String hypervisor, String state, String templateId, Instant seen) {
        this.vmId = vmId;
        this.name = name;
        this.hypervisor = hypervisor;
        this.state = state;
        this.templateId = templateId;
        this.firstSeen = seen;
        this.lastSeen = seen;
    }

    String vmId() { return vmId; }
    String name() { return name; }
    String holderSite() { return holderSite; }
    Instant lastSeen() { return lastSeen; }
    String reservedBy() { return reservedBy; }
    Instant reservedUntil() { return reservedUntil; }
    String templateId() { return templateId; }
    String guestEndpoint() { return guestEndpoint; }
    String guestUser() { return guestUser; }
    String guestSecret() { return guestSecret; }

    /** What the hypervisor says now; the row (and its version) changes only when name or state did. */
    void seen(String newName, String newState, Instant at) {
        if (newName.equals(name) && newState.equals(state)) return;
        this.name = newName;
        this.state = newState;
        this.lastSeen = at;
    }

    void holdFor(String site) {
        this.holderSite = site;
        this.reservedBy = null;
        this.reservedUntil = null;
    }

    void reserveFor(String site, Instant until) {
        this.reservedBy = site;
        this.reservedUntil = until;
    }

    void free() {
        holdFor(null);
    }

    void guest(String endpoint, String user, String secret) {
        this.guestEndpoint = endpoint;
        this.guestUser = user;
        this.guestSecret = secret;
    }
}
