package org.gve.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.xml.ws.Holder;

import org.gve.install.auth.Credential;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.EnvironmentVariable;
import org.gve.wsdl.common.FaultDetail;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.install.GuestFault;
import org.gve.wsdl.install.GuestInfo;
import org.gve.wsdl.install.Install;
import org.gve.wsdl.install.InvalidArgumentFault;
import org.gve.wsdl.install.NotAuthorizedFault;
import org.gve.wsdl.install.NotFoundFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Document;

/** The real jar on a loopback port, called over SOAP with the generated client. */
class InstallServiceIT {

    private static final String PASSWORD = "it-" + Long.toHexString(System.nanoTime());

    private static ServerProcess server;
    private static Install port;
    private static Path root;

    @BeforeAll
    static void startService() throws IOException {
        Path dir = ServerProcess.workDir("install-service-it");
        root = Files.createDirectories(dir.resolve("root"));
        Path credential = Files.writeString(dir.resolve("credential"), Credential.hashLine(Clients.USER + ":" + PASSWORD) + "\n");
        Files.setPosixFilePermissions(credential, PosixFilePermissions.fromString("rw-------"));
        server = ServerProcess.start(dir, List.of("-Xmx64m"), List.of("--credential-file", credential.toString(),
                "--root", root.toString(), "--default-timeout", "20", "--max-timeout", "120"));
        port = Clients.install(server.address(), Clients.USER, PASSWORD);
    }

    @AfterAll
    static void stopService() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void runsCommandsAndReportsExitCodeAndOutput() throws GuestFault, InvalidArgumentFault, NotAuthorizedFault {
        CommandResult r = port.runCommand(command("sh", "-c", "echo out; echo err >&2; exit 7"));
        assertEquals(7, r.getExitCode());
        assertEquals("out\n", r.getStdout());
        assertEquals("err\n", r.getStderr());
        assertFalse(r.isTimedOut());
        assertFalse(r.isStdoutTruncated());
        assertTrue(r.getDurationMillis() >= 0);
    }

    @Test
    void passesStdinEnvironmentAndWorkingDirectory() throws GuestFault, InvalidArgumentFault, NotAuthorizedFault, IOException {
        Command c = command("sh", "-c", "cat; printf '|%s|' \"$GREETING\"; pwd");
        c.setStdin("from stdin");
        EnvironmentVariable v = new EnvironmentVariable();
        v.setName("GREETING");
        v.setValue("hello guest");
        c.getEnvironment().add(v);
        c.setWorkingDirectory(root.toString());
        assertEquals("from stdin|hello guest|" + root.toRealPath() + "\n", port.runCommand(c).getStdout());
    }

    @Test
    void killsCommandsPastTheirTimeout() throws GuestFault, InvalidArgumentFault, NotAuthorizedFault {
        Command c = command("sleep", "60");
        c.setTimeoutSeconds(1);
        CommandResult r = port.runCommand(c);
        assertTrue(r.isTimedOut());
        assertEquals(137, r.getExitCode());
        assertTrue(r.getDurationMillis() >= 1000 && r.getDurationMillis() < 10_000, "took " + r.getDurationMillis());
    }

    @Test
    void terminalControlCharactersDoNotBreakTheResponse() throws GuestFault, InvalidArgumentFault, NotAuthorizedFault {
        CommandResult r = port.runCommand(command("printf", "\\033[31mred\\033[0m\\000"));
        assertEquals("\uFFFD[31mred\uFFFD[0m\uFFFD", r.getStdout());
    }

    @Test
    void badCommandsGetTypedFaultsAndTheServiceGoesOn() throws GuestFault, InvalidArgumentFault, NotAuthorizedFault {
        assertFault("EMPTY_COMMAND", InvalidArgumentFault.class, () -> port.runCommand(new Command()));
        Command negative = command("true");
        negative.setTimeoutSeconds(-5);
        assertFault("INVALID_TIMEOUT", InvalidArgumentFault.class, () -> port.runCommand(negative));
        Command relative = command("true");
        relative.setWorkingDirectory("tmp");
        assertFault("PATH_NOT_ABSOLUTE", InvalidArgumentFault.class, () -> port.runCommand(relative));
        assertFault("PROGRAM_NOT_FOUND", InvalidArgumentFault.class, () -> port.runCommand(command("gve-no-such-program")));
        assertEquals(0, port.runCommand(command("true")).getExitCode());
    }

