package org.gve.harness;

import org.gve.deploy.AllInOne;
import org.gve.deploy.config.Configuration;
import org.gve.site.identity.Quota;
import org.gve.wsdl.runtime.SoapClients;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.SiteAdministration;
import org.gve.wsdl.site.SiteService;
import org.gve.wsdl.site.VirtualMachineManagement;
import org.gve.wsdl.site.VirtualMachineRequest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real all-in-one GVE (embedded Tomcat, H2 file database, KVM agent on libvirt's test driver) on a
 * free loopback port, with a fresh data directory, for end-to-end tests.
 */
public final class GveTestServer implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-secret-1";
    private final Path data;
    private final AllInOne gve;

    public GveTestServer(Map<String, String> extra) throws Exception {
        System.setProperty("com.sun.xml.ws.fault.SOAPFaultBuilder.captureStackTrace", "false");
        this.data = Files.createTempDirectory("gve-it");
        Path adminPassword = data.resolve("admin.txt");
        Files.writeString(adminPassword, ADMIN_PASSWORD);
        Map<String, String> config = new HashMap<>(Map.of(
                "gve.port", "0",
                "gve.data-dir", data.toString(),
                "gve.admin.password-file", adminPassword.toString(),
                "gve.site.password-iterations", "1000",
                "gve.site.agent-poll-seconds", "2",
                "gve.site.agent-timeout-seconds", "10"));
        config.putAll(extra);
        this.gve = new AllInOne(Configuration.of(config), Clock.systemUTC());
        gve.start();
    }

    /** The server's data directory (gve.data-dir). */
    public Path dataDirectory() {
        return data;
    }

    /** Where the server spills large request attachments ({data}/spool). */
    public Path spool() {
        return data.resolve("spool");
    }

    public String base() {
        return gve.localBase();
    }

    public URI endpoint(String path) {
        return URI.create(base() + path);
    }

    public AllInOne gve() {
        return gve;
    }

    /** A user with room for many VMs, so tests sharing one user do not meet its quota. */
    public void addUser(String name, String password) {
        addUser(name, password, new Quota(100, 400, 1_000_000, 100_000_000, 604_800));
    }

    public void addUser(String name, String password, Quota quota) {
        gve.site().users().register(name, password.toCharArray(), org.gve.site.identity.Role.USER, quota);
    }

    public VirtualMachineRequest requests(String user, String password) {
        return SoapClients.port(new SiteService(), VirtualMachineRequest.class, endpoint("/site/VirtualMachineRequest"),
                user, password, Duration.ofSeconds(30));
    }

    public VirtualMachineManagement management(String user, String password) {
        return SoapClients.mtomPort(new SiteService(), VirtualMachineManagement.class,
                endpoint("/site/VirtualMachineManagement"), user, password, Duration.ofSeconds(30));
    }

    public JobStateQuery jobs(String user, String password) {
        return SoapClients.port(new SiteService(), JobStateQuery.class, endpoint("/site/JobStateQuery"),
                user, password, Duration.ofSeconds(30));
    }

    public SiteAdministration admin() {
        return SoapClients.port(new SiteService(), SiteAdministration.class, endpoint("/site/SiteAdministration"),
                ADMIN, ADMIN_PASSWORD, Duration.ofSeconds(30));
    }

    @Override
    public void close() throws IOException {
        gve.close();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
