package org.gve.harness.war;

import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.harness.Jobs;
import org.gve.harness.RawSoap;
import org.gve.wsdl.runtime.SoapClients;
import org.gve.wsdl.site.AgentHealth;
import org.gve.wsdl.site.AgentInfo;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.SiteAdministration;
import org.gve.wsdl.site.SiteService;
import org.gve.wsdl.site.VirtualMachineRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * gve.war in Debian's Tomcat 10, for real: deploy/target/gve.war goes into a private CATALINA_BASE
 * (made by deploy/scripts/setup-tomcat10.sh --instance; the package's own instance is never touched)
 * on a free loopback port, configured through the context parameter gve.config with a properties file
 * (H2 in a fresh directory, the agent on libvirt's test driver through JNA in the web application's
 * class loader, an administrator password file). {@code catalina.sh run} runs as a child process; over
 * real SOAP the published WSDLs are the hand-written ones and a requested VM ends RUNNING.
 * Skipped when Debian's tomcat10 is not installed.
 */
class WarDeploymentIT {
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "war-admin-secret-1";
    private static final Duration START = Duration.ofSeconds(45);
    private static Path work;
    private static StandaloneTomcat tomcat;
    private static String base;

    @BeforeAll
    static void deploy() throws Exception {
        assumeTrue(StandaloneTomcat.installed(), "WAR deployment suite skipped: Debian's tomcat10 is not installed ("
                + StandaloneTomcat.CATALINA_HOME + "/bin/catalina.sh is missing); as root: deploy/scripts/setup-tomcat10.sh");
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path war = module.resolveSibling("deploy").resolve("target/gve.war");
        assertTrue(Files.isRegularFile(war), "no " + war + ": build the deploy module first (mvn -pl deploy -am package)");
        work = fresh(module.resolve("target/war-it"));
        Path data = Files.createDirectories(work.resolve("data"));
        Path password = Files.writeString(work.resolve("admin-password.txt"), ADMIN_PASSWORD);
        int port = StandaloneTomcat.freePort();
        base = "http://127.0.0.1:" + port + "/gve";
        Path config = Files.writeString(work.resolve("gve.properties"), String.join("\n",
                "gve.data-dir=" + data,
                "gve.public-url=" + base,
                "gve.admin.password-file=" + password,
                "gve.agent.uri=demo",
                "gve.site.password-iterations=1000",
                "gve.site.agent-poll-seconds=2",
                "gve.site.agent-timeout-seconds=10", ""));
        Path instance = work.resolve("tomcat10");
        StandaloneTomcat.makeInstance(module.resolveSibling("deploy").resolve("scripts/setup-tomcat10.sh"), instance, port,
                war, config, work.resolve("setup-tomcat10.log"));
        tomcat = StandaloneTomcat.run(instance);
        Optional<String> up = tomcat.awaitLine(l -> l.contains("GVE is up at") || l.contains("GVE did not start")
                || l.contains("Exception sending context initialized event") || l.contains("Address already in use"), START);
        assertTrue(up.isPresent() && up.get().contains("GVE is up at " + base),
                () -> "gve.war did not come up within " + START + "; Tomcat's output:\n" + tomcat.tail(60));
        assertTrue(tomcat.awaitLine(l -> l.contains("local agent 'local-kvm' registered and UP"), Duration.ofSeconds(5)).isPresent(),
                () -> "the local agent is not UP; Tomcat's output:\n" + tomcat.tail(60));
    }

    @AfterAll
    static void undeploy() throws Exception {
        try {
            if (tomcat != null) {
                assertTrue(tomcat.stop(), () -> "Tomcat did not stop on SIGTERM; its output:\n" + tomcat.tail(40));
                assertTrue(tomcat.lines().stream().anyMatch(l -> l.contains("GVE stopped")),
                        () -> "the web application was not stopped; Tomcat's output:\n" + tomcat.tail(40));
            }
        } finally {
            if (work != null) delete(work);
        }
    }

    @ParameterizedTest
    @CsvSource({"/site/VirtualMachineRequest?wsdl, SiteService.wsdl", "/site/SiteAdministration?wsdl, SiteService.wsdl",
            "/agent?wsdl, AgentService.wsdl"})
    void theWarPublishesTheHandWrittenContracts(String path, String file) throws Exception {
        RawSoap.Reply published = new RawSoap().get(URI.create(base + path));
        assertEquals(200, published.status(), published.body());
        WsdlOutline served = WsdlOutline.of(published.body());
        WsdlOutline written = WsdlOutline.ofResource("org/gve/wsdl/" + file);
        assertFalse(served.operations().isEmpty());
        assertEquals(written.operations(), served.operations());
        assertEquals(written.documentation(), served.documentation());
        assertTrue(served.addresses().stream().allMatch(a -> a.startsWith(base + "/")),
                () -> "addresses under the Tomcat's /gve context: " + served.addresses());
    }

    @Test
    void aRequestedVmEndsRunningOnTheLocalAgent() throws Exception {
        VirtualMachineRequest requests = SoapClients.port(new SiteService(), VirtualMachineRequest.class,
                URI.create(base + "/site/VirtualMachineRequest"), ADMIN, ADMIN_PASSWORD, Duration.ofSeconds(30));
        JobStateQuery jobs = SoapClients.port(new SiteService(), JobStateQuery.class, URI.create(base + "/site/JobStateQuery"),
                ADMIN, ADMIN_PASSWORD, Duration.ofSeconds(30));
        VirtualMachineProfile profile = new VirtualMachineProfile();
        profile.setHypervisorType(HypervisorType.KVM);
        profile.setVCpus(1);
        profile.setMemoryMiB(256L);

        JobState submitted = requests.requestVirtualMachine(profile, null, 3600L, null);
        JobState done = Jobs.await(jobs, submitted.getJobID(), Duration.ofSeconds(30));
        assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> "fault: " + (done.getFault() == null ? null
                : done.getFault().getCode() + " " + done.getFault().getMessage()) + "\n" + tomcat.tail(40));

        VirtualMachine vm = requests.getRequestVirtualMachineResult(submitted.getJobID());
        assertEquals(done.getVirtualMachineID(), vm.getUniqueID());
        assertEquals(VirtualMachineState.RUNNING, vm.getState());
        assertEquals("local-kvm", vm.getAgent());
        assertEquals(ADMIN, vm.getOwner());
        assertNotNull(vm.getLeaseDeadline());
    }

    @Test
    void theSiteReachesItsAgentAtThePublicUrlAndChecksCredentials() throws Exception {
        SiteAdministration admin = SoapClients.port(new SiteService(), SiteAdministration.class,
                URI.create(base + "/site/SiteAdministration"), ADMIN, ADMIN_PASSWORD, Duration.ofSeconds(30));
        AgentInfo agent = admin.listAgents().stream().filter(a -> a.getName().equals("local-kvm")).findFirst().orElseThrow();
        assertEquals(base + "/agent", agent.getEndpointURL());
        assertEquals(AgentHealth.UP, agent.getHealth());
        RawSoap.Reply health = new RawSoap().get(URI.create(base + "/health"));
        assertEquals(200, health.status(), health.body());
        assertTrue(health.body().contains("\"status\":\"UP\"") && health.body().contains("\"agentsUp\":1"), health.body());
        NotAuthorizedFault wrong = assertThrows(NotAuthorizedFault.class, () -> SoapClients.port(new SiteService(),
                SiteAdministration.class, URI.create(base + "/site/SiteAdministration"), ADMIN, "not-the-password",
                Duration.ofSeconds(10)).listAgents());
        assertEquals("WRONG_CREDENTIALS", wrong.getFaultInfo().getCode());
    }

    private static Path fresh(Path dir) throws Exception {
        if (Files.exists(dir)) delete(dir);
        return Files.createDirectories(dir);
    }

    private static void delete(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }
}