    @Test
    void putAndGetRoundTripWithChecksumAndMode() throws GuestFault, InvalidArgumentFault, NotAuthorizedFault, NotFoundFault, IOException {
        byte[] data = "#!/bin/sh\necho installed\n".getBytes(StandardCharsets.UTF_8);
        Path target = root.resolve("install.sh");
        FileInfo put = port.putFile(target.toString(), "0755", sha256(data), content(data));
        assertEquals(target.toString(), put.getPath());
        assertEquals(data.length, put.getSize());
        assertEquals("0755", put.getMode());
        assertEquals(sha256(data), put.getSha256());
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("installed\n", port.runCommand(command(target.toString())).getStdout());

        Holder<FileInfo> info = new Holder<>();
        Holder<DataHandler> body = new Holder<>();
        port.getFile(target.toString(), info, body);
        assertEquals(sha256(data), info.value.getSha256());
        assertEquals(data.length, info.value.getSize());
        assertEquals("0755", info.value.getMode());
        try (InputStream in = org.gve.wsdl.runtime.Attachments.open(body.value)) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void checksumMismatchIsRefusedAndLeavesNoFile() throws IOException {
        Path target = root.resolve("mismatch.bin");
        byte[] data = {1, 2, 3};
        assertFault("SHA256_MISMATCH", InvalidArgumentFault.class,
                () -> port.putFile(target.toString(), null, "0".repeat(64), content(data)));
        assertFalse(Files.exists(target));
        try (var files = Files.list(root)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".gve-put-")), "no temporary file left");
        }
    }

    @Test
    void badFileRequestsGetTypedFaults() {
        byte[] data = {1};
        assertFault("PATH_NOT_ABSOLUTE", InvalidArgumentFault.class, () -> port.putFile("relative.txt", null, null, content(data)));
        assertFault("INVALID_MODE", InvalidArgumentFault.class, () -> port.putFile(root.resolve("m").toString(), "rwx", null, content(data)));
        assertFault("PATH_OUTSIDE_ROOT", InvalidArgumentFault.class, () -> port.putFile("/tmp/gve-outside", null, null, content(data)));
        assertFault("DIRECTORY_NOT_FOUND", NotFoundFault.class, () -> port.putFile(root.resolve("no/dir/f").toString(), null, null, content(data)));
        assertFault("FILE_NOT_FOUND", NotFoundFault.class, () -> port.getFile(root.resolve("missing").toString(), new Holder<>(), new Holder<>()));
        assertFault("PATH_NOT_ABSOLUTE", InvalidArgumentFault.class, () -> port.getFile("missing", new Holder<>(), new Holder<>()));
    }

    @Test
    void describesTheGuest() throws GuestFault, NotAuthorizedFault {
        GuestInfo g = port.getGuestInfo();
        assertFalse(g.getHostName().isBlank());
        assertNotNull(g.getOperatingSystem().getName());
        assertFalse(g.getArchitecture().isBlank());
        assertEquals("0.1.0-SNAPSHOT", g.getServiceVersion(), "version from the jar's manifest");
    }

    @Test
    void wrongOrMissingCredentialsAreRefusedAndNothingRuns() {
        Path marker = root.resolve("must-not-exist");
        Command touch = command("touch", marker.toString());
        for (Install intruder : List.of(Clients.install(server.address(), Clients.USER, PASSWORD + "x"),
                Clients.install(server.address(), "someone", PASSWORD),
                Clients.install(server.address(), null, null))) {
            assertFault("NOT_AUTHORIZED", NotAuthorizedFault.class, () -> intruder.runCommand(touch));
            assertFault("NOT_AUTHORIZED", NotAuthorizedFault.class, () -> intruder.putFile(marker.toString(), null, null, content(new byte[] {1})));
            assertFault("NOT_AUTHORIZED", NotAuthorizedFault.class, intruder::getGuestInfo);
        }
        assertFalse(Files.exists(marker));
    }

    @Test
    void contractNeedsTheCredentialToo() throws IOException, InterruptedException {
        HttpResponse<String> r = new PublishedContract(null, null).get(URI.create(server.address() + "?wsdl"));
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    }

    @Test
    void publishesTheHandWrittenWsdlAndSchemas() throws IOException, InterruptedException {
        PublishedContract contract = new PublishedContract(Clients.USER, PASSWORD);
        HttpResponse<String> wsdl = contract.get(URI.create(server.address() + "?wsdl"));
        assertEquals(200, wsdl.statusCode());
        for (String expected : List.of("soapAction=\"urn:gve:install:1#RunCommand\"", "soapAction=\"urn:gve:install:1#PutFile\"",
                "soapAction=\"urn:gve:install:1#GetFile\"", "soapAction=\"urn:gve:install:1#GetGuestInfo\"",
                "Runs inside a guest; only the agent holding the VM's credential may call it.",
                "Write a file (streamed, MTOM); Sha256, when given, is checked before the file replaces any old one.",
                "<soap:address location=\"" + server.address() + "\"/>")) {
            assertTrue(wsdl.body().contains(expected), expected);
        }
        Document published = PublishedContract.parse(wsdl.body());
        List<String> imports = PublishedContract.schemaLocations(published);
        assertEquals(2, imports.size(), imports.toString());
        assertTrue(PublishedContract.normalized(published)
                .isEqualNode(PublishedContract.normalized(PublishedContract.classpathDocument("org/gve/wsdl/InstallService.wsdl"))),
                "published WSDL is the hand-written one");

        for (String location : imports) {
            HttpResponse<String> xsd = contract.get(URI.create(location));
            assertEquals(200, xsd.statusCode(), location);
            Document schema = PublishedContract.parse(xsd.body());
            String ns = schema.getDocumentElement().getAttribute("targetNamespace");
            String resource = ns.equals("urn:gve:common:1") ? "org/gve/wsdl/common.xsd" : "org/gve/wsdl/glue.xsd";
            assertTrue(PublishedContract.normalized(schema).isEqualNode(PublishedContract.normalized(PublishedContract.classpathDocument(resource))),
                    location + " is " + resource + " as written");
        }
    }

    @Test
    void malformedRequestsGetFaultsWithoutStackTraces() throws IOException, InterruptedException, GuestFault, NotAuthorizedFault {
        PublishedContract http = new PublishedContract(Clients.USER, PASSWORD);
        for (String body : List.of("<not-closed", "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
                + "<RunCommand xmlns=\"urn:gve:install:1\"><Command><TimeoutSeconds>soon</TimeoutSeconds></Command></RunCommand>"
                + "</S:Body></S:Envelope>")) {
            HttpResponse<String> r = http.post(server.address(), "text/xml; charset=utf-8", body);
            assertEquals(500, r.statusCode(), r.body());
            assertTrue(r.body().contains("Fault"), r.body());
            assertFalse(r.body().contains("\tat ") || r.body().contains("stackTrace") || r.body().contains(".java:"), r.body());
        }
        assertFalse(port.getGuestInfo().getHostName().isBlank(), "still serving");
        assertTrue(server.isAlive());
    }

    private static Command command(String... argv) {
        Command c = new Command();
        c.getArgument().addAll(List.of(argv));
        return c;
    }

    private static DataHandler content(byte[] data) {
        return new DataHandler(new ByteArrayDataSource(data, "application/octet-stream"));
    }

    private static <T extends Exception> void assertFault(String code, Class<T> type, Executable call) {
        T fault = assertThrows(type, call);
        FaultDetail detail = faultInfo(fault);
        assertEquals(code, detail.getCode(), detail.getMessage());
        assertFalse(detail.getMessage().isBlank());
    }

    private static FaultDetail faultInfo(Exception fault) {
        if (fault instanceof InvalidArgumentFault f) {
            return f.getFaultInfo();
        } else if (fault instanceof NotFoundFault f) {
            return f.getFaultInfo();
        } else if (fault instanceof NotAuthorizedFault f) {
            return f.getFaultInfo();
        } else if (fault instanceof GuestFault f) {
            return f.getFaultInfo();
        }
        throw new AssertionError("not a contract fault: " + fault);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
