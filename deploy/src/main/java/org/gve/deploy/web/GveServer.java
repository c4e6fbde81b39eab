package org.gve.deploy.web;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

import java.nio.file.Path;
import java.util.List;

/**
 * The embedded Tomcat: one context {@code /gve}, one SOAP servlet per service family (site, agent),
 * each behind its own authentication filter. HTTPS when a keystore is given.
 */
public final class GveServer implements AutoCloseable {
    public static final String CONTEXT = "/gve";
    private final Tomcat tomcat = new Tomcat();
    private final Context context;
    private final Connector connector;

    public GveServer(Path baseDir, String bind, int port, Path keystore, String keystorePassword) {
        tomcat.setBaseDir(baseDir.toString());
        connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", bind);
        connector.setProperty("connectionTimeout", "60000");
        if (keystore != null) {
            connector.setScheme("https");
            connector.setSecure(true);
            connector.setProperty("SSLEnabled", "true");
            SSLHostConfig ssl = new SSLHostConfig();
            SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
            certificate.setCertificateKeystoreFile(keystore.toAbsolutePath().toString());
            certificate.setCertificateKeystorePassword(keystorePassword);
            certificate.setCertificateKeystoreType("PKCS12");
            ssl.addCertificate(certificate);
            connector.addSslHostConfig(ssl);
        }
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        context = tomcat.addContext(CONTEXT, null);
        // leak detection for redeployable web apps; this context lives as long as the process
        if (context instanceof org.apache.catalina.core.StandardContext standard) {
            standard.setClearReferencesObjectStreamClassCaches(false);
            standard.setClearReferencesThreadLocals(false);
            standard.setClearReferencesRmiTargets(false);
        }
    }

    /** Publishes endpoints under {@code prefix} (e.g. "/agent"), guarded by {@code authenticator}, serving at once. */
    public void mount(String prefix, List<SoapEndpoint> endpoints, Authenticator authenticator) {
        mount(new Mount(prefix, endpoints, authenticator));
    }

    /** Publishes a family of endpoints under its prefix (e.g. "/site"), guarded by its authenticator. */
    public void mount(Mount mount) {
        String prefix = mount.prefix();
        String name = mount.name();
        Authenticator authenticator = mount.authenticator();
        Tomcat.addServlet(context, name + "-soap", new SoapServlet(mount.endpoints(), mount.ready(), mount.spool(), mount.maxUploadBytes())).setLoadOnStartup(1);
        context.addServletMappingDecoded(prefix + "/*", name + "-soap");
        FilterDef filter = new FilterDef();
        filter.setFilterName(name + "-auth");
        filter.setFilter(new BasicAuthFilter(authenticator));
        context.addFilterDef(filter);
        FilterMap map = new FilterMap();
        map.setFilterName(name + "-auth");
        map.addURLPatternDecoded(prefix + "/*");
        context.addFilterMap(map);
    }

    /** Serves {@code GET /gve/health} (no credentials) from {@code health}. */
    public void serveHealth(java.util.function.Supplier<HealthServlet.Health> health) {
        Tomcat.addServlet(context, "health", new HealthServlet(health));
        context.addServletMappingDecoded("/health", "health");
    }

    public void start() throws LifecycleException {
        tomcat.start();
        if (connector.getState() != LifecycleState.STARTED || connector.getLocalPort() < 0) {
            String where = connector.getProperty("address") + ":" + connector.getPort();
            close();
            throw new IllegalStateException("cannot listen on " + where + " (is another server using that port?)");
        }
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public String scheme() {
        return connector.getScheme();
    }

    /** Stops and destroys the server; idempotent, so a failed start can be cleaned up. */
    @Override
    public void close() {
        if (!tomcat.getServer().getState().isAvailable() && tomcat.getServer().getState() != LifecycleState.FAILED
                && tomcat.getServer().getState() != LifecycleState.STARTING_PREP) {
            return;  // never started, or already stopped
        }
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("the embedded Tomcat did not stop cleanly", e);
        }
    }
}
