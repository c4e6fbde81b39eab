package org.gve.harness.migration;

import org.gve.agent.AgentApplication;
import org.gve.agent.AgentApplicationSettings;
import org.gve.agent.service.AgentSettings;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HypervisorKind;
import org.gve.deploy.web.Authenticator;
import org.gve.deploy.web.GveServer;
import org.gve.deploy.web.SoapEndpoint;

import javax.xml.namespace.QName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One Agent Service as a separate host would run it: an {@link AgentApplication} on its own embedded Tomcat
 * ({@link GveServer}, free loopback port), published at {@code /gve/agent} with the hand-written contract and
 * HTTP Basic for the one site allowed to call it, with its own in-memory registry database.
 */
final class AgentOnServer implements AutoCloseable {
    private final AgentApplication agent;
    private final GveServer server;
    private final Path tomcatDir;
    private final String secret = UUID.randomUUID().toString();

    AgentOnServer(String name, String hypervisorUri, Path imageDirectory, Map<String, String> options, String site) {
        try {
            tomcatDir = Files.createTempDirectory("gve-agent-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AgentApplicationSettings settings = new AgentApplicationSettings(
                new AgentSettings(name, 1, 128, Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMinutes(5)),
                new DriverSettings(HypervisorKind.KVM, hypervisorUri, null, null, imageDirectory, Duration.ofMillis(100),
                        Duration.ofSeconds(60), options),
                "jdbc:h2:mem:agent-" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Map.of(site, secret), Duration.ofSeconds(2), Duration.ofSeconds(60));
        agent = new AgentApplication(settings, Clock.systemUTC());
        server = new GveServer(tomcatDir, "127.0.0.1", 0, null, null);
        server.mount("/agent", List.of(new SoapEndpoint("/agent", agent.port(), "org/gve/wsdl/AgentService.wsdl",
                        new QName("urn:gve:agent:1", "AgentService"), new QName("urn:gve:agent:1", "AgentPort"))),
                Authenticator.checking(agent::authenticateSite, "SITE"));
        try {
            server.start();
        } catch (org.apache.catalina.LifecycleException e) {
            close();
            throw new IllegalStateException("agent " + name + " did not start", e);
        }
        agent.start();
    }

    String endpoint() {
        return server.scheme() + "://127.0.0.1:" + server.port() + GveServer.CONTEXT + "/agent";
    }

    String secret() {
        return secret;
    }

    AgentApplication application() {
        return agent;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            agent.close();
            try (var files = Files.walk(tomcatDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory; the OS cleans it eventually
            }
        }
    }
}
