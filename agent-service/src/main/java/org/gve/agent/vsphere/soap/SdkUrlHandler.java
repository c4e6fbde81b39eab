package org.gve.agent.vsphere.soap;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens the SDK URL's connections with this connection's own TLS settings. vijava's
 * {@code WSClient.post} opens {@code baseUrl.openConnection()}; giving it a URL built with this
 * handler ({@code WSClient.setBaseUrl}) is how a truststore reaches vijava without touching the
 * JVM-wide {@code HttpsURLConnection} defaults (which vijava's {@code ignoreCert} would replace
 * with trust-all).
 */
public final class SdkUrlHandler extends URLStreamHandler {
    private final SSLSocketFactory tls;

    public SdkUrlHandler(SSLSocketFactory tls) {
        this.tls = tls;
    }

    /** {@code sdkUrl} as a URL whose connections go through this handler. */
    public URL url(String sdkUrl) throws IOException {
        return new URL(null, sdkUrl, this);
    }

    @Override
    protected URLConnection openConnection(URL u) throws IOException {
        URLConnection connection;
        try {
            connection = u.toURI().toURL().openConnection(); // the JDK's own https handler
        } catch (URISyntaxException e) {
            throw new IOException("bad SDK URL " + u, e);
        }
        if (!(connection instanceof HttpsURLConnection https)) {
            throw new IOException("the vSphere SDK URL must use https: " + u);
        }
        https.setSSLSocketFactory(tls);
        return https;
    }
}
