package org.gve.agent.vsphere.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class TrustStoreTlsTest {
    private static final Path STORE = store();

    @Test
    void socketsCheckTheHostNameInTheHandshake() throws IOException, GeneralSecurityException {
        SSLSocketFactory tls = TrustStoreTls.fromTrustStore(STORE, "changeit".toCharArray(), "PKCS12");
        try (SSLSocket socket = (SSLSocket) tls.createSocket()) {
            assertEquals("HTTPS", socket.getSSLParameters().getEndpointIdentificationAlgorithm());
        }
    }

    @Test
    void aWrongPasswordOrMissingFileFails() {
        assertThrows(IOException.class, () -> TrustStoreTls.fromTrustStore(STORE, "wrong".toCharArray(), "PKCS12"));
        assertThrows(IOException.class, () -> TrustStoreTls.fromTrustStore(Path.of("/nonexistent.p12"),
                "changeit".toCharArray(), "PKCS12"));
    }

    @Test
    void sdkUrlsOpenHttpsConnectionsWithTheirOwnSocketFactory() throws IOException, GeneralSecurityException {
        SSLSocketFactory tls = TrustStoreTls.fromTrustStore(STORE, "changeit".toCharArray(), "PKCS12");
        URL url = new SdkUrlHandler(tls).url("https://127.0.0.1:1/sdk");
        URLConnection connection = url.openConnection();
        HttpsURLConnection https = assertInstanceOf(HttpsURLConnection.class, connection);
        assertEquals(tls, https.getSSLSocketFactory());
        assertNotSame(tls, HttpsURLConnection.getDefaultSSLSocketFactory(), "the JVM-wide default is left alone");
        assertThrows(IOException.class, () -> new SdkUrlHandler(tls).url("http://127.0.0.1:1/sdk").openConnection());
    }

    private static Path store() {
        try {
            return Path.of(TrustStoreTlsTest.class.getResource("/vsphere/unrelated-trust.p12").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
