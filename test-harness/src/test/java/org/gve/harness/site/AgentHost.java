package org.gve.harness.site;

import org.gve.agent.AgentApplication;
import org.gve.agent.AgentApplicationSettings;
import org.gve.agent.service.AgentSettings;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HypervisorKind;
import org.gve.deploy.web.Authenticator;
import org.gve.deploy.web.GveServer;
import org.gve.deploy.web.SoapEndpoint;

import javax.xml.namespace.QName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An extra Agent Service in the test's JVM, on its own embedded Tomcat and port, driving its own
 * host on libvirt's test driver: a KVM host like the demo one (template debian-tiny, one free pool
 * VM), or a Xen host (PV template debian-pv). Its domains get fresh UUIDs, so no two agents share
 * an id. {@link #kill} stops it as a crash would, from the site's point of view.
 */
public final class AgentHost implements AutoCloseable {
    public static final String SECRET = "agent-secret-for-site";
    private final String name;
    private final Path dir;
    private final AgentApplication app;
    private final GveServer server;
    private boolean closed;

    public AgentHost(String name, HypervisorKind kind, long memoryMiB, String siteName, Clock clock) throws Exception {
        this.name = name;
        this.dir = Files.createTempDirectory("gve-agent-" + name);
        Path images = Files.createDirectories(dir.resolve("images"));
        Path host = dir.resolve("host.xml");
        Files.writeString(host, hostXml(kind, memoryMiB, images));
        AgentSettings agent = new AgentSettings(name, 1, 512, Duration.ofSeconds(5), Duration.ofMillis(50),
                Duration.ofMinutes(5));
        DriverSettings driver = new DriverSettings(kind, "test://" + host.toAbsolutePath(), null, null, images,
                Duration.ofMillis(20), Duration.ofSeconds(30), Map.of());
        this.app = new AgentApplication(new AgentApplicationSettings(agent, driver,
                "jdbc:h2:mem:agent-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Map.of(siteName, SECRET),
                Duration.ofSeconds(5), Duration.ofSeconds(30)), clock);
        this.server = new GveServer(dir.resolve("tomcat"), "127.0.0.1", 0, null, null);
        server.mount("/agent", List.of(new SoapEndpoint("/agent", app.port(), "org/gve/wsdl/AgentService.wsdl",
                        new QName("urn:gve:agent:1", "AgentService"), new QName("urn:gve:agent:1", "AgentPort"))),
                Authenticator.checking(app::authenticateSite, "SITE"));
        server.start();
        app.start();
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + server.port() + GveServer.CONTEXT + "/agent";
    }

    public AgentApplication app() {
        return app;
    }

    /** The site's view of this agent's registry: ids of VMs held by {@code site}. */
    public List<String> heldBy(String site) {
        var visible = app.service().findVms(site, org.gve.agent.service.VmCriteria.ANY, false);
        var free = app.service().findVms(site, org.gve.agent.service.VmCriteria.ANY, true).stream()
                .map(v -> v.vm().id()).toList();
        return visible.stream().map(v -> v.vm().id()).filter(id -> !free.contains(id)).sorted().toList();
    }

    /** Ids of the free VMs. */
    public List<String> free(String site) {
        return app.service().findVms(site, org.gve.agent.service.VmCriteria.ANY, true).stream()
                .map(v -> v.vm().id()).sorted().toList();
    }

    /** Stops serving at once: calls from the site are refused from now on. */
    public void kill() {
        close();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        server.close();
        app.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory
        }
    }

    private static String hostXml(HypervisorKind kind, long memoryMiB, Path images) throws IOException {
        String xml;
        if (kind == HypervisorKind.XEN) {
            xml = XEN_HOST.replace("{images}", images.toString());
        } else {
            try (InputStream in = AgentHost.class.getResourceAsStream("/gve-demo-host.xml")) {
                if (in == null) throw new IllegalStateException("gve-demo-host.xml is missing from the class path");
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{images}", images.toString());
            }
        }
        xml = xml.replaceFirst("<memory>\\d+</memory>", "<memory>" + memoryMiB * 1024 + "</memory>");
        Matcher uuids = Pattern.compile("<uuid>[^<]+</uuid>").matcher(xml);
        StringBuilder fresh = new StringBuilder();
        while (uuids.find()) uuids.appendReplacement(fresh, "<uuid>" + UUID.randomUUID() + "</uuid>");
        uuids.appendTail(fresh);
        return fresh.toString();
    }

    /** A Xen host for the test driver: one directory pool, one PV template marked for GVE. */
    private static final String XEN_HOST = """
            <node>
              <cpu><nodes>1</nodes><sockets>1</sockets><cores>2</cores><threads>2</threads><active>4</active>
                <mhz>3000</mhz><model>x86_64</model></cpu>
              <memory>8388608</memory>
              <pool type='dir'>
                <name>xen-images</name>
                <uuid>0f4b3cf1-24a4-4f2a-9b8e-5a3b1f0c9d21</uuid>
                <capacity unit='GiB'>200</capacity><allocation unit='GiB'>2</allocation><available unit='GiB'>198</available>
                <target><path>{images}</path></target>
                <volume type='file'>
                  <name>debian-pv.qcow2</name>
                  <capacity unit='GiB'>2</capacity><allocation unit='MiB'>600</allocation>
                  <target><path>{images}/debian-pv.qcow2</path><format type='qcow2'/></target>
                </volume>
              </pool>
              <domain type='xen' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
                <name>debian-pv</name>
                <uuid>8f0e6a52-1c7d-4c59-9d7b-2f5c8b9e0a11</uuid>
                <metadata><gve:template xmlns:gve='urn:gve:libvirt:1' os='debian-12' arch='x86_64'/></metadata>
                <memory unit='MiB'>256</memory>
                <vcpu>1</vcpu>
                <os>
                  <type arch='x86_64' machine='xenpv'>linux</type>
                  <kernel>/var/lib/xen/boot/vmlinuz</kernel>
                  <initrd>/var/lib/xen/boot/initrd.img</initrd>
                  <cmdline>root=/dev/xvda1 ro console=hvc0</cmdline>
                </os>
                <on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot><on_crash>destroy</on_crash>
                <devices>
                  <disk type='file' device='disk'>
                    <driver name='qemu' type='qcow2'/>
                    <source file='{images}/debian-pv.qcow2'/>
                    <target dev='xvda' bus='xen'/>
                  </disk>
                  <console type='pty'><target type='xen' port='0'/></console>
                </devices>
                <test:runstate>5</test:runstate>
              </domain>
            </node>
            """;
}
