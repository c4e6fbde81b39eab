package org.gve.harness.interop;

import org.gve.harness.RawSoap;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An Apache ODE 1.3.6 BPEL engine in a JVM of its own: Tomcat 9 and javax.servlet on the class path
 * target/ode-lib (copied there by maven-dependency-plugin), never GVE's Tomcat 10 / jakarta one. The
 * ODE web application is laid out in a fresh run directory from src/test/resources/interop/ode (ODE's
 * own data files plus our ode-axis2.properties), and OdeLauncher.java is run in source-file mode.
 * Processes are deployed through ODE's DeploymentService, as a zip, the way ODE's tools do it.
 */
final class OdeEngine implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String PMAPI = "http://www.apache.org/ode/pmapi";
    private static final String DEPLOYAPI = "http://www.apache.org/ode/deployapi";

    private final ChildProcess jvm;
    private final URI base;

    private OdeEngine(ChildProcess jvm, URI base) {
        this.jvm = jvm;
        this.base = base;
    }

    /** Where the ODE jars are, or empty when the build did not copy them (not run through Maven). */
    static Optional<Path> libraries() throws IOException {
        Path lib = InteropPaths.target().resolve("ode-lib");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (var jars = Files.list(lib)) {
            return jars.anyMatch(j -> j.getFileName().toString().startsWith("ode-axis2-")) ? Optional.of(lib) : Optional.empty();
        }
    }

    /** Lays out ODE in {@code run} (emptied first), starts it and waits until it serves. */
    static OdeEngine start(Path lib, Path run) throws IOException, InterruptedException {
        Path ode = InteropPaths.resource("interop/ode/engine");
        InteropPaths.fresh(run);
        Path webInf = Files.createDirectories(run.resolve("webapp/WEB-INF"));
        Files.createDirectories(webInf.resolve("conf"));
        Files.createDirectories(webInf.resolve("processes"));
        Files.createDirectories(run.resolve("tmp"));
        for (String file : List.of("axis2.xml", "ode-axis2.properties")) {
            Files.copy(ode.resolve(file), webInf.resolve("conf").resolve(file));
        }
        for (String file : List.of("deploy.wsdl", "pmapi.wsdl", "pmapi.xsd", "xmlmime.xsd")) {
            Files.copy(ode.resolve(file), webInf.resolve(file));
        }
        InteropPaths.copyTree(ode.resolve("sql"), run.resolve("sql"));

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + run.resolve("tmp"),
                "-Dlog4j.configuration=" + ode.resolve("log4j.properties").toUri()));
        String julConfig = System.getProperty("java.util.logging.config.file");
        if (julConfig != null) {
            command.add("-Djava.util.logging.config.file=" + julConfig);  // quiets Tomcat 9 as it quiets GVE's Tomcat
        }
        command.addAll(List.of("-cp", lib.resolve("*").toString(),
                InteropPaths.resource("interop/ode/launcher/OdeLauncher.java").toString(), run.toString()));
        ChildProcess jvm = ChildProcess.start("ode", command, run, Map.of(), run.resolve("ode.log"), null);

        Optional<String> ready = jvm.awaitLine(l -> l.startsWith("ODE-READY ") || l.startsWith("ODE-FAILED"), START_TIMEOUT);
        if (ready.isEmpty() || !ready.get().startsWith("ODE-READY ")) {
            String tail = jvm.tail(60);
            jvm.close();
            throw new IllegalStateException("ODE did not start within " + START_TIMEOUT + " (log: " + run.resolve("ode.log")
                    + "):\n" + tail);
        }
        return new OdeEngine(jvm, URI.create(ready.get().substring("ODE-READY ".length()).trim()));
    }

    /** The endpoint of a service ODE offers, e.g. {@code processes/GveVmWorkflow}. */
    URI endpoint(String path) {
        return URI.create(base + "/" + path);
    }

    /**
     * Deploys the deployment unit in {@code dir} (deploy.xml, .bpel, WSDLs, .endpoint files) under
     * {@code name}; returns the package name ODE gave it. Fails with ODE's fault when it refuses.
     */
    String deploy(String name, Path dir) throws Exception {
        String zip = Base64.getEncoder().encodeToString(zip(dir));
        String request = RawSoap.envelope("<p:deploy xmlns:p=\"" + PMAPI + "\"><name>" + name + "</name><package>"
                + "<dep:zip xmlns:dep=\"" + DEPLOYAPI + "\">" + zip + "</dep:zip></package></p:deploy>");
        RawSoap.Reply reply = new RawSoap().post(endpoint("processes/DeploymentService"), null, null, request);
        if (reply.status() != 200) {
            throw new AssertionError("ODE refused to deploy " + name + " (HTTP " + reply.status() + "): " + reply.body()
                    + "\nODE log:\n" + jvm.tail(40));
        }
        NodeList names = parse(reply.body()).getElementsByTagNameNS(DEPLOYAPI, "name");
        if (names.getLength() != 1) {
            throw new AssertionError("unexpected answer to deploy: " + reply.body());
        }
        return names.item(0).getTextContent().trim();
    }

    /** The last lines ODE logged, for failure messages. */
    String logTail() {
        return jvm.tail(40);
    }

    boolean isAlive() {
        return jvm.isAlive();
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); var files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Stops ODE: closes its standard input (the launcher then shuts Tomcat down), kills it if it lingers. */
    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
