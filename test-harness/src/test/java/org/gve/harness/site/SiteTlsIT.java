package org.gve.harness.site;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import org.gve.agent.spi.HypervisorKind;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachineProfile;
import org.gve.wsdl.runtime.SoapClients;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.SiteAdministration;
import org.gve.wsdl.site.SiteService;
import org.gve.wsdl.site.VirtualMachineRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site over HTTPS: a PKCS12 keystore made with keytool (self-signed, SAN IP 127.0.0.1) given to
 * the launcher as gve.tls.keystore; clients trust it through a truststore holding its certificate.
 * The agent of the first server is a separate one over HTTP; the second test runs the all-in-one with
 * its own agent, which the site reaches over the same HTTPS port, trusting the server's own keystore
 * (no JVM-wide truststore is set in this JVM).
 */
class SiteTlsIT {
    private static final String STOREPASS = "changeit-tls";
    private static Path dir;
    private static SiteServer server;
    private static AgentHost agent;
    private static SSLContext trusting;
    private static Path keystore;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("gve-tls");
        keystore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.cer");
        Path truststore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "gve", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", STOREPASS, "-keypass", STOREPASS);
        keytool("-exportcert", "-alias", "gve", "-keystore", keystore.toString(), "-storepass", STOREPASS,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "gve", "-file", certificate.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", STOREPASS);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
            trust.load(in, STOREPASS.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);

        server = new SiteServer(Map.of("gve.tls.keystore", keystore.toString(),
                "gve.tls.keystore-password", STOREPASS, "gve.agent.enabled", "false"));
        server.addUser("frank", "frank-password");
        agent = new AgentHost("tls-kvm", HypervisorKind.KVM, 16384, "site", Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
        if (agent != null) agent.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, p.exitValue(), "keytool " + args[0] + ": " + out);
    }

    private static <P> P trusted(P port) {
        ((BindingProvider) port).getRequestContext().put("com.sun.xml.ws.transport.https.client.SSLSocketFactory",
                trusting.getSocketFactory());
        return port;
    }

    @Test
    void theSiteServesHttpsAndAClientThatTrustsItsCertificateUsesIt() throws Exception {
        assertTrue(server.base().startsWith("https://127.0.0.1:"), server.base());
        SiteAdministration admin = trusted(server.admin());
        assertEquals("UP", admin.registerAgent(agent.name(), agent.url(), HypervisorType.KVM, "site", AgentHost.SECRET)
                .getHealth().name());
        VirtualMachineRequest requests = trusted(server.requests("frank", "frank-password"));
        JobStateQuery jobs = trusted(server.jobs("frank", "frank-password"));
        VirtualMachineProfile profile = new VirtualMachineProfile();
        profile.setVCpus(1);
        profile.setMemoryMiB(256L);
        JobState done = SiteServer.await(jobs, requests.requestVirtualMachine(profile, null, null, null).getJobID());
        assertEquals(JobStatus.SUCCEEDED, done.getStatus());
        assertEquals("tls-kvm", requests.getRequestVirtualMachineResult(done.getJobID()).getAgent());

        HttpResponse<String> wsdl = HttpClient.newBuilder().sslContext(trusting).build().send(
                HttpRequest.newBuilder(server.endpoint("/site/VirtualMachineRequest?wsdl")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("https://127.0.0.1:"), "the published address is the HTTPS one");
    }

    @Test
    void clientsThatDoNotTrustTheCertificateOrSpeakPlainHttpGetNothing() {
        JobStateQuery untrusting = server.jobs("frank", "frank-password");
        WebServiceException refused = assertThrows(WebServiceException.class, () -> untrusting.listJobs(null, null));
        Throwable root = refused;
        while (root.getCause() != null) root = root.getCause();
        assertTrue(refused.getCause() instanceof SSLHandshakeException || root.getClass().getName().contains("Cert"),
                "refused by the TLS handshake: " + refused);

        JobStateQuery plain = SoapClients.port(new SiteService(), JobStateQuery.class,
                URI.create(server.base().replace("https://", "http://") + "/site/JobStateQuery"),
                "frank", "frank-password", Duration.ofSeconds(5));
        assertThrows(WebServiceException.class, () -> plain.listJobs(null, null));
    }

    @Test
    void theAllInOneOverHttpsReachesItsOwnAgentWithoutAJvmTruststore() throws Exception {
        assertEquals(null, System.getProperty("javax.net.ssl.trustStore"), "the JVM's default trust only");
        try (SiteServer allInOne = new SiteServer(Map.of("gve.tls.keystore", keystore.toString(),
                "gve.tls.keystore-password", STOREPASS))) {
            allInOne.addUser("gina", "gina-password");
            var local = trusted(allInOne.admin()).listAgents();
            assertEquals(1, local.size());
            assertTrue(local.get(0).getEndpointURL().startsWith("https://127.0.0.1:"), local.get(0).getEndpointURL());
            assertEquals("UP", local.get(0).getHealth().name(), () -> "the site trusts its own certificate: "
                    + local.get(0).getHealthDetail());
            VirtualMachineProfile profile = new VirtualMachineProfile();
            profile.setVCpus(1);
            profile.setMemoryMiB(256L);
            JobStateQuery jobs = trusted(allInOne.jobs("gina", "gina-password"));
            JobState done = SiteServer.await(jobs, trusted(allInOne.requests("gina", "gina-password"))
                    .requestVirtualMachine(profile, null, null, null).getJobID());
            assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> String.valueOf(done.getFault() == null ? null
                    : done.getFault().getMessage()));
        }
    }
}
