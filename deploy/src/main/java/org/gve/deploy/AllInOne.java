package org.gve.deploy;

import org.apache.catalina.LifecycleException;
import org.gve.agent.AgentApplication;
import org.gve.deploy.config.Configuration;
import org.gve.deploy.web.AuthenticatedUser;
import org.gve.deploy.web.GveServer;
import org.gve.deploy.web.SoapEndpoint;
import org.gve.site.SiteApplication;
import org.gve.site.SiteSettings;

import javax.xml.namespace.QName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.gve.deploy.config.ConfigKeys.*;

/**
 * A Site Service and (optionally) one Agent Service in one process on one embedded Tomcat, the
 * agent registered with the site. What {@code gve-server} runs, and what the integration tests start.
 */
public final class AllInOne implements AutoCloseable {
    private static final String SITE_NS = "urn:gve:site:1";
    private static final String SITE_WSDL = "org/gve/wsdl/SiteService.wsdl";
    private final Configuration config;
    private final SiteApplication site;
    private final AgentApplication agent;
    private final GveServer server;
    private final String generatedAdminPassword;

    public AllInOne(Configuration config, Clock clock) throws IOException {
        this.config = config;
        Path data = config.dataDirectory();
        Files.createDirectories(data);
        Files.createDirectories(Path.of(config.string(AGENT_IMAGE_DIR)));
        SiteSettings siteSettings = Settings.site(config);
        this.site = new SiteApplication(siteSettings, clock);
        this.generatedAdminPassword = AdminBootstrap.run(site.users(), config);
        String agentSecret = config.flag(AGENT_ENABLED) ? randomSecret() : null;
        this.agent = config.flag(AGENT_ENABLED)
                ? new AgentApplication(Settings.agent(config, hypervisorUri(config), siteSettings.siteName(), agentSecret), clock)
                : null;
        Path keystore = config.string(TLS_KEYSTORE).isBlank() ? null : Path.of(config.string(TLS_KEYSTORE));
        this.server = new GveServer(data.resolve("tomcat"), config.string(BIND), config.integer(PORT), keystore,
                config.string(TLS_PASSWORD));
        server.mount("/site", List.of(
                siteEndpoint("VirtualMachineRequest", site.requestPort(), site),
                siteEndpoint("VirtualMachineManagement", site.managementPort(), site),
                siteEndpoint("JobStateQuery", site.jobPort(), site),
                siteEndpoint("SiteAdministration", site.adminPort(), site)),
                (user, password) -> site.authenticate(user, password)
                        .map(c -> new AuthenticatedUser(c.userName(), Set.of(c.role().name()))));
        if (agent != null) {
            server.mount("/agent", List.of(new SoapEndpoint("/agent", agent.port(), "org/gve/wsdl/AgentService.wsdl",
                    new QName("urn:gve:agent:1", "AgentService"), new QName("urn:gve:agent:1", "AgentPort"))),
                    (user, password) -> agent.authenticateSite(user, password)
                            ? Optional.of(new AuthenticatedUser(user, Set.of("SITE"))) : Optional.empty());
        }
        this.agentSecret = agentSecret;
    }

    private final String agentSecret;

    public void start() throws LifecycleException {
        server.start();
        if (agent != null) {
            agent.start();
            site.agents().register(config.string(AGENT_NAME), localBase() + "/agent", config.string(AGENT_HYPERVISOR),
                    Settings.site(config).siteName(), agentSecret);
        }
        site.start();
    }

    /** The base URL clients use, e.g. http://127.0.0.1:8080/gve. */
    public String localBase() {
        String host = config.string(BIND).equals("0.0.0.0") ? "127.0.0.1" : config.string(BIND);
        return server.scheme() + "://" + host + ":" + server.port() + GveServer.CONTEXT;
    }

    /** The administrator password generated at this start, if one was. */
    public Optional<String> generatedAdminPassword() {
        return Optional.ofNullable(generatedAdminPassword);
    }

    public SiteApplication site() {
        return site;
    }

    /** The agent running in this process, when {@code gve.agent.enabled}. */
    public Optional<AgentApplication> agent() {
        return Optional.ofNullable(agent);
    }

    private static SoapEndpoint siteEndpoint(String port, Object impl, SiteApplication site) {
        return new SoapEndpoint("/site/" + port, impl, SITE_WSDL, new QName(SITE_NS, "SiteService"),
                new QName(SITE_NS, port + "Port"), site.soapHandlers());
    }

    /** 'demo' means libvirt's test driver with the demo host written into the data directory. */
    private static String hypervisorUri(Configuration config) throws IOException {
        String uri = config.string(AGENT_URI);
        if (!uri.equals("demo")) return uri;
        Path host = config.dataDirectory().resolve("demo-host.xml");
        try (InputStream in = AllInOne.class.getResourceAsStream("/gve-demo-host.xml")) {
            if (in == null) throw new IllegalStateException("gve-demo-host.xml is missing from the class path");
            Files.writeString(host, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("{images}", config.string(AGENT_IMAGE_DIR)));
        }
        return "test://" + host;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.close();
        site.close();
        if (agent != null) agent.close();
    }
}
