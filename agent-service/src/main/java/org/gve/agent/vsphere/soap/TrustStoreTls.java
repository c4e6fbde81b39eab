package org.gve.agent.vsphere.soap;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for one vSphere connection: trust exactly the certificates of a truststore (or the JVM's
 * default trust), and check the host name inside the handshake on every socket. Nothing here
 * changes JVM-wide defaults, and there is no trust-all mode.
 */
public final class TrustStoreTls {
    private TrustStoreTls() {
    }

    /** Sockets trusting the certificates in {@code trustStore} (of type {@code type}, e.g. PKCS12). */
    public static SSLSocketFactory fromTrustStore(Path trustStore, char[] password, String type)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, password);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return new HostnameChecking(context.getSocketFactory());
    }

    /** Sockets trusting what the JVM trusts by default (cacerts or javax.net.ssl.trustStore). */
    public static SSLSocketFactory jvmDefault() throws GeneralSecurityException {
        return new HostnameChecking(SSLContext.getDefault().getSocketFactory());
    }

    /**
     * Sets endpoint identification "HTTPS" on each socket, so the JSSE handshake itself checks the
     * certificate against the host name, whatever HostnameVerifier the JVM has as default.
     */
    static final class HostnameChecking extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        HostnameChecking(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return checked(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return checked(delegate.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return checked(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return checked(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return checked(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return checked(delegate.createSocket(address, port, localAddress, localPort));
        }

        private static Socket checked(Socket socket) {
            if (socket instanceof SSLSocket ssl) {
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
            }
            return socket;
        }
    }
}
