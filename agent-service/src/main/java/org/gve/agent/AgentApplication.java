package org.gve.agent;

import org.gve.agent.guest.InstallServiceClients;
import org.gve.agent.registry.Registry;
import org.gve.agent.registry.RegistryDatabase;
import org.gve.agent.service.AgentService;
import org.gve.agent.service.GuestOperations;
import org.gve.agent.service.InstallServices;
import org.gve.agent.spi.HypervisorDriver;
import org.gve.agent.spi.HypervisorDriverProvider;
import org.gve.agent.ws.AgentPortImpl;
import org.gve.wsdl.runtime.SecretBox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An Agent Service, assembled: the hypervisor driver found through its provider, the registry
 * database with the key that seals its guest secrets, the domain service and the endpoint
 * implementation. Starting it seals guest secrets left in clear, syncs the registry with the
 * hypervisor and keeps it in step.
 */
public final class AgentApplication implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AgentApplication.class.getName());
    private final AgentApplicationSettings settings;
    private final HypervisorDriver driver;
    private final RegistryDatabase database;
    private final Registry registry;
    private final AgentService service;
    private final AgentPortImpl port;
    private final ScheduledExecutorService background;

    public AgentApplication(AgentApplicationSettings settings, Clock clock) {
        this.settings = settings;
        SecretBox secrets = settings.secretsKeyFile() != null
                ? SecretBox.fromKeyFiles(settings.secretsKeyFile(), settings.retiredKeyFiles()) : SecretBox.ephemeral();
        this.driver = openDriver(settings);
        try {
            this.database = new RegistryDatabase(settings.registryJdbc(), "sa", "");
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
        // a held VM missing from three listings in a row is gone; one missed listing never frees it
        this.registry = new Registry(database, clock, secrets, settings.registrySync().multipliedBy(3));
        InstallServices installServices = new InstallServices(driver, registry,
                new InstallServiceClients(Path.of(System.getProperty("java.io.tmpdir")), settings.guestTimeout()),
                settings.agent().installServiceBoot(), Duration.ofMillis(500), new SecureRandom());
        this.service = new AgentService(driver, registry, settings.agent(), clock, installServices);
        GuestOperations guest = new GuestOperations(service, driver, registry, installServices);
        this.port = new AgentPortImpl(service, guest, settings.agent().agentName(), settings.spoolDirectory());
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gve-agent-registry-sync");
            t.setDaemon(true);
            return t;
        });
    }

    private static HypervisorDriver openDriver(AgentApplicationSettings settings) {
        List<HypervisorDriverProvider> providers = ServiceLoader.load(HypervisorDriverProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.supports(settings.driver().kind()))
                .toList();
        if (providers.size() != 1) {
            throw new IllegalStateException("expected one hypervisor driver for " + settings.driver().kind()
                    + ", found " + providers.stream().map(HypervisorDriverProvider::name).toList());
        }
        return providers.get(0).open(settings.driver());
    }

    public void start() {
        registry.sealClearSecrets();
        service.syncRegistry();
        long every = settings.registrySync().toMillis();
        background.scheduleWithFixedDelay(this::sync, every, every, TimeUnit.MILLISECONDS);
    }

    private void sync() {
        try {
            service.syncRegistry();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "registry sync failed", e);
        }
    }

    /** Whether {@code site} may call with {@code secret} (constant-time comparison). */
    public boolean authenticateSite(String site, char[] secret) {
        String expected = settings.sites().get(site);
        if (expected == null || secret == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                new String(secret).getBytes(StandardCharsets.UTF_8));
    }

    public AgentPortImpl port() {
        return port;
    }

    public AgentService service() {
        return service;
    }

    /** The registry, for operators and tests that check which site holds what. */
    public Registry registry() {
        return registry;
    }

    @Override
    public void close() {
        background.shutdownNow();
        database.close();
        driver.close();
    }
}
