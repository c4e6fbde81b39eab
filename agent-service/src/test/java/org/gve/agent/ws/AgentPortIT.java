package org.gve.agent.ws;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;
import jakarta.activation.DataHandler;
import jakarta.xml.ws.Endpoint;
import jakarta.xml.ws.Holder;
import org.gve.agent.AgentApplication;
import org.gve.agent.AgentApplicationSettings;
import org.gve.agent.registry.GuestAccess;
import org.gve.agent.registry.Registry;
import org.gve.agent.registry.RegistryDatabase;
import org.gve.agent.service.AgentSettings;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HypervisorKind;
import org.gve.glue.SearchCriteria;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.wsdl.agent.Agent;
import org.gve.wsdl.agent.AgentService;
import org.gve.wsdl.agent.GuestFault;
import org.gve.wsdl.agent.InvalidArgumentFault;
import org.gve.wsdl.agent.NotAuthorizedFault;
import org.gve.wsdl.agent.NotFoundFault;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.runtime.SecretBox;
import org.gve.wsdl.runtime.SoapClients;
import org.gve.wsdl.runtime.StreamDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AgentService endpoint over real SOAP (Metro on the JDK's HTTP server, HTTP Basic per site), assembled by
 * AgentApplication on libvirt's test hypervisor: one agent serves two sites, each authenticated as itself, and
 * neither can act in the other's name or on the other's VMs; domain failures arrive as the declared typed faults.
 */
class AgentPortIT {
    private static final String SECRET_A = "secret-of-site-a";
    private static final String SECRET_B = "secret-of-site-b";
    @TempDir
    Path images;
    @TempDir
    Path keys;
    private final String registryUrl = "jdbc:h2:mem:agent-port-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private AgentApplication agent;
    private HttpServer http;
    private Endpoint endpoint;
    private URI address;

    @BeforeEach
    void publish() throws Exception {
        URL node = AgentPortIT.class.getResource("/service/agent-host.xml");
        AgentApplicationSettings settings = new AgentApplicationSettings(AgentSettings.defaults("agent-under-test"),
                new DriverSettings(HypervisorKind.KVM, "test://" + Path.of(node.toURI()), null, null, images,
                        Duration.ofMillis(50), Duration.ofSeconds(10), Map.of()),
                registryUrl, Map.of("site-a", SECRET_A, "site-b", SECRET_B), Duration.ofMinutes(10),
                Duration.ofSeconds(10), keys.resolve("agent-secrets.key"));
        agent = new AgentApplication(settings, Clock.systemUTC());
        agent.start();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpContext context = http.createContext("/gve/agent");
        context.setAuthenticator(new SiteAuthenticator(agent));
        endpoint = Endpoint.create(agent.port());
        endpoint.setMetadata(contract());
        endpoint.setProperties(Map.of(Endpoint.WSDL_SERVICE, new QName("urn:gve:agent:1", "AgentService"),
                Endpoint.WSDL_PORT, new QName("urn:gve:agent:1", "AgentPort")));
        endpoint.publish(context);
        http.start();
        address = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/gve/agent");
    }

    @AfterEach
    void stop() {
        endpoint.stop();
        http.stop(0);
        agent.close();
    }

    private Agent as(String site, String secret) {
        return SoapClients.mtomPort(new AgentService(), Agent.class, address, site, secret, Duration.ofSeconds(30));
    }

    private static VirtualMachineProfile tiny() {
        VirtualMachineProfile p = new VirtualMachineProfile();
        p.setTemplate("tiny-template");
        p.setVCpus(1);
        p.setMemoryMiB(64L);
        return p;
    }

    @Test
    void eachSiteWorksOnlyWithItsOwnVms() throws Exception {
        Agent a = as("site-a", SECRET_A);
        Agent b = as("site-b", SECRET_B);
        VirtualMachine vm = a.createVirtualMachine("site-a", tiny(), "vm-of-a");
        assertEquals("agent-under-test", vm.getAgent());
        assertEquals(VirtualMachineState.DEFINED, vm.getState());
        assertEquals(VirtualMachineState.RUNNING, a.startVirtualMachine("site-a", vm.getUniqueID()).getState());

        NotFoundFault hidden = assertThrows(NotFoundFault.class, () -> b.describeVirtualMachine("site-b", vm.getUniqueID()));
        assertEquals("VM_NOT_FOUND", hidden.getFaultInfo().getCode());
        assertThrows(NotFoundFault.class, () -> b.destroyVirtualMachine("site-b", vm.getUniqueID()));
        assertThrows(NotFoundFault.class, () -> b.acquireVirtualMachine("site-b", vm.getUniqueID()));
        assertThrows(NotFoundFault.class, () -> b.runCommand("site-b", vm.getUniqueID(), command("true")));
        assertThrows(NotFoundFault.class, () -> b.getFile("site-b", vm.getUniqueID(), "/etc/hostname",
                new Holder<>(), new Holder<>()));
        assertTrue(b.findVirtualMachines("site-b", new SearchCriteria(), false).isEmpty());
        assertEquals(1, a.findVirtualMachines("site-a", new SearchCriteria(), false).size());
        assertEquals(2, b.findTemplates("site-b", null).size(), "templates are everyone's");
    }

    @Test
    void aSiteCannotActInAnothersName() {
        Agent a = as("site-a", SECRET_A);
        NotAuthorizedFault impostor = assertThrows(NotAuthorizedFault.class,
                () -> a.findVirtualMachines("site-b", null, false));
        assertEquals("SITE_MISMATCH", impostor.getFaultInfo().getCode());
        assertThrows(jakarta.xml.ws.WebServiceException.class,
                () -> as("site-a", SECRET_B).getAgentInfo("site-a"), "a wrong secret is refused by HTTP");
        assertThrows(InvalidArgumentFault.class, () -> a.createVirtualMachine(null, tiny(), null));
    }

    @Test
    void guestFailuresArriveAsGuestFaults() throws Exception {
        Agent a = as("site-a", SECRET_A);
        VirtualMachine vm = a.createVirtualMachine("site-a", tiny(), null);
        a.startVirtualMachine("site-a", vm.getUniqueID());
        GuestFault none = assertThrows(GuestFault.class, () -> a.putFile("site-a", vm.getUniqueID(), "/tmp/x", null,
                new DataHandler(new StreamDataSource(new ByteArrayInputStream(new byte[] {1, 2, 3})))));
        assertEquals("NO_GUEST_CHANNEL", none.getFaultInfo().getCode());
        Holder<FileInfo> info = new Holder<>();
        assertThrows(InvalidArgumentFault.class, () -> a.getFile("site-a", vm.getUniqueID(), "relative", info,
                new Holder<>()));
    }

    @Test
    void aGuestSecretTheAgentsKeyCannotOpenIsAGuestFaultNamingTheKeyFile() throws Exception {
        Agent a = as("site-a", SECRET_A);
        VirtualMachine vm = a.createVirtualMachine("site-a", tiny(), null);
        a.startVirtualMachine("site-a", vm.getUniqueID());
        // the VM's InstallService secret, sealed under a key that is not the agent's (a replaced key file)
        try (RegistryDatabase same = new RegistryDatabase(registryUrl, "sa", "")) {
            new Registry(same, Clock.systemUTC(), SecretBox.fromKeyFile(keys.resolve("another.key"))).guestAccess(
                    vm.getUniqueID(), new GuestAccess("http://127.0.0.1:9/gve/install", "gve-agent", "s".repeat(43)));
        }
        GuestFault fault = assertThrows(GuestFault.class, () -> a.runCommand("site-a", vm.getUniqueID(), command("true")));
        assertEquals("GUEST_SECRET_UNREADABLE", fault.getFaultInfo().getCode());
        String agentKey = keys.resolve("agent-secrets.key").toAbsolutePath().toString();
        assertTrue(fault.getFaultInfo().getMessage().contains(agentKey), fault.getFaultInfo().getMessage());
        assertEquals(1, a.findVirtualMachines("site-a", new SearchCriteria(), false).size(), "other calls go on");
    }

    /** HTTP Basic against the agent's site secrets; the principal is the site's name (as the embedded Tomcat's). */
    private static final class SiteAuthenticator extends BasicAuthenticator {
        private final AgentApplication agent;

        SiteAuthenticator(AgentApplication agent) {
            super("gve-agent");
            this.agent = agent;
        }

        @Override
        public boolean checkCredentials(String user, String password) {
            return agent.authenticateSite(user, password.toCharArray());
        }

        @Override
        public Result authenticate(HttpExchange exchange) {
            Result result = super.authenticate(exchange);
            if (result instanceof Success success) {
                return new Success(new HttpPrincipal(success.getPrincipal().getUsername(), "gve-agent") {
                    @Override
                    public String getName() {
                        return getUsername();
                    }
                });
            }
            return result;
        }
    }

    private static Command command(String... argv) {
        Command c = new Command();
        c.getArgument().addAll(List.of(argv));
        return c;
    }

    private static List<Source> contract() throws IOException, URISyntaxException {
        List<Source> sources = new ArrayList<>();
        for (String resource : List.of("org/gve/wsdl/AgentService.wsdl", "org/gve/wsdl/common.xsd", "org/gve/wsdl/glue.xsd")) {
            URL url = AgentPortIT.class.getClassLoader().getResource(resource);
            if (url == null) throw new IOException("missing " + resource);
            sources.add(new StreamSource(url.openStream(), url.toExternalForm()));
        }
        return sources;
    }
}
