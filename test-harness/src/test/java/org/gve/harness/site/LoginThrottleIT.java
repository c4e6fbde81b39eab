package org.gve.harness.site;

import org.gve.harness.RawSoap;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed logins throttled per client address, over real HTTP: after the configured number of
 * failures (wrong passwords and unknown users alike, through HTTP Basic or a UsernameToken) even the
 * right password from that address is refused with NotAuthorized LOGINS_PAUSED saying for how long,
 * while another loopback address (127.0.0.2) is served, until the short configured lockout ends.
 */
class LoginThrottleIT {
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String LIST_JOBS = "<ListJobs xmlns=\"urn:gve:site:1\"/>";
    private static final Duration LOCKOUT = Duration.ofSeconds(2);
    private static SiteServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        server = new SiteServer(Map.of(
                "gve.agent.enabled", "false",
                "gve.site.login-throttle.max-failures", "3",
                "gve.site.login-throttle.window-seconds", "60",
                "gve.site.login-throttle.lockout-seconds", Long.toString(LOCKOUT.toSeconds())));
        server.addUser("erin", "erin-password");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String envelope(String securityHeader) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + (securityHeader == null ? "" : "<s:Header>" + securityHeader + "</s:Header>")
                + "<s:Body>" + LIST_JOBS + "</s:Body></s:Envelope>";
    }

    private static String token(String user, String password) {
        return "<wsse:Security xmlns:wsse=\"" + WSSE + "\" s:mustUnderstand=\"1\"><wsse:UsernameToken>"
                + "<wsse:Username>" + user + "</wsse:Username><wsse:Password>" + password + "</wsse:Password>"
                + "</wsse:UsernameToken></wsse:Security>";
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** ListJobs from 127.0.0.1 (the client's default loopback address). */
    private RawSoap.Reply listJobs(String basicUser, String basicPassword, String securityHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint("/site/JobStateQuery"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope(securityHeader), StandardCharsets.UTF_8));
        if (basicUser != null) request.header("Authorization", basic(basicUser, basicPassword));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new RawSoap.Reply(response.statusCode(), response.body());
    }

    /** ListJobs with HTTP Basic over a plain HTTP/1.0 connection made from another loopback address. */
    private static RawSoap.Reply listJobsFrom(String localAddress, String user, String password) throws Exception {
        URI endpoint = server.endpoint("/site/JobStateQuery");
        byte[] body = envelope(null).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getByName(endpoint.getHost()), endpoint.getPort(),
                InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + endpoint.getRawPath() + " HTTP/1.0\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort()
                    + "\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: \"\"\r\nAuthorization: " + basic(user, password)
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4));
            return new RawSoap.Reply(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    private static String faultCode(RawSoap.Reply reply) {
        Matcher m = Pattern.compile("<(?:\\w+:)?Code>([A-Z_]+)</").matcher(reply.body());
        assertTrue(m.find(), "a typed fault with a Code: " + reply.body());
        return m.group(1);
    }

    private static void assertPaused(RawSoap.Reply reply, String way) {
        assertEquals(500, reply.status(), reply.body());
        assertTrue(reply.body().contains("NotAuthorizedFault"), reply.body());
        assertEquals("LOGINS_PAUSED", faultCode(reply));
        assertTrue(Pattern.compile("too many failed logins from 127\\.0\\.0\\.1: logins from this address are paused"
                + " for [12] s; try again after that \\(" + Pattern.quote(way) + "\\)").matcher(reply.body()).find(),
                "says which address, why and for how long: " + reply.body());
        assertFalse(reply.body().contains("erin-password") || reply.body().contains("at org."), reply.body());
    }

    @Test
    void afterTheLimitEvenTheRightPasswordIsRefusedFromThatAddressUntilTheLockoutEnds() throws Exception {
        assertEquals(200, listJobs("erin", "erin-password", null).status(), "a good login first (and remembered)");

        assertEquals("WRONG_CREDENTIALS", faultCode(listJobs("erin", "guess", null)));
        assertEquals("WRONG_CREDENTIALS", faultCode(listJobs(null, null, token("invented-user", "guess"))),
                "unknown users count too");
        assertEquals("WRONG_CREDENTIALS", faultCode(listJobs("another-invented-user", "guess", null)),
                "the failure that reaches the limit is still answered as what it was");
        long lockedBy = System.nanoTime();

        assertPaused(listJobs("erin", "erin-password", null), "HTTP Basic");
        assertPaused(listJobs(null, null, token("erin", "erin-password")), "WS-Security UsernameToken");
        NotAuthorizedFault typed = assertThrows(NotAuthorizedFault.class,
                () -> server.jobs("erin", "erin-password").listJobs(null, null));
        assertEquals("LOGINS_PAUSED", typed.getFaultInfo().getCode(), "a generated client gets the contract's typed fault");

        RawSoap.Reply elsewhere = listJobsFrom("127.0.0.2", "erin", "erin-password");
        assertEquals(200, elsewhere.status(), "another address is served: " + elsewhere.body());
        assertTrue(elsewhere.body().contains("ListJobsResponse"), elsewhere.body());
        assertPaused(listJobs("erin", "erin-password", null), "HTTP Basic");

        long left = lockedBy + LOCKOUT.toNanos() + Duration.ofMillis(200).toNanos() - System.nanoTime();
        if (left > 0) Thread.sleep(Duration.ofNanos(left).toMillis() + 1);
        RawSoap.Reply after = listJobs("erin", "erin-password", null);
        assertEquals(200, after.status(), "the lockout is over: " + after.body());
        assertTrue(after.body().contains("ListJobsResponse"), after.body());
    }
}
