package org.gve.harness.site;

import org.gve.harness.RawSoap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WS-Security UsernameToken (PasswordText) as the second way to authenticate, beside HTTP Basic,
 * over hand-made SOAP as a client of any stack would send it; the Security header carries
 * mustUnderstand="1", which the site processes (Metro would otherwise refuse the request).
 */
class SiteSecurityIT {
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String TEXT = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    private static final String DIGEST = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    private static SiteServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        server = new SiteServer(Map.of());
        server.addUser("erin", "erin-password");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String envelope(String securityHeader, String body) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + (securityHeader == null ? "" : "<s:Header>" + securityHeader + "</s:Header>")
                + "<s:Body>" + body + "</s:Body></s:Envelope>";
    }

    private static String token(String user, String password, String type) {
        return "<wsse:Security xmlns:wsse=\"" + WSSE + "\" xmlns:wsu=\"" + WSU + "\" s:mustUnderstand=\"1\">"
                + "<wsu:Timestamp wsu:Id=\"TS-1\"><wsu:Created>2030-01-01T00:00:00Z</wsu:Created></wsu:Timestamp>"
                + "<wsse:UsernameToken wsu:Id=\"UT-1\"><wsse:Username>" + user + "</wsse:Username>"
                + "<wsse:Password Type=\"" + type + "\">" + password + "</wsse:Password></wsse:UsernameToken>"
                + "</wsse:Security>";
    }

    private RawSoap.Reply post(String path, String basicUser, String basicPassword, String envelope) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (basicUser != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((basicUser + ":" + basicPassword).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new RawSoap.Reply(response.statusCode(), response.body());
    }

    private static String faultCode(RawSoap.Reply reply) {
        Matcher m = Pattern.compile("<(?:\\w+:)?Code>([A-Z_]+)</").matcher(reply.body());
        assertTrue(m.find(), "a typed fault with a Code: " + reply.body());
        return m.group(1);
    }

    @Test
    void aUsernameTokenWithMustUnderstandAuthenticates() throws Exception {
        RawSoap.Reply jobs = post("/site/JobStateQuery", null, null,
                envelope(token("erin", "erin-password", TEXT), "<ListJobs xmlns=\"urn:gve:site:1\"/>"));
        assertEquals(200, jobs.status(), jobs.body());
        assertTrue(jobs.body().contains("ListJobsResponse"), jobs.body());

        RawSoap.Reply users = post("/site/SiteAdministration", null, null, envelope(
                token(SiteServer.ADMIN, SiteServer.ADMIN_PASSWORD, TEXT), "<ListUsers xmlns=\"urn:gve:site:1\"/>"));
        assertEquals(200, users.status(), users.body());
        assertTrue(users.body().contains("erin"), "the administrator's token reaches administration: " + users.body());
    }

    @Test
    void aRequestMadeWithATokenBelongsToTheTokensUser() throws Exception {
        RawSoap.Reply reply = post("/site/VirtualMachineRequest", null, null, envelope(token("erin", "erin-password", TEXT),
                "<RequestVirtualMachine xmlns=\"urn:gve:site:1\" xmlns:g=\"urn:gve:glue:1.3\"><Profile>"
                        + "<g:VCpus>1</g:VCpus><g:MemoryMiB>256</g:MemoryMiB></Profile></RequestVirtualMachine>"));
        assertEquals(200, reply.status(), reply.body());
        Matcher job = Pattern.compile("<(?:\\w+:)?JobID>([^<]+)</").matcher(reply.body());
        assertTrue(job.find(), reply.body());
        assertTrue(reply.body().contains("erin"), "owner: " + reply.body());
        SiteServer.await(server.jobs("erin", "erin-password"), job.group(1));
    }

    @Test
    void wrongUnsupportedOrConflictingTokensAreRefusedWithNotAuthorized() throws Exception {
        RawSoap.Reply wrong = post("/site/JobStateQuery", null, null,
                envelope(token("erin", "guess", TEXT), "<ListJobs xmlns=\"urn:gve:site:1\"/>"));
        assertEquals(500, wrong.status());
        assertTrue(wrong.body().contains("NotAuthorizedFault"), wrong.body());
        assertEquals("WRONG_CREDENTIALS", faultCode(wrong));

        RawSoap.Reply digest = post("/site/JobStateQuery", null, null,
                envelope(token("erin", "bm90IGEgZGlnZXN0", DIGEST), "<ListJobs xmlns=\"urn:gve:site:1\"/>"));
        assertEquals("WRONG_CREDENTIALS", faultCode(digest));
        assertTrue(digest.body().contains("PasswordText"), digest.body());

        RawSoap.Reply conflicting = post("/site/JobStateQuery", SiteServer.ADMIN, SiteServer.ADMIN_PASSWORD,
                envelope(token("erin", "erin-password", TEXT), "<ListJobs xmlns=\"urn:gve:site:1\"/>"));
        assertEquals("CONFLICTING_CREDENTIALS", faultCode(conflicting));

        RawSoap.Reply notAdmin = post("/site/SiteAdministration", null, null,
                envelope(token("erin", "erin-password", TEXT), "<ListUsers xmlns=\"urn:gve:site:1\"/>"));
        assertEquals("ADMINISTRATOR_REQUIRED", faultCode(notAdmin));

        RawSoap.Reply none = post("/site/JobStateQuery", null, null, envelope(null, "<ListJobs xmlns=\"urn:gve:site:1\"/>"));
        assertEquals("NOT_AUTHENTICATED", faultCode(none));
        assertTrue(none.body().contains("UsernameToken"), "the fault says how to authenticate: " + none.body());
        for (RawSoap.Reply r : new RawSoap.Reply[]{wrong, digest, conflicting, notAdmin, none}) {
            assertFalse(r.body().contains("erin-password") || r.body().contains("at org."), r.body());
        }
    }

    @Test
    void basicAuthenticationStillWorksBesideIt() throws Exception {
        RawSoap.Reply basic = post("/site/JobStateQuery", "erin", "erin-password",
                envelope(null, "<ListJobs xmlns=\"urn:gve:site:1\"/>"));
        assertEquals(200, basic.status(), basic.body());
        RawSoap.Reply both = post("/site/JobStateQuery", "erin", "erin-password",
                envelope(token("erin", "erin-password", TEXT), "<ListJobs xmlns=\"urn:gve:site:1\"/>"));
        assertEquals(200, both.status(), both.body());
        RawSoap.Reply wrongBasic = post("/site/JobStateQuery", "erin", "guess",
                envelope(token("erin", "erin-password", TEXT), "<ListJobs xmlns=\"urn:gve:site:1\"/>"));
        assertEquals("WRONG_CREDENTIALS", faultCode(wrongBasic), "wrong credentials anywhere refuse the call");
    }

    @Test
    void anUnknownMustUnderstandHeaderIsStillRefused() throws Exception {
        String other = "<x:Routing xmlns:x=\"urn:example:other\" s:mustUnderstand=\"1\">somewhere</x:Routing>";
        RawSoap.Reply reply = post("/site/JobStateQuery", "erin", "erin-password",
                envelope(other, "<ListJobs xmlns=\"urn:gve:site:1\"/>"));
        assertEquals(500, reply.status());
        assertTrue(reply.body().contains("MustUnderstand"), "only the Security header is understood: " + reply.body());
    }

}
