package org.gve.agent.service;

import org.gve.agent.guest.InstallServiceClients;
import org.gve.agent.registry.Registry;
import org.gve.agent.registry.RegistryDatabase;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HypervisorDriver;
import org.gve.agent.spi.HypervisorDriverProvider;
import org.gve.agent.spi.HypervisorKind;
import org.gve.wsdl.runtime.SecretBox;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * An agent's domain layer assembled as AgentApplication does (driver found through its provider, registry on an
 * in-memory H2 database migrated by Flyway), without the SOAP endpoint.
 */
final class AgentUnderTest implements AutoCloseable {
    final HypervisorDriver driver;
    final RegistryDatabase database;
    final Registry registry;
    final AgentService service;
    final GuestOperations guest;

    AgentUnderTest(String uri, Path imageDirectory, Map<String, String> options, Clock clock, Duration installServiceBoot) {
        DriverSettings settings = new DriverSettings(HypervisorKind.KVM, uri, null, null, imageDirectory,
                Duration.ofMillis(100), Duration.ofSeconds(60), options);
        HypervisorDriverProvider provider = ServiceLoader.load(HypervisorDriverProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.supports(HypervisorKind.KVM)).findFirst().orElseThrow();
        this.driver = provider.open(settings);
        this.database = new RegistryDatabase("jdbc:h2:mem:agent-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        this.registry = new Registry(database, clock, SecretBox.ephemeral());
        AgentSettings agentSettings = new AgentSettings("agent-under-test", 1, 128, Duration.ofSeconds(60),
                Duration.ofMillis(100), Duration.ofMinutes(5), installServiceBoot);
        InstallServices installServices = new InstallServices(driver, registry,
                new InstallServiceClients(Path.of(System.getProperty("java.io.tmpdir")), Duration.ofSeconds(10)),
                installServiceBoot, Duration.ofMillis(200), new SecureRandom());
        this.service = new AgentService(driver, registry, agentSettings, clock, installServices);
        this.guest = new GuestOperations(service, driver, registry, installServices);
    }

    /** {@code test:///ABSOLUTE/PATH} of a node file under src/test/resources. */
    static String testNode(String resource) {
        URL url = AgentUnderTest.class.getResource(resource);
        if (url == null) throw new IllegalStateException("missing test resource " + resource);
        try {
            return "test://" + Path.of(url.toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        database.close();
        driver.close();
    }
}
