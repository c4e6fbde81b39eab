package org.gve.agent.service;

import org.gve.agent.AgentException;
import org.gve.agent.AgentFault;
import org.gve.agent.registry.GuestAccess;
import org.gve.agent.registry.Registry;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.GuestChannel;
import org.gve.agent.spi.GuestCommand;
import org.gve.agent.spi.GuestCommandResult;
import org.gve.agent.spi.GuestFile;
import org.gve.agent.spi.HypervisorDriver;
import org.gve.agent.spi.VmState;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Commands and file copies in a guest a site holds: through the VM's InstallService when the
 * registry knows one, else through the hypervisor's own guest agent, else a clear GUEST fault.
 */
public final class GuestOperations {
    private final AgentService agent;
    private final HypervisorDriver driver;
    private final Registry registry;
    private final InstallServices installServices;

    public GuestOperations(AgentService agent, HypervisorDriver driver, Registry registry,
                           InstallServices installServices) {
        this.agent = agent;
        this.driver = driver;
        this.registry = registry;
        this.installServices = installServices;
    }

    public GuestCommandResult run(String site, String vmId, GuestCommand command) {
        GuestChannel channel = channel(site, vmId);
        return call(() -> channel.run(command));
    }

    public GuestFile put(String site, String vmId, String path, String mode, InputStream content) {
        requirePath(path);
        GuestChannel channel = channel(site, vmId);
        return call(() -> channel.put(path, mode, content));
    }

    public GuestFile get(String site, String vmId, String path, OutputStream content) {
        requirePath(path);
        GuestChannel channel = channel(site, vmId);
        return call(() -> channel.get(path, content));
    }

    /**
     * Records how to reach a VM's InstallService that the agent did not provision itself (an image with the
     * InstallService installed and a credential the administrator gave it).
     */
    public void registerInstallService(String site, String vmId, GuestAccess access) {
        agent.heldVm(site, vmId);
        registry.guestAccess(vmId, access);
    }

    private GuestChannel channel(String site, String vmId) {
        if (agent.heldVm(site, vmId).state() != VmState.RUNNING) {
            throw new AgentException(AgentFault.INVALID_STATE, "VM_NOT_RUNNING", "VM " + vmId + " is not running");
        }
        Optional<? extends GuestChannel> installService = installServices.channel(vmId);
        if (installService.isPresent()) return installService.get();
        return call(() -> driver.guestChannel(vmId)).orElseThrow(() -> new AgentException(AgentFault.GUEST,
                "NO_GUEST_CHANNEL", "VM " + vmId + " has no InstallService registered and its hypervisor offers no guest agent"));
    }

    private static void requirePath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new AgentException(AgentFault.INVALID_ARGUMENT, "INVALID_PATH", "Path must be absolute, got " + path);
        }
    }

    private static <T> T call(java.util.function.Supplier<T> guestCall) {
        try {
            return guestCall.get();
        } catch (DriverException e) {
            throw DriverFailures.translate(e);
        }
    }
}
