package org.gve.harness.site;

import jakarta.xml.ws.BindingProvider;
import org.gve.deploy.AllInOne;
import org.gve.deploy.config.Configuration;
import org.gve.harness.Jobs;
import org.gve.site.SiteApplication;
import org.gve.site.identity.Quota;
import org.gve.site.identity.Role;
import org.gve.wsdl.runtime.SoapClients;
import org.gve.wsdl.site.JobState;
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
 * A real all-in-one GVE (embedded Tomcat, H2 file database, the demo KVM agent on libvirt's test
 * driver unless disabled) on a free loopback port, with a fresh data directory and the clock the
 * test gives, plus SOAP clients for its ports.
 */
public final class SiteServer implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-secret-1";
    private final Path data;
    private final AllInOne gve;

    public SiteServer(Clock clock, Map<String, String> extra) throws Exception {
        System.setProperty("com.sun.xml.ws.fault.SOAPFaultBuilder.captureStackTrace", "false");
        this.data = Files.createTempDirectory("gve-site-it");
        Path adminPassword = data.resolve("admin.txt");
        Files.writeString(adminPassword, ADMIN_PASSWORD);
        Map<String, String> config = new HashMap<>(Map.of(
                "gve.port", "0",
                "gve.data-dir", data.toString(),
                "gve.admin.password-file", adminPassword.toString(),
                "gve.site.password-iterations", "1000",
                "gve.site.agent-poll-seconds", "1",
                "gve.site.lease-check-seconds", "1",
                "gve.site.agent-timeout-seconds", "10"));
        config.putAll(extra);
        this.gve = new AllInOne(Configuration.of(config), clock);
        gve.start();
    }

    public SiteServer(Map<String, String> extra) throws Exception {
        this(Clock.systemUTC(), extra);
    }

    public String base() {
        return gve.localBase();
    }

    public URI endpoint(String path) {
        return URI.create(base() + path);
    }

    public SiteApplication site() {
        return gve.site();
    }

    public Path dataDirectory() {
        return data;
    }

    public void addUser(String name, String password, Quota quota) {
        site().users().register(name, password.toCharArray(), Role.USER, quota);
    }

    public void addUser(String name, String password) {
        addUser(name, password, new Quota(100, 400, 1_000_000, 100_000_000, 604_800));
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

    public SiteAdministration admin(String user, String password) {
        return SoapClients.port(new SiteService(), SiteAdministration.class, endpoint("/site/SiteAdministration"),
                user, password, Duration.ofSeconds(30));
    }

    public SiteAdministration admin() {
        return admin(ADMIN, ADMIN_PASSWORD);
    }

    /** Polls a job as a client would until it finishes (at most 30 s). */
    public static JobState await(JobStateQuery jobs, String jobId) throws Exception {
        return Jobs.await(jobs, jobId, Duration.ofSeconds(30));
    }

    /** The endpoint address a client port talks to. */
    public static String address(Object port) {
        return (String) ((BindingProvider) port).getRequestContext().get(BindingProvider.ENDPOINT_ADDRESS_PROPERTY);
    }

    @Override
    public void close() throws IOException {
        gve.close();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
