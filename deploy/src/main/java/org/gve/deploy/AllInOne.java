package org.gve.deploy;

import org.apache.catalina.LifecycleException;
import org.gve.agent.AgentApplication;
import org.gve.deploy.config.Configuration;
import org.gve.deploy.web.GveServer;
import org.gve.deploy.web.Mount;
import org.gve.site.SiteApplication;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.gve.deploy.config.ConfigKeys.*;

/**
 * A Site Service and (optionally) one Agent Service in one process on one embedded Tomcat, the
 * agent registered with the site. What {@code gve-server} runs, and what the integration tests start.
 * What is published is the {@link GveAssembly}; this class adds the embedded server.
 */
public final class AllInOne implements AutoCloseable {
    private final Configuration config;
    private final GveAssembly assembly;
    private final GveServer server;

    public AllInOne(Configuration config, Clock clock) throws IOException {
        this.config = config;
        this.assembly = new GveAssembly(config, clock);
        try {
            Path keystore = config.string(TLS_KEYSTORE).isBlank() ? null : Path.of(config.string(TLS_KEYSTORE));
            this.server = new GveServer(config.dataDirectory().resolve("tomcat"), config.string(BIND), config.integer(PORT),
                    keystore, config.string(TLS_PASSWORD));
            for (Mount mount : assembly.mounts()) server.mount(mount);
            server.serveHealth(assembly::health);
        } catch (RuntimeException e) {
            assembly.close();
            throw e;
        }
    }

    public void start() throws LifecycleException {
        server.start();
        assembly.start(localBase());
    }

    /** The base URL clients use, e.g. http://127.0.0.1:8080/gve. */
    public String localBase() {
        String host = config.string(BIND).equals("0.0.0.0") ? "127.0.0.1" : config.string(BIND);
        return server.scheme() + "://" + host + ":" + server.port() + GveServer.CONTEXT;
    }

    /** The administrator password generated at this start, if one was. */
    public Optional<String> generatedAdminPassword() {
        return assembly.generatedAdminPassword();
    }

    public SiteApplication site() {
        return assembly.site();
    }

    /** The agent running in this process, when {@code gve.agent.enabled}. */
    public Optional<AgentApplication> agent() {
        return assembly.agent();
    }

    @Override
    public void close() {
        server.close();
        assembly.close();
    }
}
