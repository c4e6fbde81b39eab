package org.gve.deploy;

import org.gve.agent.AgentApplication;
import org.gve.deploy.config.Configuration;
import org.gve.deploy.web.AuthenticatedUser;
import org.gve.deploy.web.Authentication;
import org.gve.deploy.web.Authenticator;
import org.gve.deploy.web.HealthServlet;
import org.gve.deploy.web.Mount;
import org.gve.deploy.web.SoapEndpoint;
import org.gve.site.SiteApplication;
import org.gve.site.SiteHealth;
import org.gve.site.SiteSettings;
import org.gve.site.identity.Caller;
import org.gve.site.identity.LoginResult;

import javax.xml.namespace.QName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.gve.deploy.config.ConfigKeys.*;

/**
 * What GVE publishes, whatever serves it: a Site Service and (when {@code gve.agent.enabled}) one
 * Agent Service built from the configuration, their endpoints and authenticators as {@link Mount}s,
 * and the start that registers the agent with the site. The all-in-one launcher mounts it on its
 * embedded Tomcat ({@link AllInOne}); the WAR on a standalone Tomcat's context ({@code war.GveWebApp}).
 */
public final class GveAssembly implements AutoCloseable {
    private static final String SITE_NS = "urn:gve:site:1";
    private static final String SITE_WSDL = "org/gve/wsdl/SiteService.wsdl";
    private static final String AGENT_NS = "urn:gve:agent:1";
    private final Configuration config;
    private final SiteSettings siteSettings;
    private final SiteApplication site;
    private final AgentApplication agent;
    private final String agentSecret;
    private final String generatedAdminPassword;
    /** A transfer file not written for this long belongs to an upload that was cut off. */
    private static final java.time.Duration SPOOL_FILE_AGE = java.time.Duration.ofHours(6);
    private final Path spool;
    private final java.util.concurrent.ScheduledExecutorService janitor =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gve-spool-sweep");
                t.setDaemon(true);
                return t;
            });

    public GveAssembly(Configuration config, Clock clock) throws IOException {
        this.config = config;
        Files.createDirectories(config.dataDirectory());
        Files.createDirectories(Path.of(config.string(AGENT_IMAGE_DIR)));
        this.spool = Spools.fresh(Settings.spool(config));
        this.siteSettings = Settings.site(config);
        this.site = new SiteApplication(siteSettings, clock);
        try {
            this.generatedAdminPassword = AdminBootstrap.run(site.users(), config);
            this.agentSecret = config.flag(AGENT_ENABLED) ? randomSecret() : null;
            this.agent = config.flag(AGENT_ENABLED)
                    ? new AgentApplication(Settings.agent(config, hypervisorUri(config), siteSettings.siteName(), agentSecret), clock)
                    : null;
        } catch (IOException | RuntimeException e) {
            site.close();
            throw e;
        }
    }

    private long maxUpload() {
        return config.positiveNumber(MAX_UPLOAD) * 1024 * 1024;
    }

    /** What {@code GET /gve/health} answers: the site's health as JSON; 200 only while it can serve requests. */
    public HealthServlet.Health health() {
        SiteHealth h = site.health();
        String status = h.serving() ? "UP" : !h.started() ? "STARTING" : "DOWN";
        String json = "{\"status\":\"" + status + "\",\"started\":" + h.started()
                + ",\"database\":\"" + (h.databaseError() == null ? "UP" : "DOWN")
                + "\",\"agentsUp\":" + h.agentsUp() + ",\"agentsDown\":" + h.agentsDown() + "}";
        return new HealthServlet.Health(h.serving(), json);
    }

    /** The endpoint families to publish: /site (four ports) and, with a local agent, /agent. */
    public List<Mount> mounts() {
        List<Mount> mounts = new ArrayList<>();
        mounts.add(new Mount("/site", List.of(
                siteEndpoint("VirtualMachineRequest", site.requestPort()),
                siteEndpoint("VirtualMachineManagement", site.managementPort()),
                siteEndpoint("JobStateQuery", site.jobPort()),
                siteEndpoint("SiteAdministration", site.adminPort())),
                (user, password, from) -> siteLogin(site.authenticate(user, password, from)),
                site::isStarted, spool, maxUpload()));
        if (agent != null) {
            mounts.add(new Mount("/agent", List.of(new SoapEndpoint("/agent", agent.port(), "org/gve/wsdl/AgentService.wsdl",
                    new QName(AGENT_NS, "AgentService"), new QName(AGENT_NS, "AgentPort"))),
                    Authenticator.checking(agent::authenticateSite, "SITE"), () -> true, spool, maxUpload()));
        }
        return List.copyOf(mounts);
    }

    /**
     * Once the mounts are served at {@code base} (e.g. http://127.0.0.1:8080/gve): starts the agent,
     * registers it with the site at {@code base}/agent (the site calls it there at once), starts the site.
     */
    public void start(String base) {
        if (agent != null) {
            agent.start();
            site.agents().register(config.string(AGENT_NAME), base + "/agent", config.string(AGENT_HYPERVISOR),
                    siteSettings.siteName(), agentSecret);
        }
        site.start();
        janitor.scheduleWithFixedDelay(() -> Spools.sweep(spool, SPOOL_FILE_AGE, java.time.Instant.now()),
                1, 1, java.util.concurrent.TimeUnit.HOURS);
    }

    /** The administrator password generated at this start, if one was. */
    public Optional<String> generatedAdminPassword() {
        return Optional.ofNullable(generatedAdminPassword);
    }

    public SiteApplication site() {
        return site;
    }

    public Optional<AgentApplication> agent() {
        return Optional.ofNullable(agent);
    }

    /** The site's login result in the web layer's terms. */
    static Authentication siteLogin(LoginResult result) {
        if (result instanceof LoginResult.Accepted accepted) {
            Caller caller = accepted.caller();
            return new Authentication.Accepted(new AuthenticatedUser(caller.userName(), Set.of(caller.role().name())));
        }
        if (result instanceof LoginResult.Paused paused) return new Authentication.Paused(paused.message());
        return Authentication.WRONG;
    }

    private SoapEndpoint siteEndpoint(String port, Object impl) {
        return new SoapEndpoint("/site/" + port, impl, SITE_WSDL, new QName(SITE_NS, "SiteService"),
                new QName(SITE_NS, port + "Port"), site.soapHandlers());
    }

    /** 'demo' means libvirt's test driver with the demo host written into the data directory. */
    private static String hypervisorUri(Configuration config) throws IOException {
        String uri = config.string(AGENT_URI);
        if (!uri.equals("demo")) return uri;
        Path host = config.dataDirectory().resolve("demo-host.xml");
        try (InputStream in = GveAssembly.class.getResourceAsStream("/gve-demo-host.xml")) {
            if (in == null) throw new IllegalStateException("gve-demo-host.xml is missing from the class path");
            Files.writeString(host, new String(in.readAllBytes(), StandardCharsets.UTF_8)
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
        janitor.shutdownNow();
        site.close();
        if (agent != null) agent.close();
    }
}
