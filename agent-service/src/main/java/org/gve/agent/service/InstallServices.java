package org.gve.agent.service;

import org.gve.agent.AgentException;
import org.gve.agent.AgentFault;
import org.gve.agent.guest.GuestCredential;
import org.gve.agent.guest.InstallServiceChannel;
import org.gve.agent.guest.InstallServiceClients;
import org.gve.agent.registry.GuestAccess;
import org.gve.agent.registry.Registry;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.HypervisorDriver;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmState;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The agent's side of the InstallService in its guests. When a VM is made from an InstallService template
 * the agent generates the VM's credential (256 random bits), has the driver prepare the guest with only its
 * hashed line, and records endpoint and credential in the registry. After such a VM boots, the agent waits
 * (bounded) until its InstallService answers with that credential, so a VM handed out is a usable one.
 */
public final class InstallServices {
    private static final Logger LOG = Logger.getLogger(InstallServices.class.getName());
    private final HypervisorDriver driver;
    private final Registry registry;
    private final InstallServiceClients clients;
    private final StateWaiter waiter;
    private final Duration bootTimeout;
    private final SecureRandom random;

    /**
     * @param bootTimeout how long a booting guest's InstallService may take to answer
     * @param poll        how often to ask meanwhile
     */
    public InstallServices(HypervisorDriver driver, Registry registry, InstallServiceClients clients,
                           Duration bootTimeout, Duration poll, SecureRandom random) {
        this.driver = driver;
        this.registry = registry;
        this.clients = clients;
        this.waiter = new StateWaiter(poll);
        this.bootTimeout = bootTimeout;
        this.random = random;
    }

    /** Gives a VM that was just made its own InstallService credential, when its template runs the service. */
    void provision(String vmId) {
        GuestCredential credential = GuestCredential.generate(random);
        Optional<URI> endpoint = call(() -> driver.provisionInstallService(vmId, credential.hashedLine(random)));
        endpoint.ifPresent(uri -> registry.guestAccess(vmId,
                new GuestAccess(uri.toString(), credential.user(), credential.secret())));
    }

    /**
     * A channel into the VM's InstallService, when one is registered for it; a GUEST failure naming the key
     * file when its stored secret cannot be opened.
     */
    Optional<InstallServiceChannel> channel(String vmId) {
        GuestAccess access = registry.holding(vmId).map(h -> h.guest()).orElse(GuestAccess.NONE);
        if (!access.present()) return Optional.empty();
        if (access.unreadable() != null) {
            throw new AgentException(AgentFault.GUEST, "GUEST_SECRET_UNREADABLE", access.unreadable());
        }
        return Optional.of(clients.channel(access));
    }

    /**
     * After a boot: returns once the VM's InstallService (if it has one) answers with the VM's credential;
     * a GUEST failure when it does not within the boot timeout or the VM stops meanwhile.
     */
    void awaitAnswer(String vmId) {
        Optional<InstallServiceChannel> channel = channel(vmId);
        if (channel.isEmpty()) return;
        long started = System.nanoTime();
        Probe last = waiter.await(() -> probe(vmId, channel.get()), p -> p.answered() || p.stopped(), bootTimeout);
        if (last.answered()) {
            LOG.fine(() -> "InstallService of VM " + vmId + " answered after "
                    + (System.nanoTime() - started) / 1_000_000 + " ms: " + last.detail());
            return;
        }
        throw new AgentException(AgentFault.GUEST, "INSTALL_SERVICE_NOT_ANSWERING", "the InstallService of VM "
                + vmId + (last.stopped() ? " never answered: the VM stopped" : " did not answer within "
                + bootTimeout.toSeconds() + " s of its boot") + " (last: " + last.detail() + ")");
    }

    private record Probe(boolean answered, boolean stopped, String detail) {
    }

    private Probe probe(String vmId, InstallServiceChannel channel) {
        try {
            return new Probe(true, false, channel.guestSummary());
        } catch (DriverException e) {
            boolean stopped = call(() -> driver.findVm(vmId)).map(VmDescription::state)
                    .map(s -> s != VmState.RUNNING).orElse(true);
            return new Probe(false, stopped, e.getMessage());
        }
    }

    private static <T> T call(java.util.function.Supplier<T> driverCall) {
        try {
            return driverCall.get();
        } catch (DriverException e) {
            throw DriverFailures.translate(e);
        }
    }
}
