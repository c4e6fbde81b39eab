package org.gve.harness;

import org.gve.deploy.web.Authentication;
import org.gve.deploy.web.GveServer;
import org.gve.deploy.web.Mount;
import org.gve.deploy.web.SoapEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.namespace.QName;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While a service is still starting (recovering interrupted jobs), its endpoints answer calls with
 * 503 and a SOAP fault saying so, but already publish their WSDL; once started they serve.
 */
class StartupGateIT {
    @Test
    void callsWaitForTheServiceToStartButTheContractIsPublishedAtOnce(@TempDir Path dir) throws Exception {
        try (GveTestServer gve = new GveTestServer(Map.of())) {
            AtomicBoolean ready = new AtomicBoolean(false);
            GveServer server = new GveServer(dir, "127.0.0.1", 0, null, null);
            server.mount(new Mount("/site", List.of(new SoapEndpoint("/site/JobStateQuery", gve.gve().site().jobPort(),
                    "org/gve/wsdl/SiteService.wsdl", new QName("urn:gve:site:1", "SiteService"),
                    new QName("urn:gve:site:1", "JobStateQueryPort"))),
                    (user, password, from) -> Authentication.WRONG, ready::get));
            server.start();
            try {
                URI endpoint = URI.create("http://127.0.0.1:" + server.port() + "/gve/site/JobStateQuery");
                RawSoap raw = new RawSoap();
                String listJobs = RawSoap.envelope("<ListJobs xmlns=\"urn:gve:site:1\"/>");
                RawSoap.Reply starting = raw.post(endpoint, "x", "y", listJobs);
                assertEquals(503, starting.status());
                assertTrue(starting.body().contains("starting"), starting.body());
                var retry = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(listJobs)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                assertEquals("5", retry.headers().firstValue("Retry-After").orElse(null), "clients are told when to retry");
                assertEquals(200, raw.get(URI.create(endpoint + "?wsdl")).status());
                ready.set(true);
                RawSoap.Reply started = raw.post(endpoint, "x", "y", listJobs);
                assertTrue(started.body().contains("NotAuthorizedFault"), "served by the endpoint now: " + started.body());
            } finally {
                server.close();
            }
        }
    }
}
