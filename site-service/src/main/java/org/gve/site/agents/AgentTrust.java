package org.gve.site.agents;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Whom the site trusts when it calls agents over HTTPS: the JVM's default trust plus, when
 * configured, the certificates of one more keystore (PKCS12) — an agent's self-signed certificate,
 * or, in the all-in-one, the server's own keystore, so the site can reach the agent it runs beside.
 * Certificates are verified as usual (chain, validity, host name); nothing is trusted blindly.
 */
public final class AgentTrust {
    private AgentTrust() {
    }

    /** Socket factory for calls to agents; null when {@code store} is null (the JVM's default applies). */
    public static SSLSocketFactory socketFactory(Path store, String password) {
        if (store == null) return null;
        try {
            KeyStore extra = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                extra.load(in, password == null ? new char[0] : password.toCharArray());
            }
            X509TrustManager both = new Either(trustManager(null), trustManager(extra));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {both}, null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the agent truststore " + store + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager"));
    }

    /** Trusts a server that either trust manager trusts. */
    private record Either(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the site does not accept client connections with this trust manager");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return Stream.concat(Arrays.stream(first.getAcceptedIssuers()), Arrays.stream(second.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
