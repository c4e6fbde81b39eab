package org.gve.deploy.war;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import org.gve.deploy.GveAssembly;
import org.gve.deploy.config.ConfigKeys;
import org.gve.deploy.config.Configuration;
import org.gve.deploy.web.BasicAuthFilter;
import org.gve.deploy.web.HealthServlet;
import org.gve.deploy.web.Mount;
import org.gve.deploy.web.SoapServlet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.logging.Logger;

/**
 * GVE as a web application in a standalone Tomcat 10 (gve.war): declared in the WAR's own
 * {@code WEB-INF/web.xml}, so nothing is found by class-path scanning and the embedded launcher
 * never meets it. It reads the properties file {@link ConfigLocation} names, builds the same
 * {@link GveAssembly} as the all-in-one launcher and registers its SOAP servlets and authentication
 * filters on this context with the same paths ({@code /site/*}, {@code /agent/*}); the assembly starts
 * once the context serves ({@link DeferredStart}), the local agent registering at {@code gve.public-url}.
 * Everything is closed when the context is destroyed.
 */
public final class GveWebApp implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(GveWebApp.class.getName());
    private static final String NO_STACK_TRACES = "com.sun.xml.ws.fault.SOAPFaultBuilder.captureStackTrace";
    private WebAppJdbcDrivers jdbcDrivers;
    private GveAssembly assembly;
    private DeferredStart start;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        // as in the launcher: faults never carry a Java stack trace (read once, when Metro's fault builder loads)
        if (System.getProperty(NO_STACK_TRACES) == null) System.setProperty(NO_STACK_TRACES, "false");
        ConfigLocation.Found found = ConfigLocation.of(context).require();
        LOG.info(() -> "GVE configuration: " + found.file() + " (from the " + found.source() + ")");
        Configuration config = read(found.file());
        String base = publicBase(config, context);
        try {
            jdbcDrivers = new WebAppJdbcDrivers(GveWebApp.class.getClassLoader());
            assembly = new GveAssembly(config, Clock.systemUTC());
            for (Mount mount : assembly.mounts()) mount(context, mount);
            GveAssembly health = assembly;
            context.addServlet("health", new HealthServlet(health::health)).addMapping("/health");
            assembly.generatedAdminPassword().ifPresent(p -> LOG.info(() -> "administrator '" + config.string(ConfigKeys.ADMIN_USER)
                    + "' created; password in " + config.dataDirectory().resolve("admin-password")));
            start = new DeferredStart(assembly.agent().isPresent() ? URI.create(base + "/agent?wsdl") : null,
                    config.seconds(ConfigKeys.SITE_AGENT_TIMEOUT), () -> start(config, base));
            start.begin();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("GVE could not prepare its data directory " + config.dataDirectory() + ": " + e, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static Configuration read(Path file) {
        try {
            return Configuration.fromFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("GVE could not read its configuration " + file + ": " + e, e);
        }
    }

    private void start(Configuration config, String base) {
        assembly.start(base);
        LOG.info(() -> "GVE is up at " + base + ": Site Service " + base + "/site/VirtualMachineRequest?wsdl, site '"
                + config.string(ConfigKeys.SITE_NAME) + "', data in " + config.dataDirectory());
        if (assembly.agent().isPresent()) {
            var agent = assembly.site().agents().agent(config.string(ConfigKeys.AGENT_NAME));
            if (agent.isUp()) {
                LOG.info(() -> "local agent '" + agent.name() + "' registered and UP at " + agent.endpointUrl());
            } else {
                LOG.warning(() -> "local agent '" + agent.name() + "' is DOWN at " + agent.endpointUrl() + " ("
                        + agent.healthDetail() + "): is " + ConfigKeys.PUBLIC_URL.name() + " this Tomcat's address?");
            }
        }
    }

    /** gve.public-url without a trailing slash; warns when its path is not this context's. */
    private static String publicBase(Configuration config, ServletContext context) {
        String base = config.string(ConfigKeys.PUBLIC_URL).strip().replaceAll("/+$", "");
        String path = URI.create(base).getPath();
        if (!context.getContextPath().equals(path == null ? "" : path)) {
            LOG.warning(() -> ConfigKeys.PUBLIC_URL.name() + "=" + base + " does not end with this context's path '"
                    + context.getContextPath() + "'");
        }
        return base;
    }

    private static void mount(ServletContext context, Mount mount) {
        ServletRegistration.Dynamic servlet = context.addServlet(mount.name() + "-soap", new SoapServlet(mount.endpoints(), mount.ready(), mount.spool(), mount.maxUploadBytes()));
        servlet.setLoadOnStartup(1);
        Set<String> taken = servlet.addMapping(mount.urlPattern());
        if (!taken.isEmpty()) throw new IllegalStateException("another servlet is already mapped to " + taken);
        FilterRegistration.Dynamic filter = context.addFilter(mount.name() + "-auth", new BasicAuthFilter(mount.authenticator()));
        filter.addMappingForUrlPatterns(null, false, mount.urlPattern());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        close();
        LOG.info("GVE stopped");
    }

    private void close() {
        if (start != null) start.close();
        if (assembly != null) assembly.close();
        if (jdbcDrivers != null) jdbcDrivers.close();
        start = null;
        assembly = null;
        jdbcDrivers = null;
    }
}
